//! The XmR chart's cost: computed once per change of an indicator's values (never per frame),
//! it must stay well under a millisecond for ten years of daily values.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use huddle::model::Direction;
use huddle::spc::Xmr;

fn spc(c: &mut Criterion) {
    let first = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    // Ten years of a daily waiting list: noise around a level that drops twice, with the two
    // changes that began the drops.
    let values: Vec<(NaiveDate, f64)> = (0..3650u64)
        .map(|i| {
            let level = match i {
                0..1200 => 40.0,
                1200..2500 => 30.0,
                _ => 24.0,
            };
            let noise = ((i * 7919) % 13) as f64 - 6.0;
            (first + Days::new(i), level + noise)
        })
        .collect();
    let changes = [first + Days::new(1200), first + Days::new(2500)];
    c.bench_function("spc: XmR of ten years of daily values, three phases", |b| {
        b.iter(|| {
            let x = Xmr::new(
                black_box(&values),
                black_box(&changes),
                None,
                Direction::Lower,
            );
            black_box((x.variation(), x.assurance(Some(25.0), Direction::Lower)))
        });
    });
}

criterion_group!(benches, spc);
criterion_main!(benches);
