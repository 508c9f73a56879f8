//! An indicator's chart, large: its values over time with gaps where a period has no value,
//! the target line, the warning band, the good side shaded, the median, and the run-chart
//! signals marked where they happen.

use chrono::{Datelike as _, NaiveDate};
use egui::Color32;
use egui_plot::{HLine, Line, LineStyle, MarkerShape, Plot, PlotPoint, Points, Polygon};

use super::theme::colour;
use crate::i18n::{self, T, tr};
use crate::model::{Direction, IndicatorSpec, Lang};
use crate::view::{self, IndicatorView, Status};

/// Days since the common era: the chart's x axis.
pub(super) fn x(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

fn date_of(x: f64) -> Option<NaiveDate> {
    // Axis marks fall between days too; only whole days are named.
    if x.fract().abs() > 1e-6 || !x.is_finite() || x.abs() > f64::from(i32::MAX) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(x as i32)
}

pub(super) fn faint(c: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// The dates named under the chart: every `step` days, weeks and more starting on Mondays,
/// none closer to an edge than `margin` days (its label would be cut there).
fn date_marks((from, to): (f64, f64), step: f64, margin: f64) -> Vec<egui_plot::GridMark> {
    let (from, to) = (from + margin, to - margin);
    let mut marks = Vec::new();
    // Day 1 of the common era was a Monday: x − 1 is a multiple of 7 on Mondays.
    let mut day = if step >= 7.0 {
        from.ceil() + (1.0 - from.ceil()).rem_euclid(7.0)
    } else {
        from.ceil()
    };
    while day <= to && marks.len() < 400 {
        marks.push(egui_plot::GridMark {
            value: day,
            step_size: step,
        });
        day += step;
    }
    marks
}

/// The plot every indicator chart is drawn in: still under a finger (no zoom, drag or
/// ruler), dates far enough apart to be read, numbers in the board's language, and a label
/// only next to a value.
pub(super) fn frame(
    ui: &egui::Ui,
    lang: Lang,
    id: &str,
    unit: &str,
    (lo, hi): (f64, f64),
    (first, last): (f64, f64),
    height: f32,
) -> Plot<'static> {
    // Dates far enough apart to be read: a day, two, a week (on Mondays), two weeks…
    let px_per_day = ui.available_width() as f64 / (last - first + 2.0).max(1.0);
    let step = [1.0, 2.0, 7.0, 14.0, 28.0, 56.0, 91.0, 182.0, 364.0]
        .into_iter()
        .find(|s| s * px_per_day >= 120.0)
        .unwrap_or(364.0);
    // Half a date label ("24 nov.", about 80 points) from each edge.
    let margin = 45.0 / px_per_day.max(1e-6);
    let unit_for_labels = unit.to_owned();
    Plot::new(("indicator-chart", id))
        .height(height.max(120.0))
        // A finger lifted leaves the pointer where it was: no ruler stays drawn there.
        .show_crosshair(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_background(false)
        .show_grid([false, true])
        .include_y(lo)
        .include_y(hi)
        .include_x(first - 1.0)
        .include_x(last + 1.0)
        .set_margin_fraction(egui::vec2(0.0, 0.05))
        .x_grid_spacer(move |input| date_marks(input.bounds, step, margin))
        .x_axis_formatter(move |mark, _| {
            date_of(mark.value)
                .map(|d| i18n::day_month(lang, d))
                .unwrap_or_default()
        })
        .y_axis_formatter(move |mark, _| i18n::number(lang, mark.value))
        .label_formatter(move |hover| {
            // A label only next to a value, never for an empty spot of the chart.
            let egui_plot::HoverPosition::NearDataPoint { position, .. } = hover else {
                return None;
            };
            let date = date_of(position.x.round())?;
            Some(format!(
                "{} : {} {}",
                i18n::short_date(lang, date),
                i18n::number(lang, position.y),
                unit_for_labels
            ))
        })
}

/// Draws the chart in `height` points.
pub(super) fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    id: &str,
    spec: &IndicatorSpec,
    data: &IndicatorView,
    height: f32,
    legend: bool,
) {
    let values = data.chart_values();
    let unit = spec.unit.clone();
    let number = move |v: f64| i18n::number(lang, v);
    let (lo, hi) = values
        .iter()
        .map(|(_, v)| *v)
        .chain(spec.target)
        .chain(spec.warning)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let pad = ((hi - lo).abs() * 0.15).max(1.0);
    let (lo, hi) = (lo - pad, hi + pad);
    let first = values.first().map_or(0.0, |(d, _)| x(*d));
    let last = values.last().map_or(1.0, |(d, _)| x(*d));
    let legend_height = if legend { LEGEND_HEIGHT } else { 0.0 };
    let plot = frame(
        ui,
        lang,
        id,
        &unit,
        (lo, hi),
        (first, last),
        height - legend_height,
    );
    plot.show(ui, |plot_ui| {
        let band = |name: String, (from, to): (f64, f64), fill: Color32| {
            Polygon::new(
                name,
                vec![
                    [first - 1.0, from],
                    [last + 1.0, from],
                    [last + 1.0, to],
                    [first - 1.0, to],
                ],
            )
            .fill_color(fill)
            .stroke(egui::Stroke::NONE)
            .allow_hover(false)
        };
        if let Some(target) = spec.target {
            let sign = spec.direction.target_sign();
            let target_name = format!("✓ {} {sign} {}", tr(lang, T::Target), number(target));
            // The good side of the target, faint green; between target and warning, faint
            // amber. An indicator with no good side has its target as a line alone.
            let sides = match (spec.direction, spec.warning) {
                (Direction::Lower, w) => Some(((lo, target), w.map(|w| (target, w)))),
                (Direction::Higher, w) => Some(((target, hi), w.map(|w| (w, target)))),
                (Direction::Neutral, _) => None,
            };
            if let Some((good, watch)) = sides {
                plot_ui.add(band(target_name.clone(), good, faint(colour::GOOD, 26)));
                if let Some(watch) = watch {
                    plot_ui.add(band(
                        format!("! {}", tr(lang, T::WarningZone)),
                        watch,
                        faint(colour::WATCH, 46),
                    ));
                }
            }
            plot_ui.add(
                HLine::new(target_name, target)
                    .color(colour::GOOD)
                    .width(2.5)
                    .style(LineStyle::dashed_loose()),
            );
        }
        if let Some(chart) = &data.run_chart {
            plot_ui.add(
                HLine::new(
                    format!("{} {}", tr(lang, T::Median), number(chart.median)),
                    chart.median,
                )
                .color(colour::ACCENT)
                .width(2.0)
                .style(LineStyle::dotted_dense()),
            );
            // The points that make a signal, ringed.
            let mut in_signal = vec![false; values.len()];
            for (signal, _) in &data.shown.chart_signals {
                let (from, to) = signal.span();
                for flag in in_signal.iter_mut().take(to + 1).skip(from) {
                    *flag = true;
                }
            }
            let ringed: Vec<[f64; 2]> = values
                .iter()
                .zip(&in_signal)
                .filter(|(_, ringed)| **ringed)
                .map(|((d, v), _)| [x(*d), *v])
                .collect();
            if !ringed.is_empty() {
                plot_ui.add(
                    Points::new(format!("◆ {}", tr(lang, T::Signal)), ringed)
                        .shape(MarkerShape::Circle)
                        .filled(false)
                        .radius(13.0)
                        .color(colour::ACCENT),
                );
            }
        }
        // The values: a line per run of periods with no gap.
        for run in view::unbroken_runs(spec.frequency, values) {
            let points: Vec<[f64; 2]> = values[run].iter().map(|(d, v)| [x(*d), *v]).collect();
            plot_ui.add(
                Line::new(tr(lang, T::Values), points)
                    .color(colour::INK)
                    .width(3.0),
            );
        }
        // Each point in its status's colour and shape, so that colour is never alone.
        for (status, shape, color) in [
            (Some(Status::Good), MarkerShape::Circle, colour::GOOD),
            (Some(Status::Watch), MarkerShape::Diamond, colour::WATCH),
            (Some(Status::Bad), MarkerShape::Square, colour::BAD),
            (None, MarkerShape::Circle, colour::INK),
        ] {
            let points: Vec<[f64; 2]> = values
                .iter()
                .filter(|(_, v)| spec.status(*v) == status)
                .map(|(d, v)| [x(*d), *v])
                .collect();
            if !points.is_empty() {
                plot_ui.add(
                    Points::new(tr(lang, T::Values), points)
                        .shape(shape)
                        .filled(true)
                        .radius(7.0)
                        .color(color),
                );
            }
        }
        if let Some((d, v)) = values.last() {
            plot_ui.text(
                egui_plot::Text::new(
                    "",
                    PlotPoint::new(x(*d), *v + pad * 0.35),
                    egui::RichText::new(format!("{} {unit}", number(*v)))
                        .size(22.0)
                        .strong()
                        .color(colour::INK),
                )
                .anchor(egui::Align2::RIGHT_BOTTOM),
            );
        }
    });
    if legend {
        let signals = data.run_chart.is_some() && !data.shown.chart_signals.is_empty();
        show_legend(ui, lang, spec, data, signals);
    }
}

/// The legend's height under a chart.
pub(super) const LEGEND_HEIGHT: f32 = 40.0;

/// How a series is drawn, for its swatch in the legend.
pub(super) enum Swatch {
    /// A solid line.
    Line(Color32),
    /// A dashed line.
    Dashed(Color32),
    /// A point.
    Dot(Color32),
    /// A band of this fill, with a dashed line of this colour across it.
    Band(Color32, Option<Color32>),
    /// A dotted line.
    Dotted(Color32),
    /// The values' line with a point on it.
    Values,
    /// The ring around the points of a signal.
    Ring(Color32),
}

/// The legend under the chart, out of the plot's way: each series with a swatch drawn as the
/// series is.
fn show_legend(
    ui: &mut egui::Ui,
    lang: Lang,
    spec: &IndicatorSpec,
    data: &IndicatorView,
    signals: bool,
) {
    let number = |v: f64| i18n::number(lang, v);
    let sign = spec.direction.target_sign();
    let mut items = Vec::new();
    if let Some(target) = spec.target {
        let fill = if spec.direction == Direction::Neutral {
            Color32::TRANSPARENT
        } else {
            faint(colour::GOOD, 26)
        };
        items.push((
            Swatch::Band(fill, Some(colour::GOOD)),
            format!("✓ {} {sign} {}", tr(lang, T::Target), number(target)),
        ));
    }
    if spec.warning.is_some() {
        items.push((
            Swatch::Band(faint(colour::WATCH, 46), None),
            format!("! {}", tr(lang, T::WarningZone)),
        ));
    }
    if let Some(chart) = &data.run_chart {
        items.push((
            Swatch::Dotted(colour::ACCENT),
            format!("{} {}", tr(lang, T::Median), number(chart.median)),
        ));
    }
    items.push((Swatch::Values, tr(lang, T::Values).to_owned()));
    if signals {
        items.push((
            Swatch::Ring(colour::ACCENT),
            format!("◆ {}", tr(lang, T::Signal)),
        ));
    }
    legend_row(ui, items);
}

/// A legend: each series with a swatch drawn as the series is.
pub(super) fn legend_row(ui: &mut egui::Ui, items: Vec<(Swatch, String)>) {
    ui.horizontal_wrapped(|ui| {
        ui.set_min_height(LEGEND_HEIGHT);
        for (swatch, label) in items {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(40.0, 24.0), egui::Sense::hover());
            let painter = ui.painter_at(rect.expand(2.0));
            let (left, right) = (rect.left_center(), rect.right_center());
            match swatch {
                Swatch::Band(fill, line) => {
                    painter.rect_filled(rect, 3.0, fill);
                    if let Some(line) = line {
                        painter.extend(egui::Shape::dashed_line(
                            &[left, right],
                            egui::Stroke::new(2.5, line),
                            6.0,
                            4.0,
                        ));
                    }
                }
                Swatch::Dotted(c) => {
                    painter.extend(egui::Shape::dotted_line(&[left, right], c, 4.0, 1.5));
                }
                Swatch::Line(c) => {
                    painter.line_segment([left, right], egui::Stroke::new(2.5, c));
                }
                Swatch::Dashed(c) => {
                    painter.extend(egui::Shape::dashed_line(
                        &[left, right],
                        egui::Stroke::new(2.0, c),
                        5.0,
                        4.0,
                    ));
                }
                Swatch::Values => {
                    painter.line_segment([left, right], egui::Stroke::new(3.0, colour::INK));
                    painter.circle_filled(rect.center(), 6.0, colour::GOOD);
                }
                Swatch::Dot(c) => {
                    painter.circle_filled(rect.center(), 7.0, c);
                }
                Swatch::Ring(c) => {
                    painter.circle_stroke(rect.center(), 10.0, egui::Stroke::new(2.0, c));
                }
            }
            ui.label(egui::RichText::new(label).color(colour::INK));
            ui.add_space(12.0);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_date_is_named_where_its_label_would_be_cut_by_the_edge() {
        let values = |marks: Vec<egui_plot::GridMark>| -> Vec<f64> {
            marks.into_iter().map(|m| m.value).collect()
        };
        // Mondays are 1, 8, 15, 22 (day 1 of the common era was a Monday).
        assert_eq!(
            values(date_marks((1.0, 22.0), 7.0, 0.0)),
            vec![1.0, 8.0, 15.0, 22.0]
        );
        // A day's margin at each edge leaves out the marks on the edges.
        assert_eq!(values(date_marks((1.0, 22.0), 7.0, 1.0)), vec![8.0, 15.0]);
        assert_eq!(values(date_marks((1.0, 4.0), 1.0, 0.5)), vec![2.0, 3.0]);
    }
}
