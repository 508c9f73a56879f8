//! The top bar (board title, level, date and time, huddle time, navigation) and the banner
//! that reports problems in board files.

use egui::{Align, Layout, RichText};

use super::theme::{self, colour};
use super::{Screen, UiCommand};
use crate::i18n::{self, T, tr};
use crate::layout::Notice;

pub(super) fn show(ui: &mut egui::Ui, screen: &Screen<'_>, commands: &mut Vec<UiCommand>) {
    let lang = screen.lang();
    ui.horizontal(|ui| {
        ui.set_min_height(theme::TOUCH + 8.0);
        if let Some(board) = screen.board {
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(&board.title)
                        .text_style(theme::board_title())
                        .color(colour::ON_BAR),
                );
                let mut sub = i18n::level_name(lang, &board.level);
                if !board.team.is_empty() {
                    sub = format!("{sub} · {}", board.team);
                }
                ui.label(RichText::new(sub).color(colour::ON_BAR));
            });
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let boards = egui::Button::new(
                RichText::new(format!("☰  {}", tr(lang, T::Boards))).color(colour::INK),
            )
            .min_size(egui::vec2(theme::TOUCH * 2.5, theme::TOUCH));
            if theme::tapped(&ui.add(boards)) {
                commands.push(UiCommand::OpenSwitcher);
            }
            if let Some(parent) = screen
                .board
                .and_then(|b| b.parent.as_deref())
                .and_then(|p| screen.live.board(p))
            {
                let up = egui::Button::new(
                    RichText::new(format!("⬆ {}", parent.title)).color(colour::INK),
                )
                .min_size(egui::vec2(theme::TOUCH, theme::TOUCH));
                if theme::tapped(&ui.add(up)) {
                    commands.push(UiCommand::ShowBoard(parent.id.clone()));
                }
            }
            ui.add_space(16.0);
            let clock_size = egui::vec2(480.0, theme::TOUCH + 8.0);
            ui.allocate_ui_with_layout(clock_size, Layout::top_down(Align::Max), |ui| {
                let clock = format!(
                    "{}  {}",
                    i18n::short_date(lang, screen.now.date()),
                    i18n::time_of_day(screen.now)
                );
                let clock = RichText::new(clock)
                    .text_style(theme::board_title())
                    .color(colour::ON_BAR);
                ui.add(egui::Label::new(clock).wrap_mode(egui::TextWrapMode::Extend));
                if let Some(h) = screen.board.and_then(|b| b.huddle.as_ref()) {
                    let text = format!(
                        "{} {:02}:{:02} · {} min",
                        tr(lang, T::Huddle),
                        h.time.0,
                        h.time.1,
                        h.minutes
                    );
                    ui.label(RichText::new(text).color(colour::ON_BAR));
                }
            });
        });
    });
}

/// The lines of the banner: problems of board files, in the screen's language.
pub(super) fn banner_lines(screen: &Screen<'_>) -> Vec<String> {
    let lang = screen.lang();
    let mut lines = Vec::new();
    if let Some(err) = screen.folder_error {
        lines.push(format!("⚠ {} : {err}", tr(lang, T::BoardsFolderUnreadable)));
    }
    let notices = screen.live.notices();
    if let Some(first) = notices.first() {
        let text = match first {
            Notice::Broken(p) => format!("⚠ {p} — {}", tr(lang, T::ShowingLastGood)),
            Notice::Missing(path) => format!("⚠ {} : {}", path.display(), tr(lang, T::FileMissing)),
        };
        lines.push(text);
        if notices.len() > 1 {
            lines.push(format!(
                "+{} {}",
                notices.len() - 1,
                tr(lang, T::MoreProblems)
            ));
        }
    }
    lines
}
