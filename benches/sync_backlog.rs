//! A large offline backlog: every kiosk of a region (200 by default) has published a year of
//! typical changes (50 a day) to the shared folder, and one kiosk reads them all at once.
//! Prints the time and peak memory of that import, the database's size, and the start-up
//! after it: opening the store, a sync that finds nothing new, reading a board. Start-up must
//! not replay the years: the store holds every record as it is now, and a sync only looks at
//! file sizes and times.
//!
//!     cargo bench --bench sync_backlog                 # 200 kiosks × 365 days × 50
//!     HUDDLE_BACKLOG_DEVICES=20 cargo bench --bench sync_backlog

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use chrono::{Duration, NaiveDate, TimeZone as _, Utc};
use huddle::model::{Change, EntryKind, Fields, Op, Origin, Stamp, Stamped};
use huddle::store::Store;
use huddle::sync::{Shared, files};
use serde_json::json;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Peak resident memory of this process so far, in MiB.
fn peak_mib() -> f64 {
    huddle::memory::peak_resident().map_or(0.0, |b| b as f64 / (1024.0 * 1024.0))
}

/// One day of one kiosk: values, actions opened and moved, attendance, mood votes, ideas.
fn day_of_changes(device: u64, day: i64, per_day: u64, out: &mut Vec<Change>) {
    let board = format!("team-{}", device / 2);
    let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(day);
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap() + Duration::days(day);
    for i in 0..per_day {
        let (section, kind, record, fields): (&str, EntryKind, String, Fields) = match i % 5 {
            0 => (
                "wait",
                EntryKind::Value,
                format!("value/{board}/wait-{i}/{date}"),
                [("date", json!(date)), ("value", json!(i + day as u64 % 40))]
                    .map(|(k, v)| (k.to_owned(), v))
                    .into(),
            ),
            1 => (
                "actions",
                EntryKind::Action,
                format!("action-{device}-{}", (day as u64 * per_day + i) % 400),
                [
                    ("title", json!(format!("Call the family of client {i}"))),
                    ("status", json!("doing")),
                    ("owner", json!("Amélie")),
                ]
                .map(|(k, v)| (k.to_owned(), v))
                .into(),
            ),
            2 => (
                "present",
                EntryKind::Attendance,
                format!("attendance/{board}/present/{date}/member-{i}"),
                [
                    ("date", json!(date)),
                    ("member", json!(format!("member-{i}"))),
                    ("present", json!(true)),
                ]
                .map(|(k, v)| (k.to_owned(), v))
                .into(),
            ),
            3 => (
                "mood",
                EntryKind::Mood,
                format!("mood-{device}-{day}-{i}"),
                [("date", json!(date)), ("mood", json!(i % 5))]
                    .map(|(k, v)| (k.to_owned(), v))
                    .into(),
            ),
            _ => (
                "ideas",
                EntryKind::Idea,
                format!("idea-{device}-{}", (day as u64 * per_day + i) % 300),
                [
                    ("text", json!("Shorter intake form")),
                    ("column", json!("testing")),
                ]
                .map(|(k, v)| (k.to_owned(), v))
                .into(),
            ),
        };
        out.push(Change {
            id: huddle::model::new_id(),
            board: board.clone(),
            section: section.to_owned(),
            record,
            kind,
            op: Op::Put(fields),
            author: "Amélie".to_owned(),
            at: at + Duration::seconds(i as i64 * 60),
            origin: Origin::Screen,
            undoes: None,
        });
    }
}

fn main() {
    let devices = env("HUDDLE_BACKLOG_DEVICES", 200);
    let days = env("HUDDLE_BACKLOG_DAYS", 365) as i64;
    let per_day = env("HUDDLE_BACKLOG_PER_DAY", 50);
    let work = tempfile::tempdir().unwrap();
    let shared_dir = work.path().join("share");
    let devices_dir = shared_dir.join("huddle-sync/devices");
    std::fs::create_dir_all(&devices_dir).unwrap();
    std::fs::write(shared_dir.join("huddle-sync/FORMAT"), "huddle-sync 1\n").unwrap();

    let t = Instant::now();
    let mut bytes_total = 0u64;
    for device in 0..devices {
        let id = format!("{:016x}", 0xb0_0000 + device);
        let dir = devices_dir.join(&id);
        std::fs::create_dir_all(&dir).unwrap();
        let mut changes = Vec::new();
        for day in 0..days {
            day_of_changes(device, day, per_day, &mut changes);
        }
        let mut last = Stamp::next(None, 0, &id);
        let stamped: Vec<Stamped> = changes
            .into_iter()
            .enumerate()
            .map(|(n, change)| {
                let ms = u64::try_from(change.at.timestamp_millis()).unwrap();
                last = Stamp::next(Some(&last), ms, &id);
                Stamped {
                    seq: n as u64 + 1,
                    stamp: last.clone(),
                    change,
                }
            })
            .collect();
        for chunk in stamped.chunks(5_000) {
            let mut bytes = Vec::new();
            for c in chunk {
                bytes.extend_from_slice(files::encode_line(c).unwrap().as_bytes());
            }
            bytes_total += bytes.len() as u64;
            let name = files::segment_name(chunk[0].seq, chunk[chunk.len() - 1].seq);
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
    let total = devices * days as u64 * per_day;
    println!(
        "backlog: {devices} kiosks × {days} days × {per_day} changes = {total} changes, {:.0} MiB of segments (written in {:.1} s)",
        bytes_total as f64 / 1048576.0,
        t.elapsed().as_secs_f64()
    );
    let peak_before = peak_mib();

    let data = work.path().join("data");
    let shared = Shared {
        dir: shared_dir,
        name: "bench".into(),
    };
    let mut store = Store::open(&data).unwrap();
    let t = Instant::now();
    let report = shared.sync_once(&mut store, Utc::now()).unwrap();
    let import = t.elapsed();
    assert_eq!(report.ingested as u64, total);
    println!(
        "import: {:.1} s ({:.0} changes/s), peak memory {:.0} MiB (before the import: {peak_before:.0} MiB)",
        import.as_secs_f64(),
        total as f64 / import.as_secs_f64(),
        peak_mib()
    );
    drop(store);
    let db = std::fs::metadata(data.join(huddle::store::FILE_NAME)).map_or(0, |m| m.len())
        + std::fs::metadata(data.join("huddle.sqlite3-wal")).map_or(0, |m| m.len());
    println!("database: {:.0} MiB", db as f64 / 1048576.0);

    // Start-up after it: open, a sync that finds nothing new, a board's records.
    let t = Instant::now();
    let mut store = Store::open(&data).unwrap();
    let opened = t.elapsed();
    let t = Instant::now();
    let report = shared.sync_once(&mut store, Utc::now()).unwrap();
    let resync = t.elapsed();
    assert_eq!(report.ingested, 0);
    let t = Instant::now();
    let records = store.records("team-0").unwrap();
    let read = t.elapsed();
    println!(
        "start-up after it: open {:.1} ms, sync with nothing new {:.1} ms, read one board ({} records) {:.1} ms",
        opened.as_secs_f64() * 1e3,
        resync.as_secs_f64() * 1e3,
        records.len(),
        read.as_secs_f64() * 1e3
    );
}
