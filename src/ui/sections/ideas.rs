//! The improvement ideas board: its columns, dragged from one to the next.

use super::*;

/// What is carried while an idea is dragged: its id.
pub(super) struct DraggedIdea(String);

/// The ideas board: a column each, a card each. Cards move by a tap on ◀ ▶ (always there), or
/// by dragging them to another column. A card shows as many ideas of each column as fit, with
/// how many more each column holds.
pub(super) fn idea_columns(
    ui: &mut egui::Ui,
    (screen, state): (&Screen<'_>, &mut UiState),
    section: &Section,
    columns: &[crate::model::IdeaColumn],
    ideas: &[view::IdeaView],
    mode: Mode,
    commands: &mut Commands,
) {
    let lang = screen.lang();
    let move_to = |id: &str, column: &str| UiCommand::Edit {
        section: section.id.clone(),
        edit: Edit::MoveIdea {
            id: id.to_owned(),
            column: column.to_owned(),
        },
    };
    let deleting = crate::ui::facilitator::deleting(screen, state);
    // The board's XmR indicators, where an idea put to the test can be marked as a change.
    let charts: Vec<(String, String)> = screen
        .board
        .map(|b| {
            b.sections
                .iter()
                .filter(|s| {
                    matches!(&s.kind, crate::model::SectionKind::Indicator(spec)
                        if spec.chart == crate::model::ChartKind::Xmr)
                })
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect()
        })
        .unwrap_or_default();
    let mut marked: Option<Form> = None;
    let mut corrected: Option<view::IdeaView> = None;
    side_by_side(ui, columns.len(), |i, col| {
        let Some(column) = columns.get(i) else {
            return;
        };
        let here: Vec<_> = ideas
            .iter()
            .filter(|idea| idea.column == column.name)
            .collect();
        let over = column.limit.is_some_and(|l| here.len() > l as usize);
        let header = match column.limit {
            Some(l) => format!("{} ({}/{l})", column.name, here.len()),
            None => format!("{} ({})", column.name, here.len()),
        };
        let (rect, _) = col.allocate_exact_size(vec2(col.available_width(), 4.0), Sense::hover());
        col.painter()
            .rect_filled(rect, 2.0, if over { colour::BAD } else { colour::LINE });
        let header =
            RichText::new(header)
                .strong()
                .color(if over { colour::BAD } else { colour::INK });
        words(col, mode, header);
        if over {
            words(
                col,
                mode,
                RichText::new(format!("! {}", tr(lang, T::WipExceeded)))
                    .color(colour::BAD)
                    .size(theme::MIN_TEXT),
            );
        }
        let row = theme::TOUCH + 12.0;
        col.spacing_mut().item_spacing.y = ROW_SPACING;
        let (shown, hidden) = fitting(mode, col.available_height(), here.iter().map(|_| row));
        let zone_height = if hidden > 0 {
            (col.available_height() - CUE_ROOM).max(theme::TOUCH)
        } else {
            col.available_height().max(theme::TOUCH)
        };
        let prev = i.checked_sub(1).and_then(|p| columns.get(p));
        let next = columns.get(i + 1);
        let (_, dropped) = col.dnd_drop_zone::<DraggedIdea, ()>(egui::Frame::new(), |ui| {
            ui.set_min_size(vec2(ui.available_width(), zone_height));
            let mut card = |ui: &mut egui::Ui, idea: &view::IdeaView| {
                egui::Frame::new()
                    .fill(Color32::from_rgb(0xFF, 0xF6, 0xC8))
                    .corner_radius(6)
                    .inner_margin(6)
                    .show(ui, |ui| {
                        ui.set_min_width(ui.available_width());
                        // ◀ ▶ to the columns beside, and ✕ in facilitator mode.
                        let buttons =
                            |ui: &mut egui::Ui, commands: &mut Commands, compact: bool| {
                                for (arrow, to) in [("◀", prev), ("▶", next)] {
                                    let Some(to) = to else { continue };
                                    let name = format!("{arrow} {}", to.name);
                                    let (text, size) = if compact {
                                        (arrow.to_owned(), vec2(48.0, theme::TOUCH))
                                    } else {
                                        (name.clone(), vec2(theme::TOUCH, theme::TOUCH))
                                    };
                                    let button = egui::Button::new(text).min_size(size);
                                    if theme::tapped_named(&ui.add(button), name, None) {
                                        commands.push(move_to(&idea.id, &to.name));
                                    }
                                }
                                crate::ui::facilitator::delete_button(
                                    ui,
                                    screen,
                                    state,
                                    &section.id,
                                    &idea.id,
                                    crate::model::EntryKind::Idea,
                                    commands,
                                );
                            };
                        // The words of the card are the drag handle; the buttons stay buttons.
                        // One id per idea and way of drawing it: opened over its card, an idea
                        // is drawn twice in one frame.
                        let drag_id = egui::Id::unique(("idea", &idea.id, mode));
                        let text = |ui: &mut egui::Ui| {
                            ui.dnd_drag_source(drag_id, DraggedIdea(idea.id.clone()), |ui| {
                                ui.spacing_mut().item_spacing.y = 2.0;
                                words(ui, mode, &idea.title);
                                let mut by = idea.by.clone().unwrap_or_default();
                                if idea.stale {
                                    by = format!("◷ {} {by}", tr(lang, T::Stale));
                                }
                                if !by.trim().is_empty() {
                                    let colour = if idea.stale {
                                        colour::WATCH
                                    } else {
                                        colour::MUTED
                                    };
                                    words(
                                        ui,
                                        mode,
                                        RichText::new(by.trim())
                                            .size(theme::MIN_TEXT)
                                            .color(colour),
                                    );
                                }
                            })
                            .response
                        };
                        if mode == Mode::Full {
                            let shown = text(ui);
                            if correct_tapped(ui, lang, (&shown, &idea.id), &idea.title) {
                                corrected = Some(idea.clone());
                            }
                            ui.horizontal_wrapped(|ui| {
                                buttons(ui, commands, false);
                                // An idea put to the test (past the first column) is one tap
                                // from a change marked on the board's XmR charts.
                                if i > 0 && !charts.is_empty() {
                                    let mark = egui::Button::new(format!(
                                        "▶ {}",
                                        tr(lang, T::MarkOnChart)
                                    ))
                                    .min_size(vec2(theme::TOUCH, theme::TOUCH));
                                    if theme::tapped(&ui.add(mark)) {
                                        marked = Form::change_from_idea(
                                            (&idea.id, &idea.title),
                                            &charts,
                                            screen.today(),
                                        );
                                    }
                                }
                            });
                        } else {
                            ui.set_height(theme::TOUCH);
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    buttons(ui, commands, true);
                                    let shown = ui
                                        .with_layout(egui::Layout::top_down(egui::Align::Min), text)
                                        .inner;
                                    if correct_tapped(ui, lang, (&shown, &idea.id), &idea.title) {
                                        corrected = Some(idea.clone());
                                    }
                                },
                            );
                        }
                    });
            };
            if mode == Mode::Full {
                let key = |idea: &&&view::IdeaView| {
                    egui::epaint::util::hash((&idea.title, &idea.by, idea.stale, lang, deleting))
                };
                let id = ui.scope_id().with(("cards", &column.name));
                crate::ui::list::lazy_rows(ui, id, &here, key, |ui, idea| card(ui, idea));
            } else {
                ui.spacing_mut().item_spacing.y = ROW_SPACING;
                for idea in &here[..shown] {
                    card(ui, idea);
                }
            }
        });
        if let Some(dragged) = dropped
            && !here.iter().any(|idea| idea.id == dragged.0)
        {
            commands.push(move_to(&dragged.0, &column.name));
        }
        more_cue(col, lang, hidden, section, state);
    });
    if let Some(idea) = corrected {
        state.form = Some(Form::correct_idea(
            &section.id,
            &section.title,
            screen.today(),
            &idea,
        ));
    }
    if let Some(form) = marked {
        state.chart_open = None;
        state.section_open = None;
        state.form = Some(form);
    }
}

/// The ideas, in their columns.
pub(super) fn body(
    ui: &mut egui::Ui,
    cx: Cx<'_, '_>,
    columns: &[crate::model::IdeaColumn],
    ideas: &[view::IdeaView],
) {
    let Cx {
        section,
        screen,
        state,
        commands,
        mode,
        lang,
        ..
    } = cx;

    if ideas.is_empty() {
        empty(ui, &add_hint(lang, T::NoIdeaYet));
    }
    idea_columns(ui, (screen, state), section, columns, ideas, mode, commands);
}
