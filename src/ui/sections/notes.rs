//! Announcements and recognitions.

use super::*;

/// The announcements and recognitions.
pub(super) fn body(ui: &mut egui::Ui, cx: Cx<'_, '_>, notes: &[view::NoteView]) {
    let Cx {
        section,
        screen,
        state,
        commands,
        mode,
        lang,
        today,
        ..
    } = cx;

    if notes.is_empty() {
        empty(ui, &add_hint(lang, T::NoNoteYet));
    }
    let deleting = crate::ui::facilitator::deleting(screen, state);
    let row = if deleting { theme::TOUCH } else { 28.0 };
    ui.spacing_mut().item_spacing.y = ROW_SPACING;
    let (shown, hidden) = fitting(mode, ui.available_height(), notes.iter().map(|_| row));
    let mut corrected = None;
    for n in &notes[..shown] {
        let mark = if n.recognition { "★" } else { "•" };
        let text = RichText::new(format!("{mark} {}", n.text));
        let shown = if deleting {
            ui.horizontal(|ui| {
                crate::ui::facilitator::delete_button(
                    ui,
                    screen,
                    state,
                    &section.id,
                    &n.id,
                    crate::model::EntryKind::Note,
                    commands,
                );
                words(ui, mode, text)
            })
            .inner
        } else {
            words(ui, mode, text)
        };
        if correct_tapped(ui, lang, (&shown, &n.id), &n.text) {
            corrected = Some(n);
        }
    }
    more_cue(ui, lang, hidden, section, state);
    if let Some(n) = corrected {
        state.form = Some(Form::correct_note(&section.id, &section.title, today, n));
    }
}
