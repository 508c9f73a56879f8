//! The XmR indicators of the page: the programme's summary table (each indicator with its
//! variation and assurance icons, for a director reading all teams at a glance), the icons on
//! each card, and the chart with each phase's mean and limits and each value in the colour of
//! its reading.

use std::fmt::Write as _;

use super::*;
use crate::snapshot::XmrSnapshot;
use crate::spc::{Assurance, PointType, SpecialCause};

/// Improvement, concern, common cause and neutral: the programme's colours, darkened to read
/// on paper.
const IMPROVEMENT: &str = "#1B6FB5";
const CONCERN: &str = "#D97A00";
const COMMON: &str = "#6E747A";
const NEUTRAL: &str = "#5B2A86";

fn point_colour(point_type: PointType) -> &'static str {
    match point_type {
        PointType::CommonCause => COMMON,
        PointType::Improvement => IMPROVEMENT,
        PointType::Concern => CONCERN,
        PointType::NeutralHigh | PointType::NeutralLow => NEUTRAL,
    }
}

/// The variation icon: a disc in the reading's colour with H or L, a flat line for common
/// cause.
fn variation_icon(point_type: PointType, high: bool, name: &str) -> Markup {
    let fill = point_colour(point_type);
    html! {
        svg.icon viewBox="0 0 32 32" role="img" aria-label=(name) {
            title { (name) }
            circle cx="16" cy="16" r="15" fill=(fill) {}
            @if point_type == PointType::CommonCause {
                line x1="8" y1="16" x2="24" y2="16" stroke="#fff" stroke-width="3"
                    stroke-linecap="round" {}
            } @else {
                text x="16" y="22" text-anchor="middle" font-size="18" font-weight="700"
                    fill="#fff" { (if high { "H" } else { "L" }) }
            }
        }
    }
}

/// The assurance icon: a ring with P, F or ?.
fn assurance_icon(assurance: Assurance, name: &str) -> Markup {
    let (letter, ink) = match assurance {
        Assurance::Pass => ("P", IMPROVEMENT),
        Assurance::Fail => ("F", CONCERN),
        Assurance::Inconsistent => ("?", COMMON),
    };
    html! {
        svg.icon viewBox="0 0 32 32" role="img" aria-label=(name) {
            title { (name) }
            circle cx="16" cy="16" r="13.5" fill="#fff" stroke=(ink) stroke-width="3" {}
            text x="16" y="22" text-anchor="middle" font-size="17" font-weight="700"
                fill=(ink) { (letter) }
        }
    }
}

impl Page<'_> {
    /// The variation's words: "amélioration (valeurs basses)".
    fn variation_words(&self, ind: &IndicatorSnapshot) -> Option<&'static str> {
        let high = ind.stands_out_high();
        Some(i18n::variation(self.lang, ind.variation?, high))
    }

    /// An indicator's two icons, each named in words.
    pub(super) fn icons(&self, ind: &IndicatorSnapshot) -> Markup {
        let high = ind.stands_out_high();
        html! {
            @if let Some(variation) = ind.variation {
                (variation_icon(
                    variation,
                    high,
                    &format!("{}{} {}", self.t(T::Variation), self.t(T::Colon),
                        i18n::variation(self.lang, variation, high)),
                ))
            }
            @if let Some(assurance) = ind.assurance {
                (assurance_icon(
                    assurance,
                    &format!("{}{} {}", self.t(T::Assurance), self.t(T::Colon),
                        i18n::assurance(self.lang, assurance)),
                ))
            }
        }
    }

    /// The programme's summary table: every XmR indicator with its latest value, its
    /// variation and its assurance, in icons and in words. Nothing without XmR indicators.
    pub(super) fn summary(&self) -> Markup {
        let rows: Vec<&IndicatorSnapshot> = self
            .s
            .indicators
            .iter()
            .filter(|i| i.variation.is_some())
            .collect();
        html! {
            @if !rows.is_empty() {
                table.summary {
                    thead {
                        tr {
                            th { (self.t(T::Indicators)) }
                            th.num { (self.t(T::LatestPoint)) }
                            th { (self.t(T::Variation)) }
                            th { (self.t(T::Assurance)) }
                        }
                    }
                    tbody {
                        @for ind in rows {
                            @let high = ind.stands_out_high();
                            tr {
                                td { strong { (ind.title) } }
                                td.num.nowrap {
                                    @if let Some(p) = ind.latest {
                                        (self.num(p.value)) " " (ind.unit)
                                    } @else { "—" }
                                }
                                td {
                                    @if let Some(v) = ind.variation {
                                        span.reading {
                                            (variation_icon(v, high, i18n::variation(self.lang, v, high)))
                                            " " (i18n::variation(self.lang, v, high))
                                        }
                                    }
                                }
                                td {
                                    @if let Some(a) = ind.assurance {
                                        span.reading {
                                            (assurance_icon(a, i18n::assurance(self.lang, a)))
                                            " " (i18n::assurance(self.lang, a))
                                        }
                                    } @else { "—" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The latest value's rule in words, and whether its phase's limits can be trusted.
    pub(super) fn reading(&self, ind: &IndicatorSnapshot, x: &XmrSnapshot) -> Markup {
        let colour = ind.variation.map_or(COMMON, point_colour);
        let reliable = x.phases.last().is_none_or(|p| p.reliable);
        html! {
            p.rule style={ "color:" (colour) } {
                strong { (self.t(T::LatestPoint)) } (self.t(T::Colon)) " "
                (i18n::special_cause(self.lang, x.cause))
                @if x.cause != SpecialCause::CommonCause {
                    @if let Some(words) = self.variation_words(ind) { " — " (words) }
                }
            }
            @if !reliable {
                p.quiet { (self.t(T::LimitsNotReliable)) }
            }
        }
    }

    /// The XmR chart of an indicator's recent values as inline SVG, with its legend; none
    /// when it has no finite value.
    pub(super) fn xmr_chart(&self, ind: &IndicatorSnapshot, x: &XmrSnapshot) -> Option<Markup> {
        let points: Vec<(Point, PointType)> = ind
            .values
            .iter()
            .copied()
            .filter(|p| p.value.is_finite())
            .map(|p| {
                let reading = x.points.iter().find(|r| r.date == p.date);
                (p, reading.map_or(PointType::CommonCause, |r| r.point_type))
            })
            .collect();
        let n = points.len();
        let (first, _) = *points.first()?;
        let phase_of = |date: NaiveDate| x.phases.iter().rposition(|ph| ph.from <= date);
        let limits = x
            .phases
            .iter()
            .flat_map(|p| [p.lower_limit, p.upper_limit])
            .flatten()
            .filter(|v| v.is_finite());
        let target = ind.target.filter(|t| t.is_finite());
        let scale = Scale::new(
            points
                .iter()
                .map(|(p, _)| p.value)
                .chain(limits)
                .chain(target),
            Plot::RUN,
        );
        let xi = |i: usize| Plot::RUN.x(i, n);
        let half = if n > 1 { (xi(1) - xi(0)) / 2.0 } else { 4.0 };
        let (left, right, top, bottom) = Plot::RUN.frame();
        // Each phase seen: its first and last index among the points.
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for (i, (p, _)) in points.iter().enumerate() {
            let Some(phase) = phase_of(p.date) else {
                continue;
            };
            match spans.last_mut() {
                Some((ph, _, end)) if *ph == phase => *end = i,
                _ => spans.push((phase, i, i)),
            }
        }
        let mut line = String::new();
        for (i, (p, _)) in points.iter().enumerate() {
            let gap = if i == 0 { "" } else { " " };
            let _ = write!(line, "{gap}{:.1},{:.1}", xi(i), scale.y(p.value));
        }
        let label = self.chart_label(ind, &points.iter().map(|(p, _)| *p).collect::<Vec<_>>());
        let last_date = points.last().map_or(first.date, |(p, _)| p.date);
        let changes: Vec<(usize, &crate::snapshot::ChangeSnapshot)> = x
            .changes
            .iter()
            .filter_map(|c| {
                let at = points.iter().position(|(p, _)| p.date >= c.date)?;
                (at > 0).then_some((at, c))
            })
            .collect();
        Some(html! {
            svg.chart viewBox={ "0 0 " (Plot::RUN.width) " " (Plot::RUN.height) } role="img"
                aria-label=(label) {
                line x1=(left) y1=(bottom) x2=(right) y2=(bottom) stroke="#9AA3AE" {}
                @for &(phase, from, to) in &spans {
                    @if let Some(ph) = x.phases.get(phase) {
                        @let (x0, x1) = ((xi(from) - half).max(left), (xi(to) + half).min(right));
                        @if let (Some(lo), Some(hi)) = (ph.lower_limit, ph.upper_limit) {
                            @let near = 2.0 / 3.0;
                            @let (n_lo, n_hi) = (ph.mean - (ph.mean - lo) * near, ph.mean + (hi - ph.mean) * near);
                            rect x=(f1(x0)) y=(f1(scale.y(n_hi))) width=(f1(x1 - x0))
                                height=(f1((scale.y(n_lo) - scale.y(n_hi)).max(0.0)))
                                fill=(COMMON) fill-opacity=".12" {}
                            @for y in [lo, hi] {
                                line x1=(f1(x0)) y1=(f1(scale.y(y))) x2=(f1(x1)) y2=(f1(scale.y(y)))
                                    stroke="#555" stroke-width="1.1" stroke-dasharray="3 2" {}
                            }
                        }
                        line x1=(f1(x0)) y1=(f1(scale.y(ph.mean))) x2=(f1(x1)) y2=(f1(scale.y(ph.mean)))
                            stroke="#1A1D21" stroke-width="1.4" {}
                    }
                }
                // Each change that began a phase among these values, where it began.
                @for (at, change) in changes {
                    @let x0 = xi(at) - half;
                    @let label = crate::disk::excerpt(&change.label, 28);
                    line x1=(f1(x0)) y1=(top) x2=(f1(x0)) y2=(bottom) stroke=(INK) stroke-width="1.6" {}
                    // Its label on the side with room: after the line in the left half of
                    // the chart, before it in the right half.
                    @if x0 < (left + right) / 2.0 {
                        text x=(f1(x0 + 2.0)) y=(f1(top + 8.0)) class="tick change" { "▶ " (label) }
                    } @else {
                        text x=(f1(x0 - 2.0)) y=(f1(top + 8.0)) text-anchor="end" class="tick change" {
                            (label) " ◀"
                        }
                    }
                }
                @if let Some(target) = target {
                    line x1=(left) y1=(f1(scale.y(target))) x2=(right) y2=(f1(scale.y(target)))
                        stroke=(GOOD) stroke-width="1.4" stroke-dasharray="5 3" {}
                }
                @if n > 1 {
                    polyline fill="none" stroke="#9AA3AE" stroke-width="1.4" points=(line) {}
                }
                @for (i, (p, kind)) in points.iter().enumerate() {
                    @let r = if *kind == PointType::CommonCause { "2.4" } else { "3.4" };
                    circle cx=(f1(xi(i))) cy=(f1(scale.y(p.value))) r=(r) fill=(point_colour(*kind)) {
                        title { (self.date(p.date)) " : " (self.num(p.value)) }
                    }
                }
                text x=(f1(xi(0))) y=(Plot::RUN.height - 4.0) text-anchor="start" class="tick" {
                    (self.axis_date(first.date, ind.frequency))
                }
                @if n > 1 {
                    text x=(f1(xi(n - 1))) y=(Plot::RUN.height - 4.0) text-anchor="end" class="tick" {
                        (self.axis_date(last_date, ind.frequency))
                    }
                }
            }
            p.legend {
                @if let Some(ph) = x.phases.last() {
                    span.key { i.k-mean {} (self.t(T::Mean)) " " (self.num(ph.mean)) }
                    @if let (Some(lo), Some(hi)) = (ph.lower_limit, ph.upper_limit) {
                        span.key {
                            i.k-limits {} (self.t(T::ProcessLimits)) " "
                            (self.num(lo)) " – " (self.num(hi))
                        }
                    }
                }
                @for kind in [PointType::Improvement, PointType::Concern, PointType::NeutralHigh] {
                    @if points.iter().any(|(_, k)| *k == kind || (kind == PointType::NeutralHigh && *k == PointType::NeutralLow)) {
                        span.key {
                            i.k-dot style={ "background:" (point_colour(kind)) } {}
                            (i18n::reading(self.lang, kind))
                        }
                    }
                }
            }
        })
    }
}
