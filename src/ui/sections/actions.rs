//! The action plan's words and statuses, and the attendance buttons.

use super::*;

/// A member's name to tick: ✓ and selected when here; `size` at least.
pub(in crate::ui) fn member_toggle(
    member: &str,
    here: bool,
    size: egui::Vec2,
) -> egui::Button<'static> {
    let text = if here {
        format!("✓ {member}")
    } else {
        member.to_owned()
    };
    egui::Button::new(text).selected(here).min_size(size)
}

/// An action's words: its title (struck through once closed), owner and due date or how late
/// it is, and whether it has gone stale; wrapped in a full section, one line each in a card.
pub(super) fn action_words(ui: &mut egui::Ui, lang: Lang, mode: Mode, a: &view::ActionView) {
    ui.spacing_mut().item_spacing.y = 2.0;
    let title = RichText::new(&a.title);
    words(
        ui,
        mode,
        if a.status.is_closed() {
            title.strikethrough().color(colour::MUTED)
        } else {
            title
        },
    );
    let mut meta = Vec::new();
    if a.overdue {
        meta.push(format!("✕ {}", tr(lang, T::Overdue)));
    }
    if let Some(o) = &a.owner {
        meta.push(o.clone());
    }
    if let Some(d) = a.due {
        meta.push(i18n::short_date(lang, d));
    }
    if a.stale {
        meta.push(format!("◷ {}", tr(lang, T::Stale)));
    }
    if meta.is_empty() {
        return;
    }
    let text = RichText::new(meta.join(" · ")).size(theme::DETAIL_TEXT);
    words(
        ui,
        mode,
        if a.overdue {
            text.color(colour::BAD).strong()
        } else if a.stale {
            text.color(colour::WATCH)
        } else {
            text.color(colour::MUTED)
        },
    );
}

pub(super) fn status_look(lang: Lang, status: ActionStatus) -> (&'static str, Color32) {
    match status {
        ActionStatus::Todo => (tr(lang, T::Todo), colour::MUTED),
        ActionStatus::Doing => (tr(lang, T::Doing), colour::ACCENT),
        ActionStatus::Done => (tr(lang, T::Done), colour::GOOD),
        ActionStatus::Cancelled => (tr(lang, T::Cancelled), colour::MUTED),
    }
}
