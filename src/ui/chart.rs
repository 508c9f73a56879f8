//! An indicator's chart, large: its values over time with gaps where a period has no value,
//! the target line, the warning band, the good side shaded, the median, and the run-chart
//! signals marked where they happen.

use chrono::{Datelike as _, NaiveDate};
use egui::Color32;
use egui_plot::{
    Corner, HLine, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoint, Points, Polygon,
};

use super::theme::colour;
use crate::i18n::{self, T, tr};
use crate::model::{Direction, IndicatorSpec, Lang};
use crate::view::{self, IndicatorView, Status};

/// Days since the common era: the chart's x axis.
fn x(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

fn date_of(x: f64) -> Option<NaiveDate> {
    // Axis marks fall between days too; only whole days are named.
    if x.fract().abs() > 1e-6 || !x.is_finite() || x.abs() > f64::from(i32::MAX) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(x as i32)
}

fn faint(c: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// The dates named under the chart: every `step` days, weeks and more starting on Mondays.
fn date_marks((from, to): (f64, f64), step: f64) -> Vec<egui_plot::GridMark> {
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
        .chain([spec.target])
        .chain(spec.warning)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let pad = ((hi - lo).abs() * 0.15).max(1.0);
    let (lo, hi) = (lo - pad, hi + pad);
    let first = values.first().map_or(0.0, |(d, _)| x(*d));
    let last = values.last().map_or(1.0, |(d, _)| x(*d));

    // Dates far enough apart to be read: a day, two, a week (on Mondays), two weeks…
    let px_per_day = ui.available_width() as f64 / (last - first + 2.0).max(1.0);
    let step = [1.0, 2.0, 7.0, 14.0, 28.0, 56.0, 91.0, 182.0, 364.0]
        .into_iter()
        .find(|s| s * px_per_day >= 120.0)
        .unwrap_or(364.0);
    let unit_for_labels = unit.clone();
    let mut plot = Plot::new(("indicator-chart", id)).height(height);
    if legend {
        plot = plot.legend(
            Legend::default()
                .position(Corner::LeftTop)
                .text_style(egui::TextStyle::Body)
                .background_alpha(0.9),
        );
    }
    let plot = plot
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
        .x_grid_spacer(move |input| date_marks(input.bounds, step))
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
        });

    plot.show(ui, |plot_ui| {
        // The good side of the target, faint green; between target and warning, faint amber.
        let (good, watch) = match (spec.direction, spec.warning) {
            (Direction::Lower, w) => ((lo, spec.target), w.map(|w| (spec.target, w))),
            (Direction::Higher, w) => ((spec.target, hi), w.map(|w| (w, spec.target))),
        };
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
        let sign = match spec.direction {
            Direction::Lower => "≤",
            Direction::Higher => "≥",
        };
        let target_name = format!("✓ {} {sign} {}", tr(lang, T::Target), number(spec.target));
        plot_ui.add(band(target_name.clone(), good, faint(colour::GOOD, 26)));
        if let Some(watch) = watch {
            plot_ui.add(band(
                format!("! {}", tr(lang, T::WarningZone)),
                watch,
                faint(colour::WATCH, 46),
            ));
        }
        plot_ui.add(
            HLine::new(target_name, spec.target)
                .color(colour::GOOD)
                .width(2.5)
                .style(LineStyle::dashed_loose()),
        );
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
            (Status::Good, MarkerShape::Circle, colour::GOOD),
            (Status::Watch, MarkerShape::Diamond, colour::WATCH),
            (Status::Bad, MarkerShape::Square, colour::BAD),
        ] {
            let points: Vec<[f64; 2]> = values
                .iter()
                .filter(|(_, v)| view::status(spec, *v) == status)
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
}
