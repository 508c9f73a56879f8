//! The action plan: each action's status chip and words.

use super::*;

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

/// The action plan: each action with its status chip (a tap moves it on) and its words.
pub(super) fn body(ui: &mut egui::Ui, cx: Cx<'_, '_>, actions: &[view::ActionView]) {
    let Cx {
        section,
        screen,
        state,
        commands,
        mode,
        lang,
        today: cx_today,
        ..
    } = cx;

    if actions.is_empty() {
        empty(ui, &add_hint(lang, T::NoActionYet));
    }
    let row = theme::TOUCH;
    let (shown, hidden) = fitting(mode, ui.available_height(), actions.iter().map(|_| row));
    let deleting = crate::ui::facilitator::deleting(screen, state);
    let mut corrected: Option<view::ActionView> = None;
    let mut draw = |ui: &mut egui::Ui, a: &view::ActionView| {
        ui.horizontal(|ui| {
            let (label, fill) = status_look(lang, a.status);
            let chip = egui::Button::new(RichText::new(label).color(Color32::WHITE).strong())
                .fill(fill)
                .min_size(vec2(130.0, theme::TOUCH));
            if theme::tapped(&ui.add(chip)) {
                let next = match a.status {
                    ActionStatus::Todo => ActionStatus::Doing,
                    ActionStatus::Doing => ActionStatus::Done,
                    ActionStatus::Done | ActionStatus::Cancelled => ActionStatus::Todo,
                };
                commands.push(UiCommand::Edit {
                    section: section.id.clone(),
                    edit: Edit::SetActionStatus {
                        id: a.id.clone(),
                        status: next,
                    },
                });
            }
            let shown = if deleting {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    crate::ui::facilitator::delete_button(
                        ui,
                        screen,
                        state,
                        &section.id,
                        &a.id,
                        crate::model::EntryKind::Action,
                        commands,
                    );
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        action_words(ui, lang, mode, a);
                    })
                    .response
                })
                .inner
            } else {
                ui.vertical(|ui| action_words(ui, lang, mode, a)).response
            };
            if correct_tapped(ui, lang, (&shown, &a.id), &a.title) {
                corrected = Some(a.clone());
            }
        });
    };
    if mode == Mode::Full {
        let key = |a: &&view::ActionView| {
            let shown = (&a.title, &a.owner, a.due, a.status.name());
            egui::epaint::util::hash((shown, a.overdue, a.stale, lang, deleting))
        };
        let id = ui.scope_id().with("rows");
        crate::ui::list::lazy_rows(ui, id, actions, key, |ui, a| draw(ui, a));
    } else {
        ui.spacing_mut().item_spacing.y = ROW_SPACING;
        for a in &actions[..shown] {
            let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), row), Sense::hover());
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
            draw(&mut child, a);
        }
        more_cue(ui, lang, hidden, section, state);
    }
    if let Some(a) = corrected {
        let form = Form::correct_action(&section.id, &section.title, cx_today, &a);
        state.form = Some(form);
    }
}
