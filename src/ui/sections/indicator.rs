//! An indicator's card: its latest value against the target, the signal going on, its
//! sparkline.

use super::*;

/// How wide `text` is on one line.
pub(super) fn width_of(ui: &egui::Ui, text: &RichText) -> f32 {
    egui::WidgetText::from(text.clone())
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::FontSelection::Default,
        )
        .size()
        .x
}

/// A status's colour and shape; none for an indicator with no good side.
pub(super) fn status_mark(status: Option<Status>) -> (&'static str, Color32) {
    match status {
        Some(Status::Good) => ("✓", colour::GOOD),
        Some(Status::Watch) => ("!", colour::WATCH),
        Some(Status::Bad) => ("✕", colour::BAD),
        None => ("", colour::INK),
    }
}

/// An indicator's card; brought forward (its turn in the huddle) or opened, the whole run chart.
pub(super) fn indicator(
    ui: &mut egui::Ui,
    lang: Lang,
    id: &str,
    spec: &IndicatorSpec,
    values: &view::IndicatorView,
    mode: Mode,
) {
    let large = mode != Mode::Card;
    // In order of importance: the value and its status, the target, the signal going on; then,
    // if the card has room, the trend line, the direction and frequency, and who entered it.
    // The heights of a line of the large number, of the target and of detail text.
    let number_line = ui.text_style_height(&theme::big_number());
    let target_line = ui.text_style_height(&egui::TextStyle::Body);
    let gap = ui.spacing().item_spacing.y;
    match values.latest() {
        Some((date, value)) => {
            let (mark, color) = status_mark(spec.status(value));
            let shown = format!("{mark} {}", i18n::number(lang, value));
            let number = RichText::new(shown.trim_start())
                .text_style(theme::big_number())
                .color(color);
            let size = theme::big_number().resolve(ui.style()).size;
            let when = i18n::short_date(lang, date);
            let unit = RichText::new(&spec.unit).color(colour::MUTED);
            let day = RichText::new(&when)
                .size(theme::DETAIL_TEXT)
                .color(colour::MUTED);
            let number_width = width_of(ui, &number);
            // An XmR indicator's two icons go beside the number, as large as a line of it.
            let icon = number_line * 0.8;
            let icons = values.xmr.as_ref().filter(|x| x.variation.is_some());
            let icons_width = icons.map_or(0.0, |x| {
                let n = if x.assurance.is_some() { 2.2 } else { 1.0 };
                icon * n + ui.spacing().item_spacing.x
            });
            let beside = width_of(ui, &unit).max(width_of(ui, &day))
                + ui.spacing().item_spacing.x
                + icons_width;
            let room = ui.available_width();
            // A long number (a regional list of 12 345) is drawn smaller rather than cut: first
            // down to half (still the largest text of the card), keeping the unit and day
            // beside it; past that, as large as the card's width allows, with the unit and day
            // under it when there is room. An XmR indicator's icons stay beside the number:
            // where the unit and day do not fit with them, those go under it.
            let scale = (room - beside) / number_width;
            let with_icons = icons.map(|_| (room - icons_width) / number_width);
            let scaled = |scale: f32| {
                if scale < 1.0 {
                    number.clone().size(size * scale)
                } else {
                    number.clone()
                }
            };
            if scale >= 0.5 {
                ui.horizontal(|ui| {
                    ui.label(scaled(scale));
                    ui.vertical(|ui| {
                        ui.label(unit);
                        ui.label(day);
                    });
                    if let Some(x) = icons {
                        crate::ui::xmr::icons(ui, lang, x, icon);
                    }
                });
            } else {
                match (icons, with_icons) {
                    (Some(x), Some(scale)) if scale >= 0.5 => {
                        ui.horizontal(|ui| {
                            ui.label(scaled(scale));
                            crate::ui::xmr::icons(ui, lang, x, icon);
                        });
                    }
                    _ => {
                        let scale = (room / number_width).min(1.0);
                        ui.add(
                            egui::Label::new(number.size((size * scale).max(theme::DETAIL_TEXT)))
                                .truncate(),
                        );
                        if let Some(x) = icons
                            && ui.available_height() >= icon + gap + target_line
                        {
                            let icon = icon.min(ui.available_width() / 2.4);
                            crate::ui::xmr::icons(ui, lang, x, icon);
                        }
                    }
                }
                // The target comes next and matters more: the day goes only where both fit.
                if ui.available_height() >= theme::DETAIL_TEXT * 1.25 + gap + target_line {
                    let under = if spec.unit.is_empty() {
                        when
                    } else {
                        format!("{} · {when}", spec.unit)
                    };
                    line(
                        ui,
                        RichText::new(under)
                            .size(theme::DETAIL_TEXT)
                            .color(colour::MUTED),
                    );
                }
            }
        }
        None => {
            // The large dash only where the target still fits under it (a card made low by a
            // banner, or by a title on three lines, keeps the target rather than the dash).
            let none = RichText::new(tr(lang, T::NoValueYet))
                .color(colour::MUTED)
                .italics();
            if ui.available_height() >= number_line + gap + target_line {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new("—")
                            .text_style(theme::big_number())
                            .color(colour::MUTED),
                    );
                    // Beside the dash, cut with "…" where the card is narrow.
                    line(ui, none);
                });
            } else {
                line(ui, none);
            }
        }
    }
    if let Some(target) = spec.target {
        let target = format!(
            "{} {} {} {}",
            tr(lang, T::Target),
            spec.direction.target_sign(),
            i18n::number(lang, target),
            spec.unit
        );
        ui.label(RichText::new(target.trim_end()).strong());
    }
    let room = |ui: &egui::Ui, needed: f32| ui.available_height() >= needed;
    // A line of detail text is drawn whole or not at all; in a card, on one line.
    let detail_line = theme::DETAIL_TEXT * 1.25;
    if let Some((point, _)) = values.xmr.as_ref().and_then(|x| x.latest())
        && point.cause != crate::spc::SpecialCause::CommonCause
        && room(ui, detail_line)
    {
        let text = format!("◆ {}", i18n::special_cause(lang, point.cause));
        let text = RichText::new(text)
            .size(theme::DETAIL_TEXT)
            .color(crate::ui::xmr::point_colour(point.point_type))
            .strong();
        line(ui, text);
    } else if let Some((signal, began)) = values
        .shown
        .ongoing
        .as_ref()
        .filter(|_| values.xmr.is_none())
        && room(ui, detail_line)
    {
        let text = format!("◆ {}", crate::runchart::describe(signal, *began, lang));
        let text = RichText::new(text)
            .size(theme::DETAIL_TEXT)
            .color(colour::ACCENT)
            .strong();
        // Wrapped only where the card has room for two lines.
        if mode == Mode::Card && !room(ui, 2.0 * detail_line + 44.0) {
            line(ui, text);
        } else {
            ui.add(egui::Label::new(text).wrap());
        }
    }
    if values.latest().is_none() && room(ui, detail_line) {
        line(
            ui,
            RichText::new(format!("→ {}", tr(lang, T::TapPlusToAdd)))
                .size(theme::DETAIL_TEXT)
                .color(colour::ACCENT),
        );
    }
    if large && values.values.len() >= 2 && room(ui, 200.0) {
        let height = ui.available_height() - 8.0;
        match &values.xmr {
            Some(x) => crate::ui::xmr::show(ui, lang, id, spec, x, height, false),
            None => crate::ui::chart::show(ui, lang, id, spec, values, height, false),
        }
        return;
    }
    if values.values.len() >= 2 && room(ui, 44.0) {
        sparkline(ui, spec, &values.shown.sparkline);
    }
    let better = match spec.direction {
        Direction::Lower => tr(lang, T::LowerIsBetter),
        Direction::Higher => tr(lang, T::HigherIsBetter),
        Direction::Neutral => tr(lang, T::NoBetterSide),
    };
    let frequency = match spec.frequency {
        Frequency::Daily => tr(lang, T::Daily),
        Frequency::Weekly => tr(lang, T::Weekly),
        Frequency::Monthly => tr(lang, T::Monthly),
    };
    if room(ui, detail_line) {
        line(
            ui,
            RichText::new(format!("{better} · {frequency}"))
                .size(theme::DETAIL_TEXT)
                .color(colour::MUTED),
        );
    }
    if let Some(stamp) = &values.latest_stamp
        && room(ui, theme::MIN_TEXT * 1.25)
    {
        let local = stamp.at.with_timezone(&chrono::Local).naive_local();
        let by = i18n::author(lang, &stamp.by);
        let text = format!(
            "{} {by} {} {}",
            tr(lang, T::ChangedBy),
            tr(lang, T::At),
            i18n::time_of_day(local)
        );
        line(
            ui,
            RichText::new(text)
                .size(theme::MIN_TEXT)
                .color(colour::MUTED),
        );
    }
}

/// The last values as a small line, with the target as a dashed line.
pub(super) fn sparkline(ui: &mut egui::Ui, spec: &IndicatorSpec, last: &[f64]) {
    if last.len() < 2 {
        return;
    }
    let (rect, _) =
        ui.allocate_exact_size(vec2(ui.available_width().min(260.0), 36.0), Sense::hover());
    let lo = last
        .iter()
        .copied()
        .chain(spec.target)
        .fold(f64::INFINITY, f64::min);
    let hi = last
        .iter()
        .copied()
        .chain(spec.target)
        .fold(f64::NEG_INFINITY, f64::max);
    let span = (hi - lo).max(f64::EPSILON);
    let y = |v: f64| rect.bottom() - ((v - lo) / span) as f32 * rect.height();
    let step = rect.width() / (last.len() - 1) as f32;
    let points: Vec<egui::Pos2> = last
        .iter()
        .enumerate()
        .map(|(i, v)| egui::pos2(rect.left() + i as f32 * step, y(*v)))
        .collect();
    let painter = ui.painter_at(rect.expand(2.0));
    if let Some(target) = spec.target {
        let target_y = y(target);
        painter.extend(egui::Shape::dashed_line(
            &[
                egui::pos2(rect.left(), target_y),
                egui::pos2(rect.right(), target_y),
            ],
            egui::Stroke::new(1.5, colour::GOOD),
            6.0,
            4.0,
        ));
    }
    painter.add(egui::Shape::line(
        points.clone(),
        egui::Stroke::new(2.5, colour::INK),
    ));
    if let Some(p) = points.last() {
        painter.circle_filled(*p, 4.0, colour::INK);
    }
}
