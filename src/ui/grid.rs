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
    for section in &board.sections {
        let rect = section_rect(area, board, section);
        ui.painter().rect(
            rect,
            14.0,
            colour::CARD,
            egui::Stroke::new(1.5, colour::LINE),
            StrokeKind::Inside,
        );
        let inner = rect.shrink(14.0);
        let builder = UiBuilder::new()
            .max_rect(inner)
            .id_salt(&section.id)
            .layout(egui::Layout::top_down(egui::Align::Min));
        ui.scope_builder(builder, |ui| {
            ui.set_clip_rect(inner.expand(4.0).intersect(ui.clip_rect()));
            sections::show(ui, board, section, screen, state, commands);
        });
    }
    // Claim the area so that the panel does not shrink around nothing.
    ui.allocate_rect(area, egui::Sense::hover());
}
