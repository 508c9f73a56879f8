//! Reading and validating board files: what `huddle check` and every hot reload do.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

fn parse_and_validate(c: &mut Criterion) {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/boards"));
    c.bench_function("boards: read and validate the example folder", |b| {
        b.iter(|| black_box(huddle::layout::load_dir(dir).unwrap()));
    });
    let text = std::fs::read_to_string(dir.join("accueil-jeunesse.toml")).unwrap();
    c.bench_function("boards: parse one board (11 sections)", |b| {
        b.iter(|| black_box(huddle::layout::parse_board(Path::new("a.toml"), &text)));
    });
}

criterion_group!(benches, parse_and_validate);
criterion_main!(benches);
