//! Soak: the kiosk driven through a simulated week, as on a wall — a frame each simulated
//! minute (10,080), entries every few minutes of working hours (values, votes, actions and
//! their status, ideas, notes, clients moved, attendance, the safety cross), a snapshot sent at
//! the end of each day, and a second kiosk publishing changes to the shared folder every hour,
//! read by this kiosk's real sync worker. Resident memory is read from `/proc/self/status` at
//! the start of the week (after the first day) and at its end: it must stay flat. Frames are
//! made in a plain egui context, as eframe makes them, tessellation included.
//!
//! `cargo bench --bench soak` (optionally `-- --days N`, and `--steady` for a board whose
//! content stays the same size: then memory must be flat).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::{Datelike as _, NaiveDate, NaiveDateTime, Timelike as _, Utc, Weekday};
use huddle::app::{Clock, KioskApp};
use huddle::model::{ActionStatus, Edit, Origin, SafetyLevel};
use huddle::store::Store;
use huddle::sync::Shared;
use huddle::sync::worker::WatchMode;
use huddle::ui::UiCommand;

const BOARD: &str = "accueil-jeunesse";

/// Resident memory, in KiB (`VmRSS`).
fn rss_kib() -> u64 {
    huddle::memory::resident().unwrap_or(0) / 1024
}

fn edit(section: &str, edit: Edit) -> UiCommand {
    UiCommand::Edit {
        section: section.to_owned(),
        edit,
    }
}

/// What a team does at minute `n` of a working day (one entry every 7 minutes). `steady`: new
/// actions, ideas, notes and clients only on the first day, then the same ones moved and
/// changed, so that the board holds as much on the last day as on the first and memory must
/// not grow; otherwise the board fills up all week.
fn entry(app: &KioskApp, now: NaiveDateTime, n: u32, steady: bool) -> Option<UiCommand> {
    let day = now.date();
    let records = app.store()?.records(BOARD).ok()?;
    let of_kind = |kind: huddle::model::EntryKind| {
        records
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    };
    let first_day = now.date() == NaiveDate::from_ymd_opt(2026, 11, 2)?;
    let mut kind = (n / 7) % 9;
    if steady && !first_day {
        // Adding → changing what is there.
        kind = match kind {
            2 | 5 => 3,
            4 => 9,
            6 => 10,
            k => k,
        };
    }
    Some(match kind {
        9 => {
            let ideas = of_kind(huddle::model::EntryKind::Idea);
            let id = ideas.get(n as usize % ideas.len().max(1))?.clone();
            let column = ["Proposée", "À l'essai", "Adoptée"][(n / 7 % 3) as usize];
            edit(
                "idees",
                Edit::MoveIdea {
                    id,
                    column: column.into(),
                },
            )
        }
        10 => {
            let clients = of_kind(huddle::model::EntryKind::Client);
            let id = clients.get(n as usize % clients.len().max(1))?.clone();
            let stage = ["Réception", "Analyse", "Orientation"][(n / 7 % 3) as usize];
            edit(
                "trajectoire",
                Edit::MoveClient {
                    id,
                    stage: stage.into(),
                    since: day,
                },
            )
        }
        0 => edit(
            "liste-attente",
            Edit::SetValue {
                date: day,
                value: f64::from(15 + n % 11),
            },
        ),
        1 => edit(
            "humeur",
            Edit::Vote {
                date: day,
                face: (n % 5) as u8,
            },
        ),
        2 => edit(
            "actions",
            Edit::AddAction {
                title: format!("Action {} du {day}", n / 7),
                owner: Some("Élise M.".into()),
                due: day.succ_opt(),
            },
        ),
        3 => {
            let actions = of_kind(huddle::model::EntryKind::Action);
            let id = actions.get(n as usize % actions.len().max(1))?.clone();
            let status =
                [ActionStatus::Todo, ActionStatus::Doing, ActionStatus::Done][(n / 7 % 3) as usize];
            edit("actions", Edit::SetActionStatus { id, status })
        }
        4 => edit(
            "idees",
            Edit::AddIdea {
                title: format!("Idée {} du {day}", n / 7),
                by: None,
                column: "Proposée".into(),
            },
        ),
        5 => edit(
            "babillard",
            Edit::AddNote {
                text: format!("Annonce du {day}"),
                recognition: n.is_multiple_of(2),
                expires: day.succ_opt(),
            },
        ),
        6 => edit(
            "trajectoire",
            Edit::AddClient {
                code: format!("J-{:04}", (day.ordinal() * 100 + n) % 10_000),
                stage: "Réception".into(),
                since: day,
                next_step: "Appel".into(),
                owner: None,
            },
        ),
        7 => edit(
            "presences",
            Edit::SetPresent {
                date: day,
                member: "Farid K.".into(),
                present: n.is_multiple_of(2),
            },
        ),
        _ => edit(
            "securite",
            Edit::SetSafety {
                date: day,
                level: SafetyLevel::None,
                note: None,
            },
        ),
    })
}

/// The argument that makes this program the other kiosk for one step:
/// `--peer-step <its data folder> <shared folder> <YYYY-MM-DDTHH:MM>`.
const PEER_STEP: &str = "--peer-step";

/// The other screen of the team, for one hour: a value and a vote, then a sync.
fn peer_step(args: &[String]) {
    let [data, shared, when] = args else {
        panic!("{PEER_STEP} <data> <shared> <YYYY-MM-DDTHH:MM>, not {args:?}");
    };
    let now = NaiveDateTime::parse_from_str(when, "%Y-%m-%dT%H:%M").unwrap();
    let mut peer = Store::open(std::path::Path::new(data)).unwrap();
    for (section, e) in [
        (
            "delai-evaluation",
            Edit::SetValue {
                date: now.date(),
                value: f64::from(now.hour()),
            },
        ),
        (
            "humeur",
            Edit::Vote {
                date: now.date(),
                face: 3,
            },
        ),
    ] {
        let change = e
            .into_change(BOARD, section, "peer", Origin::Screen, Utc::now())
            .unwrap();
        peer.apply(&change).unwrap();
    }
    Shared {
        dir: shared.into(),
        name: "peer".into(),
    }
    .sync_once(&mut peer, Utc::now())
    .unwrap();
}

fn main() {
    // As the kiosk sets its allocator up at start.
    huddle::memory::for_a_long_run();
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == PEER_STEP) {
        peer_step(&args[at + 1..]);
        return;
    }
    let days: i64 = std::env::args()
        .skip_while(|a| a != "--days")
        .nth(1)
        .and_then(|d| d.parse().ok())
        .unwrap_or(7);
    let steady = std::env::args().any(|a| a == "--steady");
    let boards = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
    let (data, peer_data, shared) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    // Monday 2 November 2026, midnight.
    let start = NaiveDate::from_ymd_opt(2026, 11, 2)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let mut app = KioskApp::new(
        boards,
        Some(BOARD.into()),
        Clock::Fixed(start),
        Store::open(data.path()),
    );
    app.set_drift(true);
    app.sync_with(data.path(), shared.path(), WatchMode::Auto, || {});
    app.snapshots_with(
        vec![shared.path().join("huddle-snapshots")],
        shared.path().join("huddle-snapshots"),
        || {},
    );
    // Frames as eframe makes them (the app's logic and UI, then tessellation), in a plain
    // egui context: a test harness would add an accessibility tree the kiosk does not build.
    let ctx = egui::Context::default();
    huddle::ui::theme::setup(&ctx);
    let frame = |app: &mut KioskApp| {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1920.0, 1080.0),
            )),
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| {
            app.logic();
            app.ui(ui);
        });
        std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    let (mut frames, mut edits, mut peer_changes) = (0u64, 0u64, 0u64);
    let mut rss = Vec::new();
    let began = Instant::now();
    for minute in 0..days * 24 * 60 {
        let now = start + chrono::Duration::minutes(minute);
        app.set_clock(Clock::Fixed(now));
        let working = now.weekday() != Weekday::Sat
            && now.weekday() != Weekday::Sun
            && (8..17).contains(&now.hour());
        if working && now.minute().is_multiple_of(7) {
            let n = now.hour() * 60 + now.minute();
            if let Some(command) = entry(&app, now, n, steady) {
                app.apply(command);
                edits += 1;
            }
        }
        if working && now.minute() == 30 {
            // The other screen of the team: a value and a vote, published within the hour,
            // by another process, so that its memory is not counted as this kiosk's.
            let status = std::process::Command::new(std::env::current_exe().unwrap())
                .arg(PEER_STEP)
                .arg(peer_data.path())
                .arg(shared.path())
                .arg(now.format("%Y-%m-%dT%H:%M").to_string())
                .status()
                .unwrap();
            assert!(status.success(), "the other kiosk failed: {status}");
            peer_changes += 2;
        }
        if working && now.hour() == 16 && now.minute() == 59 {
            app.apply(UiCommand::SendSnapshot);
        }
        frame(&mut app);
        frames += 1;
        if minute % (24 * 60) == 24 * 60 - 1 {
            // Let the workers catch up, as the hours between entries do on a wall.
            std::thread::sleep(Duration::from_millis(300));
            frame(&mut app);
            rss.push((rss_kib(), huddle::memory::heap().unwrap_or_default()));
        }
    }
    let elapsed = began.elapsed();
    let changes = app.store().map_or(0, |s| s.change_count().unwrap_or(0));
    println!(
        "soak{}: {days} simulated days, {frames} frames, {edits} entries on screen, \
         {peer_changes} from the other kiosk, {changes} changes in the store, in {:.1} s \
         ({:.2} ms a frame)",
        if steady { " (steady board)" } else { "" },
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / frames as f64
    );
    let mib = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    for (day, (kib, heap)) in rss.iter().enumerate() {
        println!(
            "soak: end of day {:>3}: RSS {:5.1} MiB, heap in use {:5.1} MiB, free in the allocator {:4.1} MiB",
            day + 1,
            mib(kib * 1024),
            mib(heap.in_use),
            mib(heap.free)
        );
    }
    if let (Some((first, first_heap)), Some((last, last_heap))) = (rss.first(), rss.last()) {
        println!(
            "soak: RSS after day 1 {:.1} MiB, after day {days} {:.1} MiB ({:+.1} MiB); \
             heap in use {:.1} → {:.1} MiB",
            mib(first * 1024),
            mib(last * 1024),
            mib(last * 1024) - mib(first * 1024),
            mib(first_heap.in_use),
            mib(last_heap.in_use)
        );
    }
    // Out without dropping the kiosk: under heaptrack, what it still held shows as not freed.
    std::process::exit(0);
}
