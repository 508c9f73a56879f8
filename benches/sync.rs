//! Sync speed on one local folder: the work of carrying one change from kiosk A to kiosk B
//! (A publishes, B reads), and the latency a person sees, from a change confirmed on A to B's
//! store holding it, with both sync workers running and watching the folder.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use huddle::model::{Edit, Origin};
use huddle::store::Store;
use huddle::sync::Shared;
use huddle::sync::worker::{SyncWorker, WatchMode};

fn change(n: u64) -> huddle::model::Change {
    Edit::SetValue {
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        value: n as f64,
    }
    .into_change("team", "wait", "bench", Origin::Screen, Utc::now())
    .unwrap()
}

fn carry_one_change(c: &mut Criterion) {
    let shared_dir = tempfile::tempdir().unwrap();
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let shared = Shared {
        dir: shared_dir.path().to_owned(),
        name: "bench".into(),
    };
    let mut a = Store::open(da.path()).unwrap();
    let mut b = Store::open(db.path()).unwrap();
    let mut n = 0;
    c.bench_function(
        "sync: one change from A to B (publish, read, merge)",
        |bench| {
            bench.iter(|| {
                n += 1;
                a.apply(&change(n)).unwrap();
                shared.sync_once(&mut a, Utc::now()).unwrap();
                let report = shared.sync_once(&mut b, Utc::now()).unwrap();
                assert_eq!(report.ingested, 1);
            });
        },
    );
}

fn latency(c: &mut Criterion) {
    let shared_dir = tempfile::tempdir().unwrap();
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = Store::open(da.path()).unwrap();
    let b = Store::open(db.path()).unwrap();
    let shared = |dir: &std::path::Path| Shared {
        dir: dir.to_owned(),
        name: "bench".into(),
    };
    let worker_a = SyncWorker::start(
        da.path().to_owned(),
        shared(shared_dir.path()),
        WatchMode::Native,
        || {},
    )
    .unwrap();
    let _worker_b = SyncWorker::start(
        db.path().to_owned(),
        shared(shared_dir.path()),
        WatchMode::Native,
        || {},
    )
    .unwrap();
    std::thread::sleep(Duration::from_secs(1));
    let mut n = 0;
    let mut group = c.benchmark_group("sync latency");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(
        "a change confirmed on A, in B's store (local folder, watchers)",
        |bench| {
            bench.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    let start = Instant::now();
                    let change = change(n);
                    a.apply(&change).unwrap();
                    // What the kiosk does after a change: tell its worker.
                    worker_a.nudge();
                    loop {
                        let history = b.history("team", 1).unwrap();
                        if history.first().is_some_and(|h| h.change.id == change.id) {
                            break;
                        }
                        std::thread::sleep(Duration::from_millis(1));
                    }
                    total += start.elapsed();
                }
                total
            });
        },
    );
    group.finish();
}

criterion_group!(benches, carry_one_change, latency);
criterion_main!(benches);
