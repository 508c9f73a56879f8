//! Checks across a board's sections: places in the grid (main and portrait) that overlap or
//! fall outside it, and titles too long for their card.

use super::*;

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
            diags.error(
                offset,
                Msg::new(
                    format!("two sections have the id `{id}`; give each section its own id"),
                    format!(
                        "deux sections ont l'id `{id}` ; donnez à chaque section son propre id"
                    ),
                ),
            );
        }
        let last_col = s.column + s.width - 1;
        let last_row = s.row + s.height - 1;
        if let Some(columns) = columns
            && last_col > columns
        {
            diags.error(
                offset,
                Msg::new(
                    format!("section `{id}`{place} reaches column {last_col} but {en} has {columns} columns; make it narrower or raise `columns` in {table}"),
                    format!("la section `{id}`{place} va jusqu'à la colonne {last_col}, mais {fr} a {columns} colonnes ; rétrécissez-la ou augmentez `columns` dans {table}"),
                ),
            );
        }
        if let Some(rows) = rows
            && last_row > rows
        {
            diags.error(
                offset,
                Msg::new(
                    format!("section `{id}`{place} reaches row {last_row} but {en} has {rows} rows; make it shorter or raise `rows` in {table}"),
                    format!("la section `{id}`{place} va jusqu'à la rangée {last_row}, mais {fr} a {rows} rangées ; raccourcissez-la ou augmentez `rows` dans {table}"),
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
                    Msg::new(
                        format!("sections `{other_id}` and `{id}` overlap{place_en} at column {col}, row {row}; move one of them"),
                        format!("les sections `{other_id}` et `{id}` se chevauchent{place_fr} à la colonne {col}, rangée {row} ; déplacez l'une d'elles"),
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
                    Msg::new(
                        format!("section `{}` has a portrait place but the board has no portrait grid; add portrait = {{ columns = 2, rows = 6 }} to [board]", s.id),
                        format!("la section `{}` a une place portrait mais le tableau n'a pas de grille portrait ; ajoutez portrait = {{ columns = 2, rows = 6 }} dans [board]", s.id),
                    ),
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
                Msg::new(
                    format!("section `{}` has no place on the board's portrait grid; add a line such as portrait = {{ column = 1, row = 1, width = 1 }}", s.id),
                    format!("la section `{}` n'a pas de place sur la grille portrait du tableau ; ajoutez une ligne comme portrait = {{ column = 1, row = 1, width = 1 }}", s.id),
                ),
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
            Msg::new(
                format!("the title has {} characters; a 1280-pixel screen shows {TITLE_FITS} on the top bar, so it will be cut with \"…\": add short_title = \"…\" with at most {TITLE_FITS}", chars(t)),
                format!("le titre a {} caractères ; un écran de 1280 pixels en montre {TITLE_FITS} dans la barre du haut, il sera donc coupé par « … » : ajoutez short_title = \"…\" d'au plus {TITLE_FITS}", chars(t)),
            ),
        ),
        (_, Some(s)) if chars(s) > TITLE_FITS => diags.warning(
            s.offset,
            Msg::new(
                format!("`short_title` has {} characters; keep it to {TITLE_FITS} so that it shows whole on a 1280-pixel screen", chars(s)),
                format!("`short_title` a {} caractères ; gardez-le sous {TITLE_FITS} pour qu'il se lise en entier sur un écran de 1280 pixels", chars(s)),
            ),
        ),
        _ => {}
    }
}
