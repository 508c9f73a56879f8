//! The top bar (board title, level, date and time, huddle time, who is at the screen, undo,
//! navigation) and the banner that reports problems.

use egui::{Align, Layout, RichText, vec2};

use super::theme::{self, colour};
use super::{Screen, UiCommand, UiState};
use crate::i18n::{self, T, tr};
use crate::layout::Notice;

fn bar_button(ui: &mut egui::Ui, text: String, min_width: f32) -> bool {
    let button = egui::Button::new(RichText::new(text).color(colour::INK))
        .min_size(vec2(min_width, theme::TOUCH));
    theme::tapped(&ui.add(button))
}

pub(super) fn show(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = screen.lang();
    egui::Sides::new()
        .height(theme::TOUCH + 8.0)
        .shrink_left()
        .truncate()
        .show(
            ui,
            |ui| {
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
            },
            |ui| {
                super::facilitator::bar_button(ui, screen, state);
                // During a huddle the screen stays on its board: no switching away.
                let in_huddle = screen.huddle.is_some();
                if !in_huddle
                    && bar_button(
                        ui,
                        format!("☰  {}", tr(lang, T::Boards)),
                        theme::TOUCH * 2.5,
                    )
                {
                    state.switcher_open = true;
                }
                if let Some(parent) = screen
                    .board
                    .and_then(|b| b.parent.as_deref())
                    .and_then(|p| screen.live.board(p))
                    && screen.shows(&parent.id)
                    && !in_huddle
                    && bar_button(ui, format!("⬆ {}", parent.title), theme::TOUCH)
                {
                    commands.push(UiCommand::ShowBoard(parent.id.clone()));
                }
                if let Some(board) = screen.board.filter(|b| b.huddle.is_some())
                    && !in_huddle
                {
                    // Short on the bar, where the board's title needs the room; named in full.
                    let start = egui::Button::new(
                        RichText::new(format!("▶  {}", tr(lang, T::Huddle)))
                            .color(egui::Color32::WHITE)
                            .strong(),
                    )
                    .fill(colour::GOOD)
                    .min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH));
                    if theme::tapped_named(&ui.add(start), tr(lang, T::StartHuddle), None) {
                        state.huddle_setup = Some(super::huddle::Setup::new(board, screen));
                    }
                }
                if screen.board.is_some() {
                    let person = state
                        .person
                        .clone()
                        .unwrap_or_else(|| tr(lang, T::WhoAreYou).to_owned());
                    if bar_button(ui, format!("☺ {person}"), theme::TOUCH * 2.0) {
                        state.person_picker_open = true;
                    }
                }
                ui.add_space(12.0);
                ui.allocate_ui_with_layout(
                    egui::vec2(400.0, theme::TOUCH + 8.0),
                    Layout::top_down(Align::Max),
                    |ui| {
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
                    },
                );
            },
        );
}

/// The bottom bar: the board's last change, and undo.
pub(super) fn bottom(ui: &mut egui::Ui, screen: &Screen<'_>, commands: &mut Vec<UiCommand>) {
    ui.horizontal(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if let Some(status) = screen.sync {
                let (text, colour) = sync_text(screen.lang(), status);
                ui.label(RichText::new(text).color(colour));
                ui.add_space(theme::GAP * 2.0);
            }
            if screen.board.is_some_and(|b| b.huddle.is_some()) {
                ui.label(
                    RichText::new(super::huddle::regularity_text(screen)).color(colour::MUTED),
                );
                ui.add_space(theme::GAP * 2.0);
            }
            send_snapshot(ui, screen, commands);
            last_change(ui, screen, commands);
        });
    });
}

/// The bottom bar's sync status: "⇅ Synchro 08:41 · 2 autres écrans", or in amber "Pas
/// synchronisé depuis 08:41" while the shared folder cannot be reached or written.
pub fn sync_text(
    lang: crate::model::Lang,
    status: &crate::sync::SyncStatus,
) -> (String, egui::Color32) {
    let last = status
        .last_sync
        .map(|t| i18n::time_of_day(t.with_timezone(&chrono::Local).naive_local()));
    if status.refused.is_some() {
        return (format!("✕ {}", tr(lang, T::SyncStopped)), colour::BAD);
    }
    if status.error.is_some() {
        let text = match last {
            Some(last) => format!("⚠ {} {last}", tr(lang, T::NotSyncedSince)),
            None => format!("⚠ {}", tr(lang, T::NeverSynced)),
        };
        return (text, colour::WATCH);
    }
    let Some(last) = last else {
        return (format!("⇅ {}", tr(lang, T::NeverSynced)), colour::MUTED);
    };
    let mut text = format!(
        "⇅ {} {last} · {}",
        tr(lang, T::Synced),
        i18n::other_screens(lang, status.peers.len())
    );
    if status.waiting > 0 {
        text += &format!(" · {} {}", status.waiting, tr(lang, T::SyncWaiting));
    }
    (text, colour::MUTED)
}

/// "⬆ Envoyer la photo": a snapshot of the board for the level above, and how the last one
/// went ("envoyée à 10:14", or why not).
fn send_snapshot(ui: &mut egui::Ui, screen: &Screen<'_>, commands: &mut Vec<UiCommand>) {
    use crate::snapshot::shelf::Sent;
    let lang = screen.lang();
    let Some(board) = screen.board.filter(|_| screen.can_send_snapshot) else {
        return;
    };
    match screen.snapshot_sent {
        Some(Sent::Done {
            board: sent,
            taken_at,
            ..
        }) if *sent == board.id => {
            let at = i18n::time_of_day(taken_at.with_timezone(&chrono::Local).naive_local());
            ui.label(
                RichText::new(format!("✓ {} {at}", tr(lang, T::SnapshotSent))).color(colour::GOOD),
            );
        }
        Some(Sent::Failed { board: sent, error }) if *sent == board.id => {
            ui.label(
                RichText::new(format!("✕ {}", tr(lang, T::SnapshotNotSent))).color(colour::BAD),
            )
            .on_hover_text(error);
        }
        _ => {}
    }
    let button = egui::Button::new(format!("⬆ {}", tr(lang, T::SendSnapshot)))
        .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH));
    if theme::tapped(&ui.add(button)) {
        commands.push(UiCommand::SendSnapshot);
    }
    ui.add_space(theme::GAP * 2.0);
}

fn last_change(ui: &mut egui::Ui, screen: &Screen<'_>, commands: &mut Vec<UiCommand>) {
    let lang = screen.lang();
    ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
        match screen.last_change {
            Some(last) => {
                let button = egui::Button::new(format!("↶ {}", tr(lang, T::Undo)))
                    .min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH));
                if theme::tapped(&ui.add_enabled(last.undoable, button)) {
                    commands.push(UiCommand::Undo);
                }
                let by = i18n::author(lang, &last.by);
                let text = format!(
                    "{} — {} {by} {} {}",
                    last.what,
                    tr(lang, T::ChangedBy),
                    tr(lang, T::At),
                    i18n::time_of_day(last.at)
                );
                ui.label(RichText::new(text).color(colour::MUTED));
            }
            None => {
                ui.add_enabled(
                    false,
                    egui::Button::new(format!("↶ {}", tr(lang, T::Undo)))
                        .min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH)),
                );
                ui.label(RichText::new(tr(lang, T::NothingToUndo)).color(colour::MUTED));
            }
        }
    });
}

/// "Who are you?": the team's members, one big button each.
pub(super) fn person_picker(ui: &mut egui::Ui, screen: &Screen<'_>, state: &mut UiState) {
    let lang = screen.lang();
    let members = screen.board.map(|b| b.members.clone()).unwrap_or_default();
    let modal = egui::Modal::new(egui::Id::unique("person-picker")).show(ui.ctx(), |ui| {
        ui.set_width(640.0);
        ui.heading(tr(lang, T::WhoAreYou));
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            for m in members.iter().map(Some).chain([None]) {
                let label = m.cloned().unwrap_or_else(|| tr(lang, T::Nobody).to_owned());
                let chosen = state.person.as_ref() == m;
                if theme::tapped(
                    &ui.add(
                        egui::Button::new(label)
                            .selected(chosen)
                            .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH)),
                    ),
                ) {
                    state.person = m.cloned();
                    state.person_picker_open = false;
                }
            }
        });
    });
    if modal.should_close() {
        state.person_picker_open = false;
    }
}

/// The lines of the banner: problems of board files and of the data store.
pub(super) fn banner_lines(screen: &Screen<'_>) -> Vec<String> {
    let lang = screen.lang();
    let mut lines = Vec::new();
    if let Some(err) = screen.store_error {
        lines.push(format!("✕ {} : {err}", tr(lang, T::StoreUnavailable)));
    }
    if let Some(err) = screen.folder_error {
        lines.push(format!("⚠ {} : {err}", tr(lang, T::BoardsFolderUnreadable)));
    }
    if let Some(problem) = &screen.feed_problem {
        lines.push(format!("⚠ {} : {problem}", tr(lang, T::DataFeed)));
    }
    if let Some(refusal) = screen.sync.and_then(|s| s.refused) {
        lines.push(format!(
            "✕ {} : {}",
            tr(lang, T::SyncStopped),
            i18n::sync_refusal(lang, refusal)
        ));
    }
    let notices = screen.live.notices();
    if let Some(first) = notices.first() {
        let text = match first {
            Notice::Broken(p) => {
                let problem = match lang {
                    crate::model::Lang::Fr => p.to_string_fr(),
                    crate::model::Lang::En => p.to_string(),
                };
                format!("⚠ {problem} — {}", tr(lang, T::ShowingLastGood))
            }
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
