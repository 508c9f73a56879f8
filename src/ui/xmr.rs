//! An indicator read as an XmR chart: the two summary icons of the "Making Data Count"
//! programme on its card, and its chart opened large, with the mean and process limits of each
//! phase, the band close to the limits, each point in the colour of its reading, the changes
//! that began the phases, and the rule of the latest point in words.

use egui::{Color32, RichText, Sense, vec2};
use egui_plot::{Line, LineStyle, MarkerShape, PlotPoint, Points, Polygon, VLine};

use super::chart::{LEGEND_HEIGHT, Swatch, faint, frame, legend_row, x};
use super::theme::colour;
use crate::i18n::{self, T, tr};
use crate::model::{IndicatorSpec, Lang};
use crate::spc::{Assurance, PointType};
use crate::view::{CHART_VALUES, XmrView};

/// The colour of a reading: improvement blue, concern orange, common cause grey, neutral
/// purple, as the programme draws them.
pub(super) fn point_colour(point_type: PointType) -> Color32 {
    match point_type {
        PointType::CommonCause => colour::COMMON,
        PointType::Improvement => colour::IMPROVEMENT,
        PointType::Concern => colour::CONCERN,
        PointType::NeutralHigh | PointType::NeutralLow => colour::NEUTRAL,
    }
}

/// The marker of a reading: a shape as well as a colour, so that a black and white copy or a
/// colour-blind eye still tells them apart.
fn point_shape(point_type: PointType) -> MarkerShape {
    match point_type {
        PointType::CommonCause => MarkerShape::Circle,
        PointType::Improvement => MarkerShape::Diamond,
        PointType::Concern => MarkerShape::Square,
        PointType::NeutralHigh => MarkerShape::Up,
        PointType::NeutralLow => MarkerShape::Down,
    }
}

/// Whether the latest point stands out high (H on the variation icon) rather than low.
fn high(xmr: &XmrView) -> bool {
    xmr.latest().is_some_and(|(p, _)| p.cause.sign() > 0)
}

/// The two icons of an XmR indicator on its card, `size` points across each.
pub(super) fn icons(ui: &mut egui::Ui, lang: Lang, xmr: &XmrView, size: f32) {
    if let Some(variation) = xmr.variation {
        draw_icons(ui, lang, (variation, high(xmr), xmr.assurance), size, None);
    }
}

/// The two icons, `size` points across each, named for a screen reader and the tests:
/// "Variation : amélioration (valeurs hautes)", "Atteinte de la cible : la cible sera
/// atteinte", after `subject` ("Délai — ") when given. The variation icon is a filled disc
/// with H or L (a flat line for common cause); the assurance icon a ring with P, F or ?.
pub(super) fn draw_icons(
    ui: &mut egui::Ui,
    lang: Lang,
    (variation, high, assurance): (PointType, bool, Option<Assurance>),
    size: f32,
    subject: Option<&str>,
) {
    let subject = subject.map(|s| format!("{s} — ")).unwrap_or_default();
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = size * 0.2;
        let letter = match variation {
            PointType::CommonCause => "",
            _ if high => "H",
            _ => "L",
        };
        let name = format!(
            "{subject}{} : {}",
            tr(lang, T::Variation),
            i18n::variation(lang, variation, high)
        );
        let (rect, response) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
        let painter = ui.painter_at(rect.expand(1.0));
        let fill = point_colour(variation);
        painter.circle_filled(rect.center(), size / 2.0, fill);
        if letter.is_empty() {
            // Common cause: a flat line across the disc.
            let half = size * 0.28;
            painter.line_segment(
                [
                    rect.center() - vec2(half, 0.0),
                    rect.center() + vec2(half, 0.0),
                ],
                egui::Stroke::new(size * 0.09, Color32::WHITE),
            );
        } else {
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                letter,
                egui::FontId::proportional(size * 0.62),
                Color32::WHITE,
            );
        }
        if let Some(assurance) = assurance {
            let (letter, ink) = match assurance {
                Assurance::Pass => ("P", colour::IMPROVEMENT),
                Assurance::Fail => ("F", colour::CONCERN),
                Assurance::Inconsistent => ("?", colour::COMMON),
            };
            let name = format!(
                "{subject}{} : {}",
                tr(lang, T::Assurance),
                i18n::assurance(lang, assurance)
            );
            let (rect, response) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
            let painter = ui.painter_at(rect.expand(1.0));
            painter.circle(
                rect.center(),
                size / 2.0 - size * 0.06,
                Color32::WHITE,
                egui::Stroke::new(size * 0.12, ink),
            );
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                letter,
                egui::FontId::proportional(size * 0.58),
                ink,
            );
        }
    });
}

/// The XmR chart in `height` points, with the latest point's rule in words under it.
pub(super) fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    id: &str,
    spec: &IndicatorSpec,
    xmr: &XmrView,
    height: f32,
    legend: bool,
) {
    let all = &xmr.chart.points;
    let points = &all[all.len().saturating_sub(CHART_VALUES)..];
    let (Some(first_point), Some(last_point)) = (points.first(), points.last()) else {
        return;
    };
    let (first, last) = (x(first_point.date), x(last_point.date));
    // The phases seen in the window, each with its first and last x there.
    let phases: Vec<(usize, f64, f64)> = xmr
        .chart
        .phases
        .iter()
        .enumerate()
        .filter_map(|(i, _)| {
            let mut mine = points.iter().filter(|p| p.phase == i);
            let from = mine.next()?;
            let to = mine.next_back().unwrap_or(from);
            Some((i, x(from.date), x(to.date)))
        })
        .collect();
    let limits = phases
        .iter()
        .filter_map(|(i, _, _)| xmr.chart.phases.get(*i)?.limits())
        .flat_map(|(lo, hi)| [lo, hi]);
    let (lo, hi) = points
        .iter()
        .map(|p| p.value)
        .chain(limits)
        .chain(spec.target)
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let pad = ((hi - lo).abs() * 0.1).max(1.0);
    let (lo, hi) = (lo - pad, hi + pad);
    // Room under the plot for the rule in words, and for the legend.
    let below = 2.0 * ui.text_style_height(&egui::TextStyle::Body)
        + if legend { LEGEND_HEIGHT } else { 0.0 };
    let plot = frame(
        ui,
        lang,
        id,
        &spec.unit,
        (lo, hi),
        (first, last),
        height - below,
    );
    plot.show(ui, |plot_ui| {
        for &(i, from, to) in &phases {
            let Some(phase) = xmr.chart.phases.get(i) else {
                continue;
            };
            let (from, to) = (from - 0.5, to + 0.5);
            let segment = |y: f64| vec![[from, y], [to, y]];
            if let Some((near_lo, near_hi)) = phase.near() {
                plot_ui.add(
                    Polygon::new(
                        tr(lang, T::NearLimits),
                        vec![
                            [from, near_lo],
                            [to, near_lo],
                            [to, near_hi],
                            [from, near_hi],
                        ],
                    )
                    .fill_color(faint(colour::COMMON, 22))
                    .stroke(egui::Stroke::NONE)
                    .allow_hover(false),
                );
            }
            plot_ui.add(
                Line::new(tr(lang, T::Mean), segment(phase.mean))
                    .color(colour::INK)
                    .width(2.0)
                    .allow_hover(false),
            );
            if let Some((lpl, upl)) = phase.limits() {
                for y in [lpl, upl] {
                    plot_ui.add(
                        Line::new(tr(lang, T::ProcessLimits), segment(y))
                            .color(colour::MUTED)
                            .width(2.0)
                            .style(LineStyle::dashed_dense())
                            .allow_hover(false),
                    );
                }
            }
        }
        if let Some(target) = spec.target {
            plot_ui.add(
                egui_plot::HLine::new(tr(lang, T::Target), target)
                    .color(colour::GOOD)
                    .width(2.0)
                    .style(LineStyle::dashed_loose()),
            );
        }
        // The changes that began a phase in the window, labelled at the top.
        for change in &xmr.changes {
            let Some(start) = points.iter().find(|p| p.date >= change.date) else {
                continue;
            };
            let at = x(start.date) - 0.5;
            if at < first {
                continue;
            }
            plot_ui.add(
                VLine::new(tr(lang, T::ChangeTested), at)
                    .color(colour::ACCENT)
                    .width(2.5),
            );
            let label = if change.label.is_empty() {
                i18n::short_date(lang, change.date)
            } else {
                crate::disk::excerpt(&change.label, 40)
            };
            plot_ui.text(
                egui_plot::Text::new(
                    "",
                    PlotPoint::new(at + 0.5, hi),
                    RichText::new(format!("▶ {label}"))
                        .size(18.0)
                        .strong()
                        .color(colour::ACCENT),
                )
                .anchor(egui::Align2::LEFT_TOP),
            );
        }
        plot_ui.add(
            Line::new(
                tr(lang, T::Values),
                points
                    .iter()
                    .map(|p| [x(p.date), p.value])
                    .collect::<Vec<_>>(),
            )
            .color(faint(colour::INK, 150))
            .width(2.0),
        );
        for kind in [
            PointType::CommonCause,
            PointType::Improvement,
            PointType::Concern,
            PointType::NeutralHigh,
            PointType::NeutralLow,
        ] {
            let mine: Vec<[f64; 2]> = points
                .iter()
                .filter(|p| p.point_type == kind)
                .map(|p| [x(p.date), p.value])
                .collect();
            if !mine.is_empty() {
                plot_ui.add(
                    Points::new(tr(lang, T::Values), mine)
                        .shape(point_shape(kind))
                        .filled(true)
                        .radius(if kind == PointType::CommonCause {
                            5.0
                        } else {
                            7.5
                        })
                        .color(point_colour(kind)),
                );
            }
        }
    });
    // The latest point's rule in words, and whether its limits can be trusted yet.
    if let Some((point, phase)) = xmr.latest() {
        let reading = xmr
            .variation
            .map(|v| i18n::variation(lang, v, high(xmr)))
            .unwrap_or_default();
        let text = format!(
            "{} ({}) : {} — {reading}",
            tr(lang, T::LatestPoint),
            i18n::short_date(lang, point.date),
            i18n::special_cause(lang, point.cause),
        );
        ui.add(
            egui::Label::new(
                RichText::new(text)
                    .strong()
                    .color(point_colour(point.point_type)),
            )
            .wrap(),
        );
        if !phase.reliable() {
            ui.label(RichText::new(tr(lang, T::LimitsNotReliable)).color(colour::MUTED));
        }
    }
    if legend {
        let number = |v: f64| i18n::number(lang, v);
        let mut items = Vec::new();
        if let Some((_, phase)) = xmr.latest() {
            items.push((
                Swatch::Line(colour::INK),
                format!("{} {}", tr(lang, T::Mean), number(phase.mean)),
            ));
            if let Some((lpl, upl)) = phase.limits() {
                items.push((
                    Swatch::Dashed(colour::MUTED),
                    format!(
                        "{} {} – {}",
                        tr(lang, T::ProcessLimits),
                        number(lpl),
                        number(upl)
                    ),
                ));
            }
        }
        for kind in [
            PointType::Improvement,
            PointType::Concern,
            PointType::NeutralHigh,
            PointType::CommonCause,
        ] {
            let seen = points.iter().any(|p| {
                p.point_type == kind
                    || (kind == PointType::NeutralHigh && p.point_type == PointType::NeutralLow)
            });
            if seen || kind == PointType::CommonCause {
                items.push((
                    Swatch::Dot(point_colour(kind)),
                    i18n::reading(lang, kind).to_owned(),
                ));
            }
        }
        legend_row(ui, items);
    }
}
