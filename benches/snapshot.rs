//! Exporting a snapshot for the level above: the intake team's example board with a year of
//! daily values on its three indicators, a year of mood votes and 40 actions. Timed: building
//! the snapshot from the store (its view as of the day, the run-chart signals, the summaries),
//! rendering its HTML page, and the whole export as `huddle export` does it (both files
//! written, flushed and renamed into place).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

use chrono::{Duration, NaiveDate, TimeZone as _, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use huddle::model::{Edit, Origin};
use huddle::store::Store;

const BOARD: &str = "accueil-jeunesse";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn filled_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut apply = |section: &str, edit: Edit| {
        let change = edit
            .into_change(BOARD, section, "bench", Origin::Cli, Utc::now())
            .unwrap();
        store.apply(&change).unwrap();
    };
    for d in 0..365i64 {
        let date = today() - Duration::days(364 - d);
        for (n, indicator) in ["liste-attente", "delai-evaluation", "premier-contact"]
            .into_iter()
            .enumerate()
        {
            apply(
                indicator,
                Edit::SetValue {
                    date,
                    value: (20 + (d * 7 + n as i64) % 13) as f64,
                },
            );
        }
        apply(
            "humeur",
            Edit::Vote {
                date,
                face: (d % 5) as u8,
            },
        );
    }
    for i in 0..40 {
        apply(
            "actions",
            Edit::AddAction {
                title: format!("Action {i} du plan"),
                owner: Some("Élise M.".into()),
                due: Some(today() + Duration::days(i)),
            },
        );
    }
    store
}

fn export(c: &mut Criterion) {
    let board = huddle::layout::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("boards"))
        .unwrap()
        .into_iter()
        .filter_map(|r| r.board)
        .find(|b| b.id == BOARD)
        .unwrap();
    let store = filled_store();
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 16, 59, 0).unwrap();
    let build = || {
        let records = store.board_records(BOARD).unwrap();
        let view = huddle::view::snapshot::view_as_of(&board, &records, today());
        huddle::view::snapshot::build(&board, &view, today(), at, "bench")
    };
    c.bench_function("snapshot: build from a year of entries", |b| {
        b.iter(|| black_box(build()));
    });
    let snapshot = build();
    c.bench_function("snapshot: render its HTML page", |b| {
        b.iter(|| black_box(huddle::snapshot::html::render(&snapshot)));
    });
    // Each export into a folder of its own: a folder takes at most 999 snapshots a second.
    c.bench_function(
        "snapshot: export (build, JSON and HTML written durably)",
        |b| {
            b.iter_batched(
                || tempfile::tempdir().unwrap(),
                |out| {
                    let written = huddle::snapshot::write(&build(), out.path()).unwrap();
                    (out, black_box(written))
                },
                criterion::BatchSize::PerIteration,
            );
        },
    );
}

criterion_group!(benches, export);
criterion_main!(benches);
