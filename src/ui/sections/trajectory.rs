//! The clients along the service trajectory: a column per stage, how long each has waited
//! there, and the clients of the other teams on the same trajectory.

use super::*;

/// The clients along the trajectory, a column per stage, and the other teams' clients.
pub(super) fn body(
    ui: &mut egui::Ui,
    cx: Cx<'_, '_>,
    (stages, wait_warning_days, private): (&[String], &Option<u32>, &bool),
    all: &[view::ClientView],
) {
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

    let shown = state
        .revealed
        .as_ref()
        .is_some_and(|(id, _)| *id == section.id);
    if *private && !shown {
        // A privacy screen: who is waiting where stays hidden until a tap.
        let button = egui::Button::new(
            RichText::new(format!("◉ {}", tr(lang, T::PrivateHidden)))
                .text_style(egui::TextStyle::Button),
        )
        .min_size(vec2(ui.available_width(), theme::TOUCH * 2.0));
        if theme::tapped(&ui.add(button)) {
            state.revealed = Some((section.id.clone(), screen.now));
        }
        return;
    }
    if *private {
        let hide = egui::Button::new(format!("◉ {}", tr(lang, T::HideNow)))
            .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH));
        if theme::tapped(&ui.add(hide)) {
            state.revealed = None;
        }
    }
    let (clients, others): (Vec<&view::ClientView>, Vec<&view::ClientView>) =
        all.iter().partition(|c| c.team.is_none());
    if clients.is_empty() {
        empty(ui, &add_hint(lang, T::NoClientYet));
    }
    // A client on both boards is being handed over: both teams see it.
    let handed_over = |code: &str| {
        clients.iter().any(|c| c.code == code) && others.iter().any(|c| c.code == code)
    };
    let clients = &clients;
    // In a card, the other teams' clients are counted, and shown when it opens.
    let height = if mode == Mode::Full || others.is_empty() {
        ui.available_height()
    } else {
        (ui.available_height() - CUE_ROOM).max(0.0)
    };
    let mut move_on = |ui: &mut egui::Ui, c: &view::ClientView, i: usize, full: bool| {
        let (text, name, edit) = match stages.get(i + 1) {
            Some(next) => (
                "▶".to_owned(),
                format!("▶ {next}"),
                Edit::MoveClient {
                    id: c.id.clone(),
                    stage: next.clone(),
                    since: today,
                },
            ),
            // Past the last stage, the client leaves the trajectory (the sheet stays
            // in the history).
            None => (
                "✓".to_owned(),
                format!("✓ {}", tr(lang, T::EndFollowUp)),
                Edit::Remove {
                    id: c.id.clone(),
                    kind: crate::model::EntryKind::Client,
                },
            ),
        };
        let button = if full {
            egui::Button::new(name.clone()).min_size(vec2(theme::TOUCH, theme::TOUCH))
        } else {
            egui::Button::new(text).min_size(vec2(48.0, theme::TOUCH))
        };
        if theme::tapped_named(&ui.add(button), name, None) {
            commands.push(UiCommand::Edit {
                section: section.id.clone(),
                edit,
            });
        }
    };
    let mut corrected: Option<view::ClientView> = None;
    let top = ui.cursor().min.y;
    let mut columns_ui = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(egui::Rect::from_min_size(
                ui.cursor().min,
                vec2(ui.available_width(), height),
            ))
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    side_by_side(&mut columns_ui, stages.len(), |i, col| {
        let Some(stage) = stages.get(i) else {
            return;
        };
        let here: Vec<&view::ClientView> = clients
            .iter()
            .filter(|c| &c.stage == stage)
            .copied()
            .collect();
        let (rect, _) = col.allocate_exact_size(vec2(col.available_width(), 4.0), Sense::hover());
        col.painter().rect_filled(rect, 2.0, colour::LINE);
        words(
            col,
            mode,
            RichText::new(format!("{stage} ({})", here.len())).strong(),
        );
        let row = theme::TOUCH + 12.0;
        col.spacing_mut().item_spacing.y = ROW_SPACING;
        let (shown, hidden) = fitting(mode, col.available_height(), here.iter().map(|_| row));
        for c in &here[..shown] {
            let long = wait_warning_days.is_some_and(|w| c.days_waiting >= i64::from(w));
            let days = format!("{} {}", c.days_waiting, tr(lang, T::DaysInStage));
            let days = if long {
                RichText::new(format!("! {days}"))
                    .size(theme::DETAIL_TEXT)
                    .color(colour::BAD)
                    .strong()
            } else {
                RichText::new(days)
                    .size(theme::DETAIL_TEXT)
                    .color(colour::MUTED)
            };
            let code = if handed_over(&c.code) {
                format!("⇄ {}", c.code)
            } else {
                c.code.clone()
            };
            egui::Frame::new()
                .fill(Color32::from_rgb(0xE8, 0xF1, 0xFA))
                .corner_radius(6)
                .inner_margin(6)
                .show(col, |ui| {
                    ui.set_min_width(ui.available_width());
                    if mode == Mode::Full {
                        let shown = ui.vertical(|ui| {
                            ui.add(egui::Label::new(RichText::new(&code).strong()).wrap());
                            ui.add(egui::Label::new(days).wrap());
                            if !c.next_step.is_empty() {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(&c.next_step).size(theme::DETAIL_TEXT),
                                    )
                                    .wrap(),
                                );
                            }
                        });
                        if correct_tapped(ui, lang, (&shown.response, &c.id), &c.code) {
                            corrected = Some((*c).clone());
                        }
                        move_on(ui, c, i, true);
                    } else {
                        ui.set_height(theme::TOUCH);
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            move_on(ui, c, i, false);
                            let shown = ui.vertical(|ui| {
                                ui.spacing_mut().item_spacing.y = 2.0;
                                line(ui, RichText::new(&code).strong());
                                line(ui, days);
                            });
                            if correct_tapped(ui, lang, (&shown.response, &c.id), &c.code) {
                                corrected = Some((*c).clone());
                            }
                        });
                    }
                });
        }
        more_cue(col, lang, hidden, section, state);
    });
    let used = columns_ui.min_rect().bottom().max(top);
    ui.allocate_rect(
        egui::Rect::from_min_max(
            egui::pos2(ui.cursor().min.x, top),
            egui::pos2(ui.cursor().min.x + ui.available_width(), used),
        ),
        Sense::hover(),
    );
    if let Some(c) = corrected {
        let form = Form::correct_client(&section.id, &section.title, stages, today, &c);
        state.form = Some(form);
    }
    if mode == Mode::Full {
        other_teams(ui, lang, screen, &others, &handed_over);
    } else {
        more_cue(ui, lang, others.len(), section, state);
    }
}
