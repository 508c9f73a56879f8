//! The board switcher: every board, grouped by level, one big button each.

use egui::RichText;

use super::theme::{self, colour};
use super::{Screen, UiCommand, UiState};
use crate::i18n::{self, T, tr};

pub(super) fn show(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = screen.lang();
    let screen_rect = ui.ctx().content_rect();
    let modal = egui::Modal::new(egui::Id::unique("board-switcher")).show(ui.ctx(), |ui| {
        ui.set_width((screen_rect.width() * 0.6).max(400.0));
        ui.horizontal(|ui| {
            ui.heading(tr(lang, T::ChooseBoard));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let close = egui::Button::new(format!("✕  {}", tr(lang, T::Close)))
                    .min_size(egui::vec2(theme::TOUCH * 2.0, theme::TOUCH));
                if theme::tapped(&ui.add(close)) {
                    state.switcher_open = false;
                }
            });
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(screen_rect.height() * 0.75)
            .min_scrolled_height(screen_rect.height() * 0.6)
            .show(ui, |ui| {
                let mut last_level = None;
                for board in screen
                    .live
                    .boards()
                    .into_iter()
                    .filter(|b| screen.shows(&b.id))
                {
                    if last_level != Some(board.level.rank()) {
                        last_level = Some(board.level.rank());
                        ui.add_space(8.0);
                        ui.label(
                            RichText::new(i18n::level_name(lang, &board.level))
                                .color(colour::MUTED),
                        );
                    }
                    let current = screen.board.is_some_and(|b| b.id == board.id);
                    let text = RichText::new(&board.title).text_style(egui::TextStyle::Heading);
                    let button = egui::Button::new(text)
                        .selected(current)
                        .min_size(egui::vec2(ui.available_width(), theme::TOUCH + 8.0));
                    if theme::tapped(&ui.add(button)) {
                        commands.push(UiCommand::ShowBoard(board.id.clone()));
                    }
                }
            });
    });
    if modal.should_close() {
        state.switcher_open = false;
    }
}
