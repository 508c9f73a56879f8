//! The on-screen keyboard and numeric keypad, so that the kiosk works with no physical
//! keyboard. Keys are big (≥ 56 points); the French layout has the accents of Québec French.

use egui::{RichText, vec2};

use super::theme;
use crate::i18n::{T, tr};
use crate::model::Lang;

/// What a key press asks for beyond typing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyOutcome {
    /// Nothing special.
    None,
    /// The Enter / OK key.
    Enter,
}

/// Which keys to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Letters, digits, accents.
    Letters,
    /// Digits and the decimal mark.
    Numeric,
}

/// State of the keyboard between frames.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyboardState {
    /// The next letter is a capital.
    pub shift: bool,
}

const ROWS_EN: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm,.-"];
const ROWS_FR: [&str; 5] = [
    "1234567890",
    "qwertyuiop",
    "asdfghjkl'",
    "zxcvbnm,.-",
    "éèàçêëîïôùû",
];

fn key(ui: &mut egui::Ui, label: &str, width: f32) -> bool {
    let button =
        egui::Button::new(RichText::new(label).size(26.0)).min_size(vec2(width, theme::TOUCH));
    theme::tapped(&ui.add(button))
}

/// Draws the keyboard under the field it types into; returns what was pressed.
pub fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    layout: Layout,
    state: &mut KeyboardState,
    text: &mut String,
) -> KeyOutcome {
    // Keys stop adding past the longest text an entry holds.
    let full = text.chars().count() >= crate::model::TEXT_MAX;
    let before = full.then(|| text.clone());
    let mut outcome = KeyOutcome::None;
    match layout {
        Layout::Numeric => {
            let decimal = if lang == Lang::Fr { "," } else { "." };
            let width = 96.0;
            for row in [
                ["7", "8", "9"],
                ["4", "5", "6"],
                ["1", "2", "3"],
                [decimal, "0", "⌫"],
            ] {
                ui.horizontal(|ui| {
                    for k in row {
                        if key(ui, k, width) {
                            if k == "⌫" {
                                text.pop();
                            } else {
                                text.push_str(k);
                            }
                        }
                    }
                });
            }
            ui.horizontal(|ui| {
                if key(ui, "−", width) {
                    if text.starts_with('-') {
                        text.remove(0);
                    } else {
                        text.insert(0, '-');
                    }
                }
                if key(ui, "OK", width * 2.0 + ui.spacing().item_spacing.x) {
                    outcome = KeyOutcome::Enter;
                }
            });
        }
        Layout::Letters => {
            let rows: &[&str] = if lang == Lang::Fr { &ROWS_FR } else { &ROWS_EN };
            let width = ((ui.available_width() - 11.0 * ui.spacing().item_spacing.x) / 11.0)
                .clamp(48.0, 84.0);
            for row in rows {
                ui.horizontal(|ui| {
                    for c in row.chars() {
                        let shown = if state.shift {
                            c.to_uppercase().collect::<String>()
                        } else {
                            c.to_string()
                        };
                        if key(ui, &shown, width) {
                            text.push_str(&shown);
                            state.shift = false;
                        }
                    }
                });
            }
            ui.horizontal(|ui| {
                let shift = egui::Button::new(RichText::new("⇧").size(26.0))
                    .selected(state.shift)
                    .min_size(vec2(width * 1.5, theme::TOUCH));
                if theme::tapped(&ui.add(shift)) {
                    state.shift = !state.shift;
                }
                if key(ui, tr(lang, T::Space), width * 5.0) {
                    text.push(' ');
                }
                if key(ui, "⌫", width * 1.5) {
                    text.pop();
                }
                if key(ui, "↵", width * 1.5) {
                    outcome = KeyOutcome::Enter;
                }
            });
        }
    }
    if let Some(before) = before
        && text.chars().count() > before.chars().count()
    {
        *text = before;
    }
    outcome
}
