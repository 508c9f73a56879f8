//! The board grid: the central area cut into the board's columns and rows, one card a section.

use egui::{Rect, StrokeKind, UiBuilder, pos2, vec2};

use super::theme::{GAP, colour};
use super::{Screen, UiCommand, UiState, sections};
use crate::model::{Board, Section};

/// The rectangle of a section on a grid that fills `area`.
pub(super) fn section_rect(area: Rect, board: &Board, section: &Section) -> Rect {
    let cols = board.columns.max(1) as f32;
    let rows = board.rows.max(1) as f32;
    let cell_w = (area.width() - GAP * (cols + 1.0)) / cols;
    let cell_h = (area.height() - GAP * (rows + 1.0)) / rows;
    let x = area.left() + GAP + (section.column - 1) as f32 * (cell_w + GAP);
    let y = area.top() + GAP + (section.row - 1) as f32 * (cell_h + GAP);
    let w = section.width as f32 * cell_w + (section.width - 1) as f32 * GAP;
    let h = section.height as f32 * cell_h + (section.height - 1) as f32 * GAP;
    Rect::from_min_size(pos2(x, y), vec2(w.max(1.0), h.max(1.0)))
}

pub(super) fn show(
    ui: &mut egui::Ui,
    board: &Board,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let area = ui.available_rect_before_wrap();
    // During a huddle, the section of the agenda item under discussion comes forward: the
    // others recede, it is drawn last, larger, with a thick border.
    let spotlight = screen
        .huddle
        .and_then(|h| h.record.items.get(h.current))
        .and_then(|item| board.section(&item.section));
    for section in &board.sections {
        if spotlight.is_some_and(|s| s.id == section.id) {
            continue;
        }
        card(
            ui,
            board,
            section,
            section_rect(area, board, section),
            None,
            screen,
            state,
            commands,
        );
    }
    if let Some(section) = spotlight {
        ui.painter().rect_filled(
            area,
            0.0,
            egui::Color32::from_rgba_unmultiplied(0xEC, 0xEE, 0xF1, 150),
        );
        let rect = enlarged(area, section_rect(area, board, section));
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
    // Claim the area so that the panel does not shrink around nothing.
    ui.allocate_rect(area, egui::Sense::hover());
}

/// A section's rectangle grown to at least 55 % of the width and 65 % of the height of the grid,
/// around where it sits, kept inside the grid.
fn enlarged(area: Rect, rect: Rect) -> Rect {
    let inner = area.shrink(GAP);
    let size = vec2(
        rect.width().max(inner.width() * 0.55).min(inner.width()),
        rect.height().max(inner.height() * 0.65).min(inner.height()),
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
            highlight.is_some(),
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
