//! A frame does not grow with history: a board whose indicators hold ten years of values makes
//! the same frame, with the same memory allocated while making it, as the same board holding the
//! last of those years alone. Counted, not timed: alone in its own process, whose allocator
//! counts what each thread asks for.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

use chrono::{Duration, NaiveDate, Utc};
use huddle::app::{Clock, KioskApp};
use huddle::store::Store;
use huddle::view::{self, SectionView};

/// The system's allocator, counting the bytes each thread asks for.
struct Counting;

thread_local! {
    static ASKED: Cell<u64> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    // A thread being torn down has no counter left: its allocations are not counted.
    let _ = ASKED.try_with(|a| a.set(a.get() + bytes as u64));
}

// SAFETY: every call goes to the system allocator with the same arguments; counting allocates
// nothing.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: the caller's guarantees, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: the caller's guarantees, passed on.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's guarantees, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        // SAFETY: the caller's guarantees, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn asked() -> u64 {
    ASKED.with(Cell::get)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Three daily indicators, with a sparkline each, and an action plan.
const BOARD: &str = r#"
[board]
id = "history"
title = "Historique"
level = "team"
language = "fr"
columns = 3
rows = 2

[[section]]
id = "ind-0"
kind = "indicator"
title = "Indicateur 0"
column = 1
row = 1
unit = "jours"
target = 12
warning = 15
direction = "lower"
frequency = "daily"

[[section]]
id = "ind-1"
kind = "indicator"
title = "Indicateur 1"
column = 2
row = 1
unit = "%"
target = 14
direction = "higher"
frequency = "daily"

[[section]]
id = "ind-2"
kind = "indicator"
title = "Indicateur 2"
column = 3
row = 1
unit = "cas"
target = 16
direction = "lower"
frequency = "daily"

[[section]]
id = "actions"
kind = "actions"
title = "Plan d'action"
column = 1
row = 2
width = 3
"#;

/// The board with `years` years of daily values, each year the same: the last year, its
/// median and the trend going on at the end are those of a board with one year alone.
fn app(dir: &std::path::Path, years: i64) -> KioskApp {
    let mut store = Store::open_in_memory().unwrap();
    let at = Utc::now();
    let days = 365 * years;
    for (i, section) in ["ind-0", "ind-1", "ind-2"].into_iter().enumerate() {
        let mut csv = String::new();
        for d in 0..days {
            let date = today() - Duration::days(days - 1 - d);
            // Nine points going up, again and again: the last five are a trend going on.
            let value = 10 + (d % 365) % 9 + i as i64;
            writeln!(csv, "{date};{value}").unwrap();
        }
        let (rows, bad) = huddle::feed::parse_csv(&csv);
        assert!(bad.is_empty());
        huddle::feed::import(&mut store, "history", section, &rows, "test", at).unwrap();
    }
    KioskApp::new(
        dir.to_owned(),
        Some("history".into()),
        Clock::Fixed(today().and_hms_opt(10, 0, 0).unwrap()),
        Ok(store),
    )
}

/// What `frames` frames cost once warm: the bytes allocated, and the vertices tessellated.
fn frames(app: &mut KioskApp, frames: usize) -> (u64, usize) {
    let ctx = egui::Context::default();
    huddle::ui::theme::setup(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    let mut frame = || {
        let mut out = ctx.run_ui(input(), |ui| {
            app.logic();
            app.ui(ui);
        });
        // No renderer here takes the font atlas.
        out.textures_delta.clear();
        let meshes = ctx.tessellate(out.shapes, out.pixels_per_point);
        meshes
            .iter()
            .map(|m| match &m.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum::<usize>()
    };
    for _ in 0..3 {
        frame();
    }
    let before = asked();
    let mut vertices = 0;
    for _ in 0..frames {
        vertices += frame();
    }
    (asked() - before, vertices)
}

#[test]
fn ten_years_of_values_make_the_frame_of_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("history.toml"), BOARD).unwrap();
    let mut one = app(dir.path(), 1);
    let mut ten = app(dir.path(), 10);
    let (one_bytes, one_vertices) = frames(&mut one, 5);
    let (ten_bytes, ten_vertices) = frames(&mut ten, 5);
    // Both show the board, each indicator with its trend going on, and what they draw of the
    // values is bounded however long their history.
    for (app, values) in [(&one, 365), (&ten, 3650)] {
        assert_eq!(app.current_board(), Some("history"));
        for section in ["ind-0", "ind-1", "ind-2"] {
            let Some(SectionView::Indicator(indicator)) = app.view().sections.get(section) else {
                panic!("no indicator {section}");
            };
            assert_eq!(indicator.values.len(), values);
            assert!(
                indicator.shown.ongoing.is_some(),
                "{section}: a trend goes on"
            );
            assert_eq!(indicator.shown.sparkline.len(), view::SPARKLINE_VALUES);
            assert_eq!(indicator.chart_values().len(), view::CHART_VALUES);
        }
    }
    assert!(one_vertices > 0);
    assert_eq!(
        one_vertices, ten_vertices,
        "the screen shows the same: no more points drawn"
    );
    // A frame that visited the history would allocate for it: a list of ten years of dates
    // is 14 kB an indicator and a frame.
    assert!(
        ten_bytes <= one_bytes + one_bytes / 100,
        "five frames allocated {one_bytes} bytes with a year of values, {ten_bytes} with ten"
    );
}
