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

/// Where the keys type: at the cursor of the field (`field`, its text edit's id), replacing
/// what is selected there, so that a word in the middle of a title is corrected where it
/// stands; at the end when the field has no cursor yet.
struct Typing<'t> {
    text: &'t mut String,
    field: Option<(egui::Context, egui::Id)>,
}

impl Typing<'_> {
    /// The characters the cursor covers (empty where it stands between two).
    fn range(&self) -> std::ops::Range<usize> {
        let n = self.text.chars().count();
        self.field
            .as_ref()
            .and_then(|(ctx, id)| egui::text_edit::TextEditState::load(ctx, *id))
            .and_then(|state| state.cursor.char_range())
            .map_or(n..n, |range| {
                let r = range.as_sorted_char_range();
                r.start.0.min(n)..r.end.0.min(n)
            })
    }

    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Types `s` at the cursor.
    fn put(&mut self, s: &str) {
        let r = self.range();
        let bytes = self.byte(r.start)..self.byte(r.end);
        self.text.replace_range(bytes, s);
        self.cursor(r.start + s.chars().count());
    }

    /// Erases what is selected, else the character before the cursor.
    fn back(&mut self) {
        let r = self.range();
        let start = if r.is_empty() {
            match r.start.checked_sub(1) {
                Some(s) => s,
                None => return,
            }
        } else {
            r.start
        };
        let bytes = self.byte(start)..self.byte(r.end);
        self.text.replace_range(bytes, "");
        self.cursor(start);
    }

    fn cursor(&self, at: usize) {
        if let Some((ctx, id)) = &self.field {
            let mut state = egui::text_edit::TextEditState::load(ctx, *id).unwrap_or_default();
            let at = egui::text::CCursor::new(egui::text::CharIndex(at));
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(at)));
            state.store(ctx, *id);
        }
    }
}

/// Draws the keyboard under the field it types into (`field`: the id of its text edit, where
/// the cursor is read); returns what was pressed.
pub fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    layout: Layout,
    state: &mut KeyboardState,
    (text, field): (&mut String, Option<egui::Id>),
) -> KeyOutcome {
    let mut typing = Typing {
        field: field.map(|id| (ui.ctx().clone(), id)),
        text,
    };
    // Keys stop adding past the longest text an entry holds.
    let full = typing.text.chars().count() >= crate::model::TEXT_MAX;
    let before = full.then(|| typing.text.clone());
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
                                typing.back();
                            } else {
                                typing.put(k);
                            }
                        }
                    }
                });
            }
            ui.horizontal(|ui| {
                if key(ui, "−", width) {
                    if typing.text.starts_with('-') {
                        typing.text.remove(0);
                    } else {
                        typing.text.insert(0, '-');
                    }
                    let end = typing.text.chars().count();
                    typing.cursor(end);
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
                            typing.put(&shown);
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
                    typing.put(" ");
                }
                if key(ui, "⌫", width * 1.5) {
                    typing.back();
                }
                if key(ui, "↵", width * 1.5) {
                    outcome = KeyOutcome::Enter;
                }
            });
        }
    }
    if let Some(before) = before
        && typing.text.chars().count() > before.chars().count()
    {
        *typing.text = before;
    }
    outcome
}
