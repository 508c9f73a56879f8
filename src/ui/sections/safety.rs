//! The safety cross: a month of days, each coloured by its level.

use super::*;

pub(super) fn safety_look(level: SafetyLevel) -> (Color32, &'static str) {
    match level {
        SafetyLevel::Unrecorded => (colour::EMPTY_DAY, ""),
        SafetyLevel::None => (colour::GOOD, "✓"),
        SafetyLevel::Minor => (colour::WATCH, "!"),
        SafetyLevel::Serious => (colour::BAD, "✕"),
    }
}

/// The smallest cell of the safety cross that holds a day's two digits at the smallest text
/// size.
pub(super) const DIGITS_FIT: f32 = 22.0;

/// Where the days of a month go on the safety cross: a 7 × 7 grid whose middle three columns
/// and middle three rows make the + that teams draw on paper (33 cells, the days in reading
/// order), as (row, column) from 0.
pub(in crate::ui) fn cross_cells() -> impl Iterator<Item = (usize, usize)> {
    (0..7).flat_map(|row| {
        (0..7).filter_map(move |col| {
            let arm = (2..5).contains(&row) || (2..5).contains(&col);
            arm.then_some((row, col))
        })
    })
}

/// The safety cross: a cell a day in the shape of a +, today outlined, the legend beside it or
/// under it, whichever leaves the days larger. A tap on a past day or today moves it to the
/// next level: not recorded → no event → minor → serious. The cells and their places depend
/// only on the room given, so a tap never moves the day under the finger.
pub(in crate::ui) fn safety_month(
    ui: &mut egui::Ui,
    lang: Lang,
    section: &Section,
    today: NaiveDate,
    days: &std::collections::BTreeMap<NaiveDate, (SafetyLevel, Option<String>)>,
    mut commands: Option<&mut Commands>,
) -> Option<NaiveDate> {
    let mut tapped = None;
    let count = i18n::days_in_month(today);
    let avail = ui.available_size();
    let gap = (avail.x.min(avail.y) / 80.0).clamp(2.0, 6.0);
    let text = theme::MIN_TEXT;
    let legend_font = egui::FontId::proportional(text);
    let legend_height = 4.0 * (text + 8.0);
    let cell_for = |w: f32, h: f32| ((w.min(h) - 6.0 * gap) / 7.0).max(0.0);
    // The legend's words in full where they leave the days large enough for their numbers,
    // else short.
    let layout = |legend: [(SafetyLevel, T); 4]| {
        let width = legend
            .iter()
            .map(|(_, t)| {
                ui.painter()
                    .layout_no_wrap(tr(lang, *t).to_owned(), legend_font.clone(), colour::MUTED)
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
            + text * 2.5;
        let beside = cell_for(avail.x - width - 12.0, avail.y);
        let below = cell_for(avail.x, avail.y - legend_height - 8.0);
        (legend, width, beside >= below, beside.max(below))
    };
    let full = layout([
        (SafetyLevel::None, T::SafetyNone),
        (SafetyLevel::Minor, T::SafetyMinor),
        (SafetyLevel::Serious, T::SafetySerious),
        (SafetyLevel::Unrecorded, T::DayNotRecorded),
    ]);
    let (legend_lines, legend_width, legend_beside, cell) = if full.3 >= 30.0 {
        full
    } else {
        layout([
            (SafetyLevel::None, T::SafetyNoneShort),
            (SafetyLevel::Minor, T::SafetyMinorShort),
            (SafetyLevel::Serious, T::SafetySeriousShort),
            (SafetyLevel::Unrecorded, T::DayNotRecordedShort),
        ])
    };
    let cell = cell.clamp(14.0, 96.0);
    let side = 7.0 * cell + 6.0 * gap;
    let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    let font = egui::FontId::proportional((cell * 0.45).clamp(text, 30.0));
    for ((row, col), day) in cross_cells().zip(1..=count) {
        let min = egui::pos2(
            rect.left() + col as f32 * (cell + gap),
            rect.top() + row as f32 * (cell + gap),
        );
        let r = egui::Rect::from_min_size(min, vec2(cell, cell));
        let Some(date) = today.with_day(day) else {
            continue;
        };
        let level = days.get(&date).map_or(SafetyLevel::Unrecorded, |(l, _)| *l);
        let future = date > today;
        let (fill, _) = if future {
            (Color32::WHITE, "")
        } else {
            safety_look(level)
        };
        let stroke = if date == today {
            egui::Stroke::new(3.0, colour::INK)
        } else {
            egui::Stroke::new(1.0, colour::LINE)
        };
        ui.painter().rect(r, 4.0, fill, stroke, StrokeKind::Inside);
        let text_color = if level == SafetyLevel::Unrecorded || future {
            colour::MUTED
        } else {
            Color32::WHITE
        };
        // The day's number where the cell holds two digits at a legible size (the cross opened large
        // always does); its level's shape goes in a corner when the cell has room for it.
        if cell >= DIGITS_FIT {
            ui.painter().text(
                r.center(),
                egui::Align2::CENTER_CENTER,
                day.to_string(),
                font.clone(),
                text_color,
            );
        }
        // The level's shape as well as its colour: its mark in a corner where the cell has
        // room for it; else a corner cut for a minor event and a cross for a serious one.
        let (_, mark) = safety_look(level);
        if !future && !mark.is_empty() && cell >= 44.0 {
            ui.painter().text(
                r.left_top() + vec2(4.0, 2.0),
                egui::Align2::LEFT_TOP,
                mark,
                egui::FontId::proportional(text),
                text_color,
            );
        } else if !future {
            let corner = cell * 0.3;
            let faint = egui::Stroke::new(1.5, Color32::from_white_alpha(150));
            if level == SafetyLevel::Minor {
                ui.painter().add(egui::Shape::convex_polygon(
                    vec![
                        r.left_top(),
                        r.left_top() + vec2(corner, 0.0),
                        r.left_top() + vec2(0.0, corner),
                    ],
                    Color32::WHITE,
                    egui::Stroke::NONE,
                ));
            } else if level == SafetyLevel::Serious {
                ui.painter()
                    .line_segment([r.left_top(), r.right_bottom()], faint);
                ui.painter()
                    .line_segment([r.right_top(), r.left_bottom()], faint);
            }
        }
        if !future && let Some(commands) = commands.as_deref_mut() {
            let id = ui.scope_id().with(("safety-day", day));
            let response = ui.interact(r, id, Sense::click());
            if theme::tapped_named(&response, i18n::short_date(lang, date), None) {
                let next = SafetyLevel::ALL[(SafetyLevel::ALL
                    .iter()
                    .position(|l| *l == level)
                    .unwrap_or(0)
                    + 1)
                    % SafetyLevel::ALL.len()];
                // The day's note stays with it whatever its colour.
                let note = days.get(&date).and_then(|(_, n)| n.clone());
                commands.push(UiCommand::Edit {
                    section: section.id.clone(),
                    edit: Edit::SetSafety {
                        date,
                        level: next,
                        note,
                    },
                });
                tapped = Some(date);
            }
        }
        if days.get(&date).is_some_and(|(_, n)| n.is_some()) {
            // A day with a note has a small mark in its corner.
            ui.painter().circle_filled(
                r.right_top() + vec2(-5.0, 5.0),
                (cell / 12.0).clamp(2.5, 5.0),
                colour::INK,
            );
        }
    }
    // The legend: a swatch with the level's shape, and its name.
    let origin = if legend_beside {
        egui::pos2(rect.right() + 12.0, rect.top())
    } else {
        egui::pos2(rect.left(), rect.bottom() + 8.0)
    };
    for (i, (level, label)) in legend_lines.iter().enumerate() {
        let y = origin.y + i as f32 * (text + 8.0);
        let swatch =
            egui::Rect::from_min_size(egui::pos2(origin.x, y), vec2(text + 4.0, text + 4.0));
        let (fill, mark) = safety_look(*level);
        ui.painter().rect(
            swatch,
            3.0,
            fill,
            egui::Stroke::new(1.0, colour::LINE),
            StrokeKind::Inside,
        );
        ui.painter().text(
            swatch.center(),
            egui::Align2::CENTER_CENTER,
            mark,
            legend_font.clone(),
            Color32::WHITE,
        );
        let words = egui::Rect::from_min_max(
            egui::pos2(swatch.right() + 6.0, y),
            egui::pos2(
                (origin.x + legend_width).max(swatch.right() + 6.0),
                y + text + 6.0,
            ),
        );
        ui.put(
            words,
            egui::Label::new(
                RichText::new(tr(lang, *label))
                    .font(legend_font.clone())
                    .color(colour::MUTED),
            )
            .truncate(),
        );
    }
    let legend = if legend_beside {
        egui::Rect::from_min_size(origin, vec2(legend_width, legend_height))
    } else {
        egui::Rect::from_min_size(origin, vec2(side, legend_height))
    };
    ui.allocate_rect(legend, Sense::hover());
    tapped
}

/// The safety cross of the month; a tap opens it large.
pub(super) fn body(
    ui: &mut egui::Ui,
    cx: Cx<'_, '_>,
    days: &std::collections::BTreeMap<NaiveDate, (SafetyLevel, Option<String>)>,
) {
    let Cx {
        section,
        state,
        lang,
        today,
        ..
    } = cx;

    safety_month(ui, lang, section, today, days, None);
    // The small calendar is for reading; a tap opens it large, with finger-sized days.
    if card_tapped(ui, lang, T::TapToEnter, section) {
        state.safety_open = Some(section.id.clone());
    }
}
