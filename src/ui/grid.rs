//! The board grid: the central area cut into the board's columns and rows, one card a section.

use egui::{Rect, StrokeKind, UiBuilder, pos2, vec2};

use super::theme::{GAP, colour};
use super::{Screen, UiCommand, UiState, sections};
use crate::model::{Board, Place, Section};

/// The narrowest a card may be, in points: below it, the grid reflows (five mood faces of a
/// finger's size, an action's status and a few words of its title).
pub const MIN_CARD_WIDTH: f32 = 280.0;
/// The lowest a card may be, in points: below it, the grid grows taller than the screen and
/// scrolls (a title, one entry of a list and the "+N" cue under it).
pub const MIN_CARD_HEIGHT: f32 = 220.0;

/// Where each section of the board goes, in the board's section order, and how tall the grid
/// is (taller than the area when it scrolls).
#[derive(Clone, Debug, PartialEq)]
pub struct Arrangement {
    /// Each section's card, from the top-left of the grid.
    pub cards: Vec<Rect>,
    /// The whole grid's height.
    pub height: f32,
    /// Which grid was used.
    pub kind: GridKind,
}

/// The grid a board is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKind {
    /// The board file's grid.
    Main,
    /// The board file's own portrait grid.
    Portrait,
    /// The main grid reflowed into this many columns.
    Reflowed(u32),
}

/// The size of a cell of a grid of `columns` × `rows` filling `width` × `height`, rows no lower
/// than the minimum.
fn cells(width: f32, height: f32, columns: u32, rows: u32) -> (f32, f32) {
    let (cols, rows) = (columns.max(1) as f32, rows.max(1) as f32);
    let cell_w = ((width - GAP * (cols + 1.0)) / cols).max(1.0);
    let cell_h = ((height - GAP * (rows + 1.0)) / rows).max(MIN_CARD_HEIGHT);
    (cell_w, cell_h)
}

fn place(origin: egui::Pos2, (cell_w, cell_h): (f32, f32), p: Place) -> Rect {
    let x = origin.x + GAP + (p.column - 1) as f32 * (cell_w + GAP);
    let y = origin.y + GAP + (p.row - 1) as f32 * (cell_h + GAP);
    let w = p.width as f32 * cell_w + (p.width - 1) as f32 * GAP;
    let h = p.height as f32 * cell_h + (p.height - 1) as f32 * GAP;
    Rect::from_min_size(pos2(x, y), vec2(w.max(1.0), h.max(1.0)))
}

fn grid_height(rows: u32, cell_h: f32) -> f32 {
    rows as f32 * (cell_h + GAP) + GAP
}

/// Lays the board's sections out on `area`: the board's grid when its cards are wide enough;
/// else the board's own portrait grid when it has one that is; else the board's grid reflowed
/// into as many columns as fit, each section in reading order at the first place it fits
/// (wide enough for what it holds: a trajectory's stages, an ideas board's columns).
pub fn arrange(area: Rect, board: &Board) -> Arrangement {
    let fits = |columns: u32| cells(area.width(), area.height(), columns, 1).0 >= MIN_CARD_WIDTH;
    if fits(board.columns) {
        let size = cells(area.width(), area.height(), board.columns, board.rows);
        return Arrangement {
            cards: board
                .sections
                .iter()
                .map(|s| place(area.min, size, s.place()))
                .collect(),
            height: grid_height(board.rows, size.1),
            kind: GridKind::Main,
        };
    }
    if let Some(grid) = board.portrait
        && fits(grid.columns)
        && board.sections.iter().all(|s| s.portrait.is_some())
    {
        let size = cells(area.width(), area.height(), grid.columns, grid.rows);
        return Arrangement {
            cards: board
                .sections
                .iter()
                .map(|s| place(area.min, size, s.portrait.unwrap_or(s.place())))
                .collect(),
            height: grid_height(grid.rows, size.1),
            kind: GridKind::Portrait,
        };
    }
    let columns = (((area.width() - GAP) / (MIN_CARD_WIDTH + GAP))
        .floor()
        .max(1.0) as u32)
        .clamp(1, board.columns.max(1));
    let cell_w = cells(area.width(), area.height(), columns, 1).0;
    // Sections in reading order, each at the first free place of its size.
    let mut order: Vec<usize> = (0..board.sections.len()).collect();
    order.sort_by_key(|&i| (board.sections[i].row, board.sections[i].column));
    let mut taken: Vec<Vec<bool>> = Vec::new();
    let mut places = vec![
        Place {
            column: 1,
            row: 1,
            width: 1,
            height: 1,
        };
        board.sections.len()
    ];
    for i in order {
        let s = &board.sections[i];
        let share = (s.width as f32 * columns as f32 / board.columns.max(1) as f32).round() as u32;
        let needed = ((sections::min_width(s) + GAP) / (cell_w + GAP)).ceil() as u32;
        let width = share.max(needed).clamp(1, columns) as usize;
        let height = s.height.clamp(1, 4) as usize;
        let free = |taken: &Vec<Vec<bool>>, row: usize, col: usize| {
            (row..row + height)
                .all(|r| (col..col + width).all(|c| taken.get(r).is_none_or(|cells| !cells[c])))
        };
        let mut row = 0;
        let col = loop {
            if let Some(col) = (0..=(columns as usize - width)).find(|&c| free(&taken, row, c)) {
                break col;
            }
            row += 1;
        };
        for r in row..row + height {
            while taken.len() <= r {
                taken.push(vec![false; columns as usize]);
            }
            for cell in &mut taken[r][col..col + width] {
                *cell = true;
            }
        }
        places[i] = Place {
            column: col as u32 + 1,
            row: row as u32 + 1,
            width: width as u32,
            height: height as u32,
        };
    }
    let rows = taken.len().max(1) as u32;
    let size = cells(area.width(), area.height(), columns, rows);
    Arrangement {
        cards: places.iter().map(|p| place(area.min, size, *p)).collect(),
        height: grid_height(rows, size.1),
        kind: GridKind::Reflowed(columns),
    }
}

pub(super) fn show(
    ui: &mut egui::Ui,
    board: &Board,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let area = ui.available_rect_before_wrap();
    let arrangement = arrange(Rect::from_min_size(pos2(0.0, 0.0), area.size()), board);
    // During a huddle, the section of the agenda item under discussion comes forward: the
    // others recede, it is drawn last, larger, with a thick border.
    let spotlight = screen
        .huddle
        .and_then(|h| h.record.items.get(h.current))
        .and_then(|item| board.section(&item.section));
    let mut draw = |ui: &mut egui::Ui, origin: egui::Vec2| {
        for (section, rect) in board.sections.iter().zip(&arrangement.cards) {
            if spotlight.is_some_and(|s| s.id == section.id) {
                continue;
            }
            card(
                ui,
                board,
                section,
                rect.translate(origin),
                None,
                screen,
                state,
                commands,
            );
        }
    };
    if arrangement.height > area.height() + 0.5 {
        // Taller than the screen (a portrait screen, a narrow one): the grid scrolls by
        // dragging, and the scroll bar, always drawn, shows that more is below.
        egui::ScrollArea::vertical()
            .id_salt("board-grid")
            .auto_shrink([false, false])
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                let origin = ui.max_rect().min.to_vec2();
                ui.set_min_size(vec2(ui.available_width(), arrangement.height));
                draw(ui, origin);
            });
    } else {
        draw(ui, area.min.to_vec2());
        // Claim the area so that the panel does not shrink around nothing.
        ui.allocate_rect(area, egui::Sense::hover());
    }
    if let Some(section) = spotlight {
        ui.painter().rect_filled(
            area,
            0.0,
            egui::Color32::from_rgba_unmultiplied(0xEC, 0xEE, 0xF1, 150),
        );
        let at = board
            .sections
            .iter()
            .position(|s| s.id == section.id)
            .and_then(|i| arrangement.cards.get(i))
            .map_or(area, |r| r.translate(area.min.to_vec2()));
        // Kept in sight, wherever the grid is scrolled.
        let rect = enlarged(area, at.intersect(area));
        card(
            ui,
            board,
            section,
            rect,
            Some(colour::ACCENT),
            screen,
            state,
            commands,
        );
    }
}

/// A section's rectangle grown to at least 60 % of the width and 70 % of the height of the grid
/// (and by a third of its own size at least), around where it sits, kept inside the grid.
fn enlarged(area: Rect, rect: Rect) -> Rect {
    let inner = area.shrink(GAP);
    let size = vec2(
        (rect.width() * 1.33)
            .max(inner.width() * 0.6)
            .min(inner.width()),
        (rect.height() * 1.33)
            .max(inner.height() * 0.7)
            .min(inner.height()),
    );
    let grown = Rect::from_center_size(rect.center(), size);
    let dx = (inner.left() - grown.left()).max(0.0) + (inner.right() - grown.right()).min(0.0);
    let dy = (inner.top() - grown.top()).max(0.0) + (inner.bottom() - grown.bottom()).min(0.0);
    grown.translate(vec2(dx, dy))
}

#[allow(clippy::too_many_arguments)]
fn card(
    ui: &mut egui::Ui,
    board: &Board,
    section: &Section,
    rect: Rect,
    highlight: Option<egui::Color32>,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let stroke = match highlight {
        Some(c) => egui::Stroke::new(5.0, c),
        None => egui::Stroke::new(1.5, colour::LINE),
    };
    ui.painter()
        .rect(rect, 14.0, colour::CARD, stroke, StrokeKind::Inside);
    if highlight.is_some() {
        // A card drawn over others takes the taps on its empty parts, so that nothing under
        // it reacts.
        ui.interact(
            rect,
            ui.scope_id().with(("spotlight", &section.id)),
            egui::Sense::click(),
        );
    }
    let inner = rect.shrink(14.0);
    let builder = UiBuilder::new()
        .max_rect(inner)
        .id_salt(&section.id)
        .layout(egui::Layout::top_down(egui::Align::Min));
    ui.scope_builder(builder, |ui| {
        ui.set_clip_rect(inner.expand(4.0).intersect(ui.clip_rect()));
        sections::show(
            ui,
            board,
            section,
            screen,
            state,
            commands,
            if highlight.is_some() {
                sections::Mode::Spotlight
            } else {
                sections::Mode::Card
            },
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enlarged_card_stays_inside_the_grid() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 800.0));
        // A small card in the bottom-right corner grows up and to the left.
        let corner = Rect::from_min_size(pos2(800.0, 600.0), vec2(180.0, 180.0));
        let big = enlarged(area, corner);
        assert!(area.shrink(GAP).contains_rect(big), "{big:?}");
        assert!(big.width() >= 486.0 && big.height() >= 461.0, "{big:?}");
        // A card already large keeps its size.
        let wide = Rect::from_min_size(pos2(14.0, 14.0), vec2(972.0, 300.0));
        assert_eq!(enlarged(area, wide).width(), 972.0);
    }
}
