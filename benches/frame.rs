//! One frame of the kiosk, headless: the UI code and the tessellation of what it draws (what
//! eframe does before handing triangles to the GPU), for a large generated board — 12 sections:
//! 10 indicators with 365 daily values each, an action plan and an ideas board of 150 cards
//! each — for the same board with ten years of values (the frame must not grow with history),
//! and for each example board.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;

use chrono::{Duration, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use huddle::app::{Clock, KioskApp};
use huddle::model::{Edit, Origin};
use huddle::store::Store;

const TODAY: (i32, u32, u32) = (2026, 11, 23);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
}

/// The large board: 10 indicators on two rows of five, then the actions and the ideas.
fn large_board(dir: &Path) {
    let mut toml = String::from(
        "[board]\nid = \"large\"\ntitle = \"Grand tableau\"\nlevel = \"team\"\nlanguage = \"fr\"\n\
         columns = 5\nrows = 3\n\n",
    );
    for i in 0..10 {
        write!(
            toml,
            "[[section]]\nid = \"ind-{i}\"\nkind = \"indicator\"\ntitle = \"Indicateur {i}\"\n\
             column = {}\nrow = {}\nunit = \"jours\"\ntarget = 20\nwarning = 30\n\
             direction = \"lower\"\nfrequency = \"daily\"\n\n",
            i % 5 + 1,
            i / 5 + 1
        )
        .unwrap();
    }
    toml.push_str(
        "[[section]]\nid = \"actions\"\nkind = \"actions\"\ntitle = \"Plan d'action\"\n\
         column = 1\nrow = 3\nwidth = 2\n\n\
         [[section]]\nid = \"idees\"\nkind = \"ideas\"\ntitle = \"Idées\"\ncolumn = 3\nrow = 3\n\
         width = 3\ncolumns = [\"Proposée\", \"À l'essai\", \"Adoptée\"]\n",
    );
    std::fs::write(dir.join("large.toml"), toml).unwrap();
}

/// The large board's entries: `days` daily values per indicator, 150 actions, 150 ideas.
fn large_store(days: i64) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let at = Utc::now();
    for i in 0..10 {
        let mut csv = String::new();
        for d in 0..days {
            let date = today() - Duration::days(days - 1 - d);
            writeln!(csv, "{date};{}", 15 + (d * 7 + i) % 17).unwrap();
        }
        let (rows, bad) = huddle::feed::parse_csv(&csv);
        assert!(bad.is_empty());
        huddle::feed::import(&mut store, "large", &format!("ind-{i}"), &rows, "bench", at).unwrap();
    }
    for n in 0..150 {
        for (section, edit) in [
            (
                "actions",
                Edit::AddAction {
                    title: format!("Action numéro {n} à mener avant la fin du mois"),
                    owner: Some("Élise M.".into()),
                    due: Some(today() + Duration::days(n % 20 - 5)),
                },
            ),
            (
                "idees",
                Edit::AddIdea {
                    title: format!("Idée numéro {n}"),
                    by: None,
                    column: ["Proposée", "À l'essai", "Adoptée"][(n % 3) as usize].into(),
                },
            ),
        ] {
            let change = edit
                .into_change("large", section, "bench", Origin::Cli, at)
                .unwrap();
            store.apply(&change).unwrap();
        }
    }
    store
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

/// A context set up as the kiosk's, warmed by a few frames (fonts, layout caches).
fn warmed(app: &mut KioskApp) -> egui::Context {
    let ctx = egui::Context::default();
    huddle::ui::theme::setup(&ctx);
    for _ in 0..3 {
        let out = ctx.run_ui(input(), |ui| {
            app.logic();
            app.ui(ui);
        });
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    }
    ctx
}

fn bench_frame(c: &mut Criterion, name: &str, app: impl FnOnce() -> KioskApp) {
    if let Some(frames) = profiling() {
        if args_filter().is_none_or(|f| name.contains(&f)) {
            let mut app = app();
            let ctx = warmed(&mut app);
            profiled_frames(&ctx, &mut app, frames);
        }
        return;
    }
    let mut app = app();
    let ctx = warmed(&mut app);
    c.bench_function(name, |b| {
        b.iter(|| {
            let out = ctx.run_ui(input(), |ui| {
                app.logic();
                app.ui(ui);
            });
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
        });
    });
}

/// `FRAME_PROFILE=n`: instead of measuring, makes `n` frames of each board whose name holds the
/// filter given on the command line (a regular expression for criterion: its backslashes are
/// dropped here), in [`profiled_frames`], which a profiler can single out:
/// `FRAME_PROFILE=100 valgrind --tool=callgrind --collect-atstart=no
/// --toggle-collect='*profiled_frames*' target/release/deps/frame-… --bench 'large board \('`.
fn profiling() -> Option<usize> {
    std::env::var("FRAME_PROFILE").ok()?.parse().ok()
}

fn args_filter() -> Option<String> {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with("--"))?;
    Some(filter.replace('\\', ""))
}

#[inline(never)]
fn profiled_frames(ctx: &egui::Context, app: &mut KioskApp, frames: usize) {
    for _ in 0..frames {
        let out = ctx.run_ui(input(), |ui| {
            app.logic();
            app.ui(ui);
        });
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    }
}

fn clock() -> Clock {
    Clock::Fixed(today().and_hms_opt(10, 0, 0).unwrap())
}

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    large_board(dir.path());
    for (days, name) in [
        (
            365,
            "frame: large board (12 sections, 300 cards, 10 charts × 365 values)",
        ),
        (
            3650,
            "frame: large board with ten years of values (10 charts × 3,650)",
        ),
    ] {
        let app = || {
            KioskApp::new(
                dir.path().to_owned(),
                Some("large".into()),
                clock(),
                Ok(large_store(days)),
            )
        };
        bench_frame(c, name, app);
    }
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
    let ids: Vec<String> = huddle::layout::load_dir(&examples)
        .unwrap()
        .into_iter()
        .filter_map(|r| r.board.map(|b| b.id))
        .collect();
    for id in ids {
        let app = || {
            KioskApp::new(
                examples.clone(),
                Some(id.clone()),
                clock(),
                Store::open_in_memory(),
            )
        };
        bench_frame(c, &format!("frame: example board {id}"), app);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = frames
}
criterion_main!(benches);
