//! The store's speed: applying one change (the time between a tap on "Save" and the change
//! being durable), and reading a board's records back into the view after a change.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::{Duration, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use huddle::model::{Edit, Origin};
use huddle::store::Store;

fn day(i: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(i)
}

/// A store on disk (WAL, synchronous=FULL: what the kiosk runs) with a year of daily values on
/// ten indicators and 300 actions.
fn filled_store(dir: &std::path::Path) -> Store {
    let mut store = Store::open(dir).unwrap();
    for i in 0..365 {
        for k in 0..10 {
            let c = Edit::SetValue {
                date: day(i),
                value: (i * k) as f64,
            }
            .into_change(
                "team",
                &format!("indicator-{k}"),
                "bench",
                Origin::Cli,
                Utc::now(),
            )
            .unwrap();
            store.apply(&c).unwrap();
        }
    }
    for i in 0..300 {
        let c = Edit::AddAction {
            title: format!("action {i}"),
            owner: None,
            due: Some(day(i)),
        }
        .into_change("team", "actions", "bench", Origin::Cli, Utc::now())
        .unwrap();
        store.apply(&c).unwrap();
    }
    store
}

/// Times `store.apply` of a new value each iteration.
fn bench_apply(c: &mut Criterion, name: &str, store: &mut Store) {
    let mut i = 0i64;
    c.bench_function(name, |b| {
        b.iter(|| {
            i += 1;
            let change = Edit::SetValue {
                date: day(i % 365),
                value: i as f64,
            }
            .into_change("team", "indicator-0", "bench", Origin::Screen, Utc::now())
            .unwrap();
            black_box(store.apply(&change).unwrap());
        });
    });
}

fn apply_one_change(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    bench_apply(
        c,
        "store: apply one change (on disk, durable)",
        &mut filled_store(dir.path()),
    );
    bench_apply(
        c,
        "store: apply one change (in memory)",
        &mut Store::open_in_memory().unwrap(),
    );
}

fn read_board_after_a_change(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path());
    let boards = huddle::layout::load_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/boards"
    )))
    .unwrap();
    let board = boards.into_iter().find_map(|r| r.board).unwrap();
    c.bench_function(
        "store: read a board's 3950 records and build its view",
        |b| {
            b.iter(|| {
                let records = store.records("team").unwrap();
                black_box(huddle::view::build(&board, &records, day(364)));
            });
        },
    );
}

criterion_group!(benches, apply_one_change, read_board_after_a_change);
criterion_main!(benches);
