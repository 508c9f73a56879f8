//! Checks across a board's sections: places in the grid (main and portrait) that overlap or
//! fall outside it, and titles too long for their card.

use super::*;
use crate::i18n::T;

/// Which grid is checked: the words for it in messages.
#[derive(Clone, Copy)]
pub(super) enum Grids {
    Main,
    Portrait,
}

impl Grids {
    fn names(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            // (the grid in English, in French, where its size is written, where a place is)
            Grids::Main => ("the grid", "la grille", "[board]", ""),
            Grids::Portrait => (
                "the portrait grid",
                "la grille portrait",
                "[board] portrait",
                " portrait",
            ),
        }
    }
}

/// Sections must fit the grid and must not overlap; ids must be unique (checked once, on the
/// main grid).
pub(super) fn check_sections(
    sections: &[(&str, Place)],
    offsets: &[usize],
    columns: Option<u32>,
    rows: Option<u32>,
    grid: Grids,
    diags: &mut Diags,
) {
    let (en, fr, table, place) = grid.names();
    let (place_en, place_fr) = match grid {
        Grids::Main => (String::new(), String::new()),
        Grids::Portrait => (format!(" on {en}"), format!(" sur {fr}")),
    };
    for (i, (id, s)) in sections.iter().enumerate() {
        let offset = offsets[i];
        if matches!(grid, Grids::Main) && sections[..i].iter().any(|(o, _)| o == id) {
            diags.error(offset, Msg::text(T::SameSectionId, &[("id", &id)]));
        }
        let last_col = s.column + s.width - 1;
        let last_row = s.row + s.height - 1;
        if let Some(columns) = columns
            && last_col > columns
        {
            diags.error(
                offset,
                Msg::text_both(
                    T::SectionIdPlaceReachesColumnLast,
                    &[
                        ("columns", &columns),
                        ("id", &id),
                        ("last_col", &last_col),
                        ("place", &place),
                        ("table", &table),
                    ],
                    &[("found", fr, en)],
                ),
            );
        }
        if let Some(rows) = rows
            && last_row > rows
        {
            diags.error(
                offset,
                Msg::text_both(
                    T::SectionIdPlaceReachesRowLast,
                    &[
                        ("id", &id),
                        ("last_row", &last_row),
                        ("place", &place),
                        ("rows", &rows),
                        ("table", &table),
                    ],
                    &[("found", fr, en)],
                ),
            );
        }
        for (other_id, other) in &sections[..i] {
            let col = s.column.max(other.column);
            let row = s.row.max(other.row);
            let col_end = last_col.min(other.column + other.width - 1);
            let row_end = last_row.min(other.row + other.height - 1);
            if col <= col_end && row <= row_end {
                diags.error(
                    offset,
                    Msg::text_both(
                        T::SectionsOtherIdAndIdOverlap,
                        &[
                            ("col", &col),
                            ("id", &id),
                            ("other_id", &other_id),
                            ("row", &row),
                        ],
                        &[("place", &*place_fr, &*place_en)],
                    ),
                );
            }
        }
    }
}

/// A board's own portrait grid: every section has a place on it, inside it, none over another;
/// a section's portrait place needs the grid.
pub(super) fn check_portrait(
    sections: &[Section],
    offsets: &[usize],
    grid: Option<Grid>,
    diags: &mut Diags,
) {
    let Some(grid) = grid else {
        for (s, offset) in sections.iter().zip(offsets) {
            if s.portrait.is_some() {
                diags.error(
                    *offset,
                    Msg::text(T::SectionIdHasAPortraitPlace, &[("id", &s.id)]),
                );
            }
        }
        return;
    };
    let mut placed = Vec::new();
    let mut placed_offsets = Vec::new();
    for (s, offset) in sections.iter().zip(offsets) {
        match s.portrait {
            Some(place) => {
                placed.push((s.id.as_str(), place));
                placed_offsets.push(*offset);
            }
            None => diags.error(
                *offset,
                Msg::text(T::SectionIdHasNoPlaceOn, &[("id", &s.id)]),
            ),
        }
    }
    check_sections(
        &placed,
        &placed_offsets,
        Some(grid.columns),
        Some(grid.rows),
        Grids::Portrait,
        diags,
    );
}

/// A title longer than the top bar shows whole on a 1280-pixel screen needs a `short_title`,
/// which must fit.
pub(super) fn check_title_length(
    title: Option<&At<String>>,
    short: Option<&At<String>>,
    diags: &mut Diags,
) {
    let chars = |t: &At<String>| t.value.chars().count();
    match (title, short) {
        (Some(t), None) if chars(t) > TITLE_FITS => diags.warning(
            t.offset,
            Msg::text(
                T::TheTitleHasCharsCharactersA,
                &[("TITLE_FITS", &TITLE_FITS), ("chars", &chars(t))],
            ),
        ),
        (_, Some(s)) if chars(s) > TITLE_FITS => diags.warning(
            s.offset,
            Msg::text(
                T::ShortTitleHasCharsCharactersKeep,
                &[("TITLE_FITS", &TITLE_FITS), ("chars", &chars(s))],
            ),
        ),
        _ => {}
    }
}
