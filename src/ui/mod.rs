//! Drawing the kiosk. The UI reads a [`Screen`] (what to show) and answers with
//! [`UiCommand`]s (what the person asked for); it never changes state itself and knows no
//! files, threads or SQL.

mod grid;
mod sections;
mod switcher;
pub mod theme;
mod top_bar;

use std::path::Path;

use chrono::NaiveDateTime;

use crate::i18n::{T, tr};
use crate::layout::LiveBoards;
use crate::model::{Board, Lang};

/// What a tap asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// Show the board with this id.
    ShowBoard(String),
    /// Open the board switcher.
    OpenSwitcher,
    /// Close the board switcher.
    CloseSwitcher,
}

/// Everything one frame shows.
pub struct Screen<'a> {
    /// The boards known, and what is wrong with their files.
    pub live: &'a LiveBoards,
    /// The board on screen, if any is valid.
    pub board: Option<&'a Board>,
    /// Local wall-clock time.
    pub now: NaiveDateTime,
    /// Whether the board switcher is open.
    pub switcher_open: bool,
    /// Why the boards folder cannot be read, if it cannot.
    pub folder_error: Option<&'a str>,
    /// The boards folder, named in messages.
    pub boards_dir: &'a Path,
}

impl Screen<'_> {
    /// The language of the screen: the board's, else French.
    pub fn lang(&self) -> Lang {
        self.board.map_or(Lang::Fr, |b| b.lang)
    }
}

/// Draws one frame of the kiosk and returns what was tapped.
pub fn show(ui: &mut egui::Ui, screen: &Screen<'_>) -> Vec<UiCommand> {
    let mut commands = Vec::new();
    let lang = screen.lang();
    egui::Panel::top("top-bar")
        .frame(
            egui::Frame::new()
                .fill(theme::colour::BAR)
                .inner_margin(egui::Margin::symmetric(20, 10)),
        )
        .show(ui, |ui| top_bar::show(ui, screen, &mut commands));
    let banners = top_bar::banner_lines(screen);
    if !banners.is_empty() {
        egui::Panel::top("banner")
            .frame(
                egui::Frame::new()
                    .fill(theme::colour::BANNER)
                    .inner_margin(egui::Margin::symmetric(20, 8)),
            )
            .show(ui, |ui| {
                for line in banners {
                    ui.label(egui::RichText::new(line).color(theme::colour::INK));
                }
            });
    }
    egui::CentralPanel::no_frame().show(ui, |ui| match screen.board {
        Some(board) => grid::show(ui, board, screen, &mut commands),
        None => {
            ui.centered_and_justified(|ui| {
                ui.heading(tr(lang, T::NoBoards));
            });
        }
    });
    if screen.switcher_open {
        switcher::show(ui, screen, &mut commands);
    }
    commands
}
