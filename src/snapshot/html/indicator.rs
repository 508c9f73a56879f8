//! The indicators of the page: each with its target, its run chart in inline SVG and the
//! signals it shows.

use std::fmt::Write as _;

use super::*;
use crate::model::{Direction, Frequency};
use crate::runchart::SignalKind;

impl Page<'_> {
    pub(super) fn indicators(&self) -> Markup {
        let body = html! {
            @if self.s.indicators.is_empty() {
                (self.empty(T::NoIndicator))
            } @else {
                (self.summary())
                div.grid {
                    @for indicator in &self.s.indicators { (self.indicator(indicator)) }
                }
            }
        };
        self.section(self.t(T::Indicators), body)
    }

    /// One indicator's card.
    pub(super) fn indicator(&self, ind: &IndicatorSnapshot) -> Markup {
        let (symbol, word, class) = self.status_words(ind.status);
        let mut kicker: Vec<String> = Vec::new();
        if let Some(category) = &ind.category {
            kicker.push(self.category(category));
        }
        kicker.push(capital(self.frequency(ind.frequency)));
        let chart = match &ind.xmr {
            Some(x) => self.xmr_chart(ind, x),
            None => self.chart(ind),
        };
        html! {
            article class={ "card st-" (class) } {
                div.card-head {
                    div {
                        p.kicker { (kicker.join(" · ")) }
                        h3 { (ind.title) }
                    }
                    span class={ "badge " (class) } { span aria-hidden="true" { (symbol) } " " (word) }
                }
                // The latest value, big.
                @match ind.latest.filter(|p| p.value.is_finite()) {
                    Some(latest) => p.latest {
                        span class={ "big " (class) } { (self.num(latest.value)) } " "
                        span.unit { (ind.unit) } " "
                        span.on { (self.t(T::OnDay)) " " (self.date(latest.date)) }
                        @if ind.variation.is_some() { span.icons { (self.icons(ind)) } }
                    },
                    None => p.latest { span.big.none { "—" } " " span.unit { (ind.unit) } },
                }
                p.target { (self.target(ind)) }
                @match (chart, &ind.xmr) {
                    (Some(chart), Some(x)) => { (chart) (self.reading(ind, x)) },
                    (Some(chart), None) => { (chart) (self.signals(ind)) },
                    (None, _) => (self.empty(T::NoValue)),
                }
            }
        }
    }

    /// The name of a category, or its code as written when it is not one of ours.
    pub(super) fn category(&self, code: &str) -> String {
        match code {
            "access" => self.t(T::Access).to_owned(),
            "continuity" => self.t(T::Continuity).to_owned(),
            "well-being" => self.t(T::WellBeing).to_owned(),
            "safety" => self.t(T::Safety).to_owned(),
            "quality" => self.t(T::Quality).to_owned(),
            other => other.to_owned(),
        }
    }

    pub(super) fn frequency(&self, frequency: Frequency) -> &'static str {
        self.t(match frequency {
            Frequency::Daily => T::Daily,
            Frequency::Weekly => T::Weekly,
            Frequency::Monthly => T::Monthly,
        })
    }

    /// "Cible ≤ 20 · à surveiller jusqu'à 30 · ↓ plus bas, c'est mieux".
    pub(super) fn target(&self, ind: &IndicatorSnapshot) -> Markup {
        let warning = ind.warning.filter(|w| w.is_finite());
        let (watch, better) = match ind.direction {
            Direction::Lower => (T::WatchUpTo, T::BetterLower),
            Direction::Higher => (T::WatchDownTo, T::BetterHigher),
            Direction::Neutral => (T::WatchUpTo, T::NoBetterSide),
        };
        html! {
            @if let Some(target) = ind.target {
                (self.t(T::Target)) "\u{a0}" (ind.direction.target_sign()) "\u{a0}"
                strong { (self.num(target)) }
                @if let Some(warning) = warning {
                    " · " (self.t(watch)) "\u{a0}" (self.num(warning))
                }
            }
            span.better { (self.t(better)) }
        }
    }

    /// The run chart of an indicator's recent values as inline SVG, with its legend; none
    /// when it has no finite value.
    pub(super) fn chart(&self, ind: &IndicatorSnapshot) -> Option<Markup> {
        let points: Vec<Point> = ind
            .values
            .iter()
            .copied()
            .filter(|p| p.value.is_finite())
            .collect();
        let first = *points.first()?;
        let target = ind.target.filter(|v| v.is_finite());
        let median = ind.median.filter(|v| v.is_finite());
        let scale = Scale::new(
            points.iter().map(|p| p.value).chain(target).chain(median),
            Plot::RUN,
        );
        let n = points.len();
        let x = |i: usize| Plot::RUN.x(i, n);
        let (left, right, top, bottom) = Plot::RUN.frame();
        // The side of the target that is good, lightly shaded.
        let good_side = target.and_then(|target| {
            let y = scale.y(target);
            match ind.direction {
                Direction::Higher => Some((top, y)),
                Direction::Lower => Some((y, bottom)),
                Direction::Neutral => None,
            }
        });
        // The lowest and highest values on the y axis.
        let (min, max) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
            (lo.min(p.value), hi.max(p.value))
        });
        let (y_min, y_max) = (scale.y(min), scale.y(max));
        // The target too, in its colour, where it does not cover them.
        let mut ticks = vec![(max, y_max, "tick")];
        if (y_min - y_max).abs() >= 11.0 {
            ticks.push((min, y_min, "tick"));
        }
        if let Some(target) = target {
            let y = scale.y(target);
            if ticks.iter().all(|(_, other, _)| (y - other).abs() >= 11.0) {
                ticks.push((target, y, "tick goal"));
            }
        }
        let mut line = String::new();
        for (i, p) in points.iter().enumerate() {
            let gap = if i == 0 { "" } else { " " };
            let _ = write!(line, "{gap}{:.1},{:.1}", x(i), scale.y(p.value));
        }
        let in_signal =
            |date: NaiveDate| ind.signals.iter().any(|s| s.from <= date && date <= s.to);
        let last_fill = match self.status_words(ind.status).2 {
            "good" => GOOD,
            "watch" => WATCH,
            "bad" => BAD,
            _ => INK,
        };
        // A few dates under the axis.
        let mut labels = vec![0];
        if n >= 5 {
            labels.push((n - 1) / 2);
        }
        if n > 1 {
            labels.push(n - 1);
        }
        let anchor = |i: usize| {
            if n == 1 || (i != 0 && i + 1 != n) {
                "middle"
            } else if i == 0 {
                "start"
            } else {
                "end"
            }
        };
        let values = self.count(n as u64, T::ValueWord, T::ValuesWord);
        Some(html! {
            svg.chart viewBox={ "0 0 " (Plot::RUN.width) " " (Plot::RUN.height) } role="img"
                aria-label=(self.chart_label(ind, &points)) {
                @if let Some((y0, y1)) = good_side {
                    rect x=(left) y=(f1(y0)) width=(f1(right - left)) height=(f1((y1 - y0).max(0.0)))
                        fill=(GOOD) fill-opacity=".07" {}
                }
                @for (value, y, class) in ticks {
                    line x1=(left) y1=(f1(y)) x2=(right) y2=(f1(y)) stroke="#E1E4E8" {}
                    text x=(f1(left - 4.0)) y=(f1(y + 3.5)) text-anchor="end" class=(class) {
                        (self.num(value))
                    }
                }
                line x1=(left) y1=(bottom) x2=(right) y2=(bottom) stroke="#9AA3AE" {}
                @if let Some(target) = target {
                    line x1=(left) y1=(f1(scale.y(target))) x2=(right) y2=(f1(scale.y(target)))
                        stroke=(GOOD) stroke-width="1.6" {}
                }
                @if let Some(median) = median {
                    line x1=(left) y1=(f1(scale.y(median))) x2=(right) y2=(f1(scale.y(median)))
                        stroke="#555" stroke-width="1.2" stroke-dasharray="4 3" {}
                }
                // The values.
                @if n > 1 {
                    polyline fill="none" stroke=(INK) stroke-width="1.8" stroke-linejoin="round"
                        points=(line) {}
                }
                @for (i, p) in points.iter().enumerate() {
                    @let (cx, cy) = (f1(x(i)), f1(scale.y(p.value)));
                    @let is_last = i + 1 == n;
                    @if in_signal(p.date) {
                        circle cx=(cx) cy=(cy) r="5" fill="none" stroke=(SIGNAL) stroke-width="1.6" {}
                    }
                    circle cx=(cx) cy=(cy) r=(if is_last { "3.6" } else { "2.3" })
                        fill=(if is_last { last_fill } else { INK })
                        stroke=[is_last.then_some("#fff")] stroke-width=[is_last.then_some("1")] {
                        title { (self.date(p.date)) " : " (self.num(p.value)) }
                    }
                }
                @for i in labels {
                    text x=(f1(x(i))) y=(Plot::RUN.height - 4.0) text-anchor=(anchor(i)) class="tick" {
                        (self.axis_date(points.get(i).map_or(first.date, |p| p.date), ind.frequency))
                    }
                }
            }
            p.legend {
                @if let Some(target) = target {
                    span.key { i.k-target {} (self.t(T::TargetWord)) " " (self.num(target)) }
                }
                @if let Some(median) = median {
                    span.key { i.k-median {} (self.t(T::MedianWord)) " " (self.num(median)) }
                }
                @if !ind.signals.is_empty() {
                    span.key { i.k-signal {} (self.t(T::SignalWord)) }
                }
                span.key { (values) }
            }
        })
    }

    /// What a chart shows, for screen readers.
    pub(super) fn chart_label(&self, ind: &IndicatorSnapshot, points: &[Point]) -> String {
        let (Some(first), Some(last)) = (points.first(), points.last()) else {
            return String::new();
        };
        self.with(
            T::ChartLabel,
            &[
                ("title", &ind.title),
                ("n", &points.len()),
                ("from", &self.day_month(first.date)),
                ("to", &self.day_month(last.date)),
            ],
        )
    }

    /// The run-chart signals of an indicator in plain words.
    pub(super) fn signals(&self, ind: &IndicatorSnapshot) -> Markup {
        html! {
            @if ind.signals.is_empty() {
                p.quiet { (self.t(T::NoSignalShort)) }
            } @else {
                ul.signals {
                    @for signal in &ind.signals { li { (self.signal(ind, signal)) } }
                }
            }
        }
    }

    /// "Déplacement : 6 points sous la médiane depuis le 3 nov. (favorable)".
    pub(super) fn signal(&self, ind: &IndicatorSnapshot, signal: &SignalSnapshot) -> Markup {
        let (from, to) = (self.day_month(signal.from), self.day_month(signal.to));
        let when = if signal.ongoing {
            self.with(T::SinceDay, &[("day", &from)])
        } else if signal.from == signal.to {
            self.with(T::OnTheDay, &[("day", &from)])
        } else {
            self.with(T::FromTo, &[("from", &from), ("to", &to)])
        };
        let (name, what) = crate::runchart::words(self.lang, signal.kind, signal.way);
        let what = match signal.kind {
            SignalKind::Astronomical => when,
            SignalKind::Shift | SignalKind::Trend => {
                format!("{} points {what} {when}", signal_points(ind, signal))
            }
        };
        // Whether it goes the way that is better for this indicator.
        let sense = match ind.direction {
            Direction::Neutral => None,
            direction => signal
                .way
                .map(|way| way.is_high() == (direction == Direction::Higher)),
        };
        html! {
            strong { (name) } (self.t(T::Colon)) " " (what)
            @match sense {
                Some(true) => { " " span.sense.good { (self.t(T::Favourable)) } },
                Some(false) => { " " span.sense.bad { (self.t(T::Unfavourable)) } },
                None => {},
            }
        }
    }
}

/// A text with its first letter in capital: "Quotidien".
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// How many points of the recent values a signal counts: for a shift, those not on the
/// median; for a trend, those not equal to the one before.
pub(super) fn signal_points(ind: &IndicatorSnapshot, signal: &SignalSnapshot) -> usize {
    let values = ind
        .values
        .iter()
        .filter(|p| p.value.is_finite() && signal.from <= p.date && p.date <= signal.to)
        .map(|p| p.value);
    match signal.kind {
        SignalKind::Shift => values.filter(|v| Some(*v) != ind.median).count(),
        SignalKind::Trend => {
            let mut count = 0;
            let mut before: Option<f64> = None;
            for v in values {
                if before != Some(v) {
                    count += 1;
                }
                before = Some(v);
            }
            count
        }
        SignalKind::Astronomical => values.count(),
    }
}
