//! Facilitator mode: a button on the top bar, a PIN pad, and the facilitator's panel (the
//! audit trail, deleting entries, the boards this screen shows, the settings in effect,
//! leaving full screen). Team members' everyday edits need none of it.

use egui::{RichText, vec2};

use super::theme::{self, colour};
use super::{Screen, UiCommand, UiState};
use crate::i18n::{T, tr};
use crate::model::EntryKind;

/// What the screen knows of facilitator mode.
#[derive(Clone, Copy, Debug, Default)]
pub struct FacilitatorScreen<'a> {
    /// Facilitator mode is open.
    pub open: bool,
    /// A PIN is set (without one, the mode opens with a tap and says a PIN should be set).
    pub pin_set: bool,
    /// Why the PIN pad refused the last PIN, if it did.
    pub refused: Option<&'a str>,
    /// The settings in effect: key, value, where it came from.
    pub settings: &'a [(&'static str, String, String)],
    /// The audit trail of the board on screen, newest first (read when the trail is open).
    pub audit: &'a [crate::view::audit::AuditLine],
    /// The window covers the screen.
    pub fullscreen: bool,
}

/// The facilitator's own drafts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FacilitatorState {
    /// The PIN pad is open, with the digits typed.
    pub pad: Option<String>,
    /// The facilitator's panel is open.
    pub panel_open: bool,
    /// The audit trail is open.
    pub audit_open: bool,
    /// Delete buttons show on the entries of the board.
    pub deleting: bool,
    /// The boards ticked in "boards shown", while the panel is open.
    pub shown_draft: Option<Vec<String>>,
    /// The settings in effect are unfolded.
    pub settings_open: bool,
}

/// The button on the top bar: "⚙" when locked (it opens the PIN pad), "⚙ Animateur" in amber
/// when open (it opens the panel).
/// The words on the top bar's facilitator button: ⚙ alone, or "⚙ Animateur" while the mode is
/// open.
pub(super) fn bar_text(screen: &Screen<'_>) -> String {
    if screen.facilitator.open {
        format!("⚙ {}", tr(screen.lang(), T::Facilitator))
    } else {
        "⚙".to_owned()
    }
}

pub(super) fn bar_button(ui: &mut egui::Ui, screen: &Screen<'_>, state: &mut UiState) {
    let lang = screen.lang();
    let f = &screen.facilitator;
    let name = tr(lang, T::FacilitatorMode);
    let text = bar_text(screen);
    let fill = if f.open { colour::WATCH } else { colour::CARD };
    let ink = if f.open {
        egui::Color32::WHITE
    } else {
        colour::INK
    };
    let button = egui::Button::new(RichText::new(text).color(ink))
        .fill(fill)
        .min_size(vec2(theme::TOUCH, theme::TOUCH));
    if theme::tapped_named(&ui.add(button), name, None) {
        if f.open {
            state.facilitator.panel_open = true;
        } else {
            state.facilitator.pad = Some(String::new());
        }
    }
}

/// The dialogs of facilitator mode, when open.
pub(super) fn dialogs(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    if !screen.facilitator.open {
        state.facilitator.panel_open = false;
        state.facilitator.audit_open = false;
        state.facilitator.deleting = false;
        state.facilitator.shown_draft = None;
    } else {
        // The pad has done its work.
        state.facilitator.pad = None;
    }
    if state.facilitator.pad.is_some() {
        pin_pad(ui, screen, state, commands);
    }
    if state.facilitator.audit_open {
        audit(ui, screen, state);
    } else if state.facilitator.panel_open {
        panel(ui, screen, state, commands);
    }
}

fn pin_pad(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = screen.lang();
    let pin_set = screen.facilitator.pin_set;
    let Some(digits) = &mut state.facilitator.pad else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("pin-pad")).show(ui.ctx(), |ui| {
        ui.set_width(3.0 * 96.0 + 2.0 * 12.0);
        ui.heading(tr(lang, T::FacilitatorMode));
        if !pin_set {
            ui.label(RichText::new(tr(lang, T::NoPinAnyoneCanOpen)).color(colour::BAD));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let open = egui::Button::new(tr(lang, T::OpenIt))
                    .min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH));
                if theme::tapped(&ui.add(open)) {
                    commands.push(UiCommand::Unlock(String::new()));
                }
                let cancel = egui::Button::new(tr(lang, T::Cancel))
                    .min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH));
                if theme::tapped(&ui.add(cancel)) {
                    close = true;
                }
            });
            return;
        }
        ui.label(tr(lang, T::EnterPin));
        // Dots, never the digits: someone may be reading over the shoulder.
        let dots: String = (0..digits.len().max(4))
            .map(|i| if i < digits.len() { "● " } else { "○ " })
            .collect();
        ui.label(RichText::new(dots.trim_end()).size(40.0));
        if let Some(refused) = screen.facilitator.refused {
            ui.label(RichText::new(refused).color(colour::BAD).strong());
        }
        ui.add_space(8.0);
        // Each key is named "Touche 4" for screen readers (a bare digit says little).
        let key = |ui: &mut egui::Ui, label: &str| {
            let b = egui::Button::new(RichText::new(label).size(32.0)).min_size(vec2(96.0, 80.0));
            theme::tapped_named(&ui.add(b), format!("{} {label}", tr(lang, T::Key)), None)
        };
        egui::Grid::new("pin-keys")
            .spacing(vec2(12.0, 12.0))
            .show(ui, |ui| {
                for row in [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]] {
                    for d in row {
                        if key(ui, d) && digits.len() < 8 {
                            digits.push_str(d);
                        }
                    }
                    ui.end_row();
                }
                let erase =
                    egui::Button::new(RichText::new("⌫").size(32.0)).min_size(vec2(96.0, 80.0));
                if theme::tapped_named(&ui.add(erase), tr(lang, T::Erase), None) {
                    digits.pop();
                }
                if key(ui, "0") && digits.len() < 8 {
                    digits.push('0');
                }
                let ok =
                    egui::Button::new(RichText::new("OK").size(32.0).color(egui::Color32::WHITE))
                        .fill(colour::GOOD)
                        .min_size(vec2(96.0, 80.0));
                if theme::tapped(&ui.add(ok)) && !digits.is_empty() {
                    commands.push(UiCommand::Unlock(std::mem::take(digits)));
                }
                ui.end_row();
            });
        ui.add_space(8.0);
        let cancel = egui::Button::new(tr(lang, T::Cancel))
            .min_size(vec2(ui.available_width(), theme::TOUCH));
        if theme::tapped(&ui.add(cancel)) {
            close = true;
        }
    });
    if close || modal.should_close() {
        state.facilitator.pad = None;
    }
}

fn panel(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = screen.lang();
    let f = screen.facilitator;
    let screen_rect = ui.ctx().content_rect();
    let all: Vec<String> = screen.live.boards().iter().map(|b| b.id.clone()).collect();
    let draft = state.facilitator.shown_draft.get_or_insert_with(|| {
        if screen.shown.is_empty() {
            all.clone()
        } else {
            screen.shown.to_vec()
        }
    });
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("facilitator-panel")).show(ui.ctx(), |ui| {
        ui.set_width((screen_rect.width() * 0.7).max(600.0));
        ui.horizontal(|ui| {
            ui.heading(tr(lang, T::FacilitatorMode));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let done = egui::Button::new(format!("✓  {}", tr(lang, T::Close)))
                    .min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH));
                if theme::tapped(&ui.add(done)) {
                    close = true;
                }
                let lock = egui::Button::new(tr(lang, T::Lock))
                    .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH));
                if theme::tapped_named(&ui.add(lock), tr(lang, T::Lock), None) {
                    commands.push(UiCommand::Lock);
                }
            });
        });
        if !f.pin_set {
            ui.label(RichText::new(tr(lang, T::NoPinSetOne)).color(colour::BAD));
        }
        ui.label(RichText::new(tr(lang, T::ClosesByItself)).color(colour::MUTED));
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            let history = egui::Button::new(tr(lang, T::HistoryOfChanges))
                .min_size(vec2(theme::TOUCH * 5.0, theme::TOUCH));
            if theme::tapped_named(&ui.add(history), tr(lang, T::HistoryOfChanges), None) {
                state.facilitator.audit_open = true;
            }
            let deleting = state.facilitator.deleting;
            let delete = egui::Button::new(format!("✕  {}", tr(lang, T::DeleteEntries)))
                .selected(deleting)
                .min_size(vec2(theme::TOUCH * 5.0, theme::TOUCH));
            if theme::tapped_named(&ui.add(delete), tr(lang, T::DeleteEntries), Some(deleting)) {
                state.facilitator.deleting = !deleting;
                // Back to the board, where the delete buttons now show.
                close = !deleting;
            }
            let (label, to) = if f.fullscreen {
                (tr(lang, T::LeaveFullScreen), false)
            } else {
                (tr(lang, T::BackToFullScreen), true)
            };
            let window = egui::Button::new(label).min_size(vec2(theme::TOUCH * 5.0, theme::TOUCH));
            if theme::tapped_named(&ui.add(window), label, None) {
                commands.push(UiCommand::SetFullscreen(to));
            }
        });
        ui.add_space(16.0);
        ui.label(RichText::new(tr(lang, T::BoardsShownOnThisScreen)).strong());
        ui.horizontal_wrapped(|ui| {
            for board in screen.live.boards() {
                let ticked = draft.contains(&board.id);
                let text = format!("{} {}", if ticked { "☑" } else { "☐" }, board.title);
                let b = egui::Button::new(text)
                    .selected(ticked)
                    .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH));
                if theme::tapped_named(&ui.add(b), &board.title, Some(ticked)) {
                    if ticked {
                        draft.retain(|id| id != &board.id);
                    } else {
                        draft.push(board.id.clone());
                    }
                }
            }
        });
        let apply = egui::Button::new(tr(lang, T::ApplyThisChoice))
            .min_size(vec2(theme::TOUCH * 4.0, theme::TOUCH));
        if ui.add_enabled(!draft.is_empty(), apply).clicked() {
            // Every board ticked is the same as no limit.
            let chosen = if all.iter().all(|id| draft.contains(id)) {
                Vec::new()
            } else {
                all.iter()
                    .filter(|id| draft.contains(id))
                    .cloned()
                    .collect()
            };
            commands.push(UiCommand::SetShown(chosen));
        }
        ui.add_space(8.0);
        // A finger-sized toggle rather than a small triangle.
        let open = state.facilitator.settings_open;
        let name = tr(lang, T::SettingsInEffect);
        let toggle = egui::Button::new(format!("{} {name}", if open { "▾" } else { "▸" }))
            .selected(open)
            .min_size(vec2(theme::TOUCH * 4.0, theme::TOUCH));
        if theme::tapped_named(&ui.add(toggle), name, Some(open)) {
            state.facilitator.settings_open = !open;
        }
        if open {
            egui::ScrollArea::vertical()
                .max_height(screen_rect.height() * 0.3)
                .show(ui, |ui| {
                    egui::Grid::new("settings").striped(true).show(ui, |ui| {
                        for (key, value, from) in f.settings {
                            ui.label(RichText::new(*key).strong());
                            ui.label(value);
                            ui.label(RichText::new(from).color(colour::MUTED));
                            ui.end_row();
                        }
                    });
                });
        }
    });
    if close || modal.should_close() {
        state.facilitator.panel_open = false;
        state.facilitator.shown_draft = None;
    }
}

fn audit(ui: &mut egui::Ui, screen: &Screen<'_>, state: &mut UiState) {
    let lang = screen.lang();
    let screen_rect = ui.ctx().content_rect();
    let modal = egui::Modal::new(egui::Id::unique("audit-trail")).show(ui.ctx(), |ui| {
        ui.set_width(screen_rect.width() - 120.0);
        ui.horizontal(|ui| {
            let title = match screen.board {
                Some(b) => format!("{} — {}", tr(lang, T::HistoryOfChanges), b.title),
                None => tr(lang, T::HistoryOfChanges).to_owned(),
            };
            ui.heading(title);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let close = egui::Button::new(format!("✓  {}", tr(lang, T::Close)))
                    .min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH));
                if theme::tapped(&ui.add(close)) {
                    state.facilitator.audit_open = false;
                }
            });
        });
        ui.label(RichText::new(tr(lang, T::HistoryExplained)).color(colour::MUTED));
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(screen_rect.height() - 260.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if screen.facilitator.audit.is_empty() {
                    ui.label(tr(lang, T::NoChangeYet));
                }
                for line in screen.facilitator.audit {
                    let text = RichText::new(line.sentence(lang));
                    let text = if line.undone_by.is_some() {
                        text.color(colour::MUTED)
                    } else {
                        text
                    };
                    ui.label(text);
                }
            });
    });
    if modal.should_close() {
        state.facilitator.audit_open = false;
    }
}

/// Whether entries show their delete button: facilitator mode open, with deleting on.
pub(super) fn deleting(screen: &Screen<'_>, state: &UiState) -> bool {
    screen.facilitator.open && state.facilitator.deleting
}

/// A delete button next to an entry, shown only in facilitator mode with deleting on. The entry
/// leaves the board; its history stays, and undo brings it back.
pub(super) fn delete_button(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    state: &UiState,
    section: &str,
    id: &str,
    kind: EntryKind,
    commands: &mut Vec<UiCommand>,
) {
    if !deleting(screen, state) {
        return;
    }
    let lang = screen.lang();
    let button = egui::Button::new(RichText::new("✕").color(egui::Color32::WHITE))
        .fill(colour::BAD)
        .min_size(vec2(theme::TOUCH, theme::TOUCH));
    if theme::tapped_named(&ui.add(button), tr(lang, T::Delete), None) {
        commands.push(UiCommand::Edit {
            section: section.to_owned(),
            edit: crate::model::Edit::Remove {
                id: id.to_owned(),
                kind,
            },
        });
    }
}
