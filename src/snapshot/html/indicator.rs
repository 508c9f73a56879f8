//! The indicators of the page: each with its target, its run chart in inline SVG and the
//! signals it shows.

use std::fmt::Write as _;

use super::*;
use crate::model::{Direction, Frequency};
use crate::runchart::SignalKind;

impl Page<'_> {
    pub(super) fn indicators(&self, out: &mut String) {
        put!(
            out,
            "<section>\n<h2>{}</h2>\n",
            self.t("Indicateurs", "Indicators")
        );
        if self.s.indicators.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucun indicateur", "No indicator")
            );
        } else {
            out.push_str("<div class=\"grid\">\n");
            for indicator in &self.s.indicators {
                self.indicator(out, indicator);
            }
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }

    /// One indicator's card.
    pub(super) fn indicator(&self, out: &mut String, ind: &IndicatorSnapshot) {
        let (symbol, word, class) = self.status_words(ind.status);
        let mut kicker: Vec<String> = Vec::new();
        if let Some(category) = &ind.category {
            kicker.push(self.category(category));
        }
        kicker.push(self.frequency(ind.frequency));
        put!(
            out,
            "<article class=\"card st-{class}\">\n<div class=\"card-head\"><div><p class=\"kicker\">{kicker}</p>\
             <h3>{title}</h3></div><span class=\"badge {class}\"><span aria-hidden=\"true\">{symbol}</span> {word}</span></div>\n",
            kicker = kicker.join(" · "),
            title = escape(&ind.title),
        );
        // The latest value, big.
        match ind.latest.filter(|p| p.value.is_finite()) {
            Some(latest) => put!(
                out,
                "<p class=\"latest\"><span class=\"big {class}\">{value}</span> <span class=\"unit\">{unit}</span> \
                 <span class=\"on\">{on} {date}</span></p>\n",
                value = self.num(latest.value),
                unit = escape(&ind.unit),
                on = self.t("au", "on"),
                date = self.date(latest.date),
            ),
            None => put!(
                out,
                "<p class=\"latest\"><span class=\"big none\">—</span> <span class=\"unit\">{}</span></p>\n",
                escape(&ind.unit)
            ),
        }
        put!(out, "<p class=\"target\">{}</p>\n", self.target(ind));
        let chart = self.chart(ind);
        if chart.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucune valeur", "No value")
            );
        } else {
            out.push_str(&chart);
            self.signals(out, ind);
        }
        out.push_str("</article>\n");
    }

    pub(super) fn category(&self, code: &str) -> String {
        match code {
            "access" => self.t("Accès", "Access").to_owned(),
            "continuity" => self.t("Continuité", "Continuity").to_owned(),
            "well-being" => self.t("Bien-être", "Well-being").to_owned(),
            "safety" => self.t("Sécurité", "Safety").to_owned(),
            "quality" => self.t("Qualité", "Quality").to_owned(),
            other => escape(other),
        }
    }

    pub(super) fn frequency(&self, frequency: Frequency) -> String {
        match frequency {
            Frequency::Daily => self.t("Quotidien", "Daily").to_owned(),
            Frequency::Weekly => self.t("Hebdomadaire", "Weekly").to_owned(),
            Frequency::Monthly => self.t("Mensuel", "Monthly").to_owned(),
        }
    }

    /// "Cible ≤ 20 · à surveiller jusqu'à 30 · ↓ plus bas, c'est mieux".
    pub(super) fn target(&self, ind: &IndicatorSnapshot) -> String {
        let lower = ind.direction != Direction::Higher;
        let mut text = format!(
            "{}\u{a0}{}\u{a0}<strong>{}</strong>",
            self.t("Cible", "Target"),
            if lower { "≤" } else { "≥" },
            self.num(ind.target)
        );
        if let Some(warning) = ind.warning.filter(|w| w.is_finite()) {
            let words = match (self.fr(), lower) {
                (true, _) => "à surveiller jusqu'à",
                (false, true) => "watch up to",
                (false, false) => "watch down to",
            };
            put!(text, " · {words}\u{a0}{}", self.num(warning));
        }
        let better = match (self.fr(), lower) {
            (true, true) => "↓ plus bas, c'est mieux",
            (true, false) => "↑ plus haut, c'est mieux",
            (false, true) => "↓ lower is better",
            (false, false) => "↑ higher is better",
        };
        put!(text, "<span class=\"better\">{better}</span>");
        text
    }

    /// The run chart of an indicator's recent values as inline SVG, with its legend; empty
    /// when it has no finite value.
    pub(super) fn chart(&self, ind: &IndicatorSnapshot) -> String {
        let points: Vec<Point> = ind
            .values
            .iter()
            .copied()
            .filter(|p| p.value.is_finite())
            .collect();
        let Some(first) = points.first() else {
            return String::new();
        };
        let target = Some(ind.target).filter(|v| v.is_finite());
        let median = ind.median.filter(|v| v.is_finite());
        let scale = Scale::new(
            points.iter().map(|p| p.value).chain(target).chain(median),
            Plot::RUN,
        );
        let n = points.len();
        let x = |i: usize| Plot::RUN.x(i, n);
        let mut svg = String::with_capacity(4096);
        put!(
            svg,
            "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{label}\">\n",
            w = Plot::RUN.width,
            h = Plot::RUN.height,
            label = self.chart_label(ind, &points),
        );
        let (left, right, top, bottom) = Plot::RUN.frame();
        // The side of the target that is good, lightly shaded.
        if let Some(target) = target {
            let y = scale.y(target);
            let (y0, y1) = if ind.direction == Direction::Higher {
                (top, y)
            } else {
                (y, bottom)
            };
            put!(
                svg,
                "<rect x=\"{left}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{GOOD}\" fill-opacity=\".07\"/>\n",
                right - left,
                (y1 - y0).max(0.0),
            );
        }
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
        for (value, y, class) in ticks {
            put!(
                svg,
                "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#E1E4E8\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"{class}\">{}</text>\n",
                left - 4.0,
                y + 3.5,
                self.num(value),
            );
        }
        put!(
            svg,
            "<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\" stroke=\"#9AA3AE\"/>\n"
        );
        if let Some(target) = target {
            let y = scale.y(target);
            put!(
                svg,
                "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"{GOOD}\" stroke-width=\"1.6\"/>\n"
            );
        }
        if let Some(median) = median {
            let y = scale.y(median);
            put!(
                svg,
                "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n"
            );
        }
        // The values.
        if n > 1 {
            svg.push_str("<polyline fill=\"none\" stroke=\"");
            svg.push_str(INK);
            svg.push_str("\" stroke-width=\"1.8\" stroke-linejoin=\"round\" points=\"");
            for (i, p) in points.iter().enumerate() {
                put!(
                    svg,
                    "{}{:.1},{:.1}",
                    if i == 0 { "" } else { " " },
                    x(i),
                    scale.y(p.value)
                );
            }
            svg.push_str("\"/>\n");
        }
        let in_signal =
            |date: NaiveDate| ind.signals.iter().any(|s| s.from <= date && date <= s.to);
        let (_, _, last_class) = self.status_words(ind.status);
        for (i, p) in points.iter().enumerate() {
            let (cx, cy) = (x(i), scale.y(p.value));
            if in_signal(p.date) {
                put!(
                    svg,
                    "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"5\" fill=\"none\" stroke=\"{SIGNAL}\" stroke-width=\"1.6\"/>"
                );
            }
            let is_last = i + 1 == n;
            let fill = if is_last {
                match last_class {
                    "good" => GOOD,
                    "watch" => WATCH,
                    "bad" => BAD,
                    _ => INK,
                }
            } else {
                INK
            };
            put!(
                svg,
                "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{}\" fill=\"{fill}\"{}><title>{} : {}</title></circle>\n",
                if is_last { "3.6" } else { "2.3" },
                if is_last {
                    " stroke=\"#fff\" stroke-width=\"1\""
                } else {
                    ""
                },
                self.date(p.date),
                self.num(p.value),
            );
        }
        // A few dates under the axis.
        let mut labels = vec![0];
        if n >= 5 {
            labels.push((n - 1) / 2);
        }
        if n > 1 {
            labels.push(n - 1);
        }
        for i in labels {
            let anchor = if n == 1 {
                "middle"
            } else if i == 0 {
                "start"
            } else if i + 1 == n {
                "end"
            } else {
                "middle"
            };
            let date = points.get(i).map_or(first.date, |p| p.date);
            put!(
                svg,
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"tick\">{}</text>\n",
                x(i),
                Plot::RUN.height - 4.0,
                escape(&self.axis_date(date, ind.frequency)),
            );
        }
        svg.push_str("</svg>\n");
        // The legend.
        svg.push_str("<p class=\"legend\">");
        if target.is_some() {
            put!(
                svg,
                "<span class=\"key\"><i class=\"k-target\"></i>{} {}</span>",
                self.t("cible", "target"),
                self.num(ind.target)
            );
        }
        if let Some(median) = median {
            put!(
                svg,
                "<span class=\"key\"><i class=\"k-median\"></i>{} {}</span>",
                self.t("médiane", "median"),
                self.num(median)
            );
        }
        if !ind.signals.is_empty() {
            put!(
                svg,
                "<span class=\"key\"><i class=\"k-signal\"></i>{}</span>",
                self.t("signal", "signal")
            );
        }
        put!(
            svg,
            "<span class=\"key\">{} {}</span></p>\n",
            n,
            if n == 1 {
                self.t("valeur", "value")
            } else {
                self.t("valeurs", "values")
            }
        );
        svg
    }

    /// What a chart shows, for screen readers.
    pub(super) fn chart_label(&self, ind: &IndicatorSnapshot, points: &[Point]) -> String {
        let (Some(first), Some(last)) = (points.first(), points.last()) else {
            return String::new();
        };
        format!(
            "{}{} {} {} {} {}",
            escape(&ind.title),
            self.t(" :", ":"),
            points.len(),
            self.t("valeurs du", "values from"),
            self.day_month(first.date),
            format_args!("{} {}", self.t("au", "to"), self.day_month(last.date)),
        )
    }

    /// The run-chart signals of an indicator in plain words.
    pub(super) fn signals(&self, out: &mut String, ind: &IndicatorSnapshot) {
        if ind.signals.is_empty() {
            put!(
                out,
                "<p class=\"quiet\">{}</p>\n",
                self.t(
                    "Aucun signal : variation habituelle.",
                    "No signal: usual variation."
                )
            );
            return;
        }
        out.push_str("<ul class=\"signals\">\n");
        for signal in &ind.signals {
            put!(out, "<li>{}</li>\n", self.signal(ind, signal));
        }
        out.push_str("</ul>\n");
    }

    /// "Déplacement : 6 points sous la médiane depuis le 3 nov. (favorable)".
    pub(super) fn signal(&self, ind: &IndicatorSnapshot, signal: &SignalSnapshot) -> String {
        let fr = self.fr();
        let when = if signal.ongoing {
            format!(
                "{} {}",
                t(fr, "depuis le", "since"),
                self.day_month(signal.from)
            )
        } else if signal.from == signal.to {
            format!("{} {}", t(fr, "le", "on"), self.day_month(signal.from))
        } else {
            format!(
                "{} {} {} {}",
                t(fr, "du", "from"),
                self.day_month(signal.from),
                t(fr, "au", "to"),
                self.day_month(signal.to)
            )
        };
        let points = signal_points(ind, signal);
        let (name, what) = crate::runchart::words(self.lang, signal.kind, signal.way);
        let what = match signal.kind {
            SignalKind::Astronomical => String::new(),
            SignalKind::Shift | SignalKind::Trend => format!("{points} points {what}"),
        };
        // Whether it goes the way that is better for this indicator.
        let lower = ind.direction != Direction::Higher;
        let sense = signal.way.map(|way| way.is_high() != lower);
        let sense = match sense {
            Some(true) => format!(
                " <span class=\"sense good\">{}</span>",
                t(fr, "✓ favorable", "✓ favourable")
            ),
            Some(false) => format!(
                " <span class=\"sense bad\">{}</span>",
                t(fr, "✕ défavorable", "✕ unfavourable")
            ),
            None => String::new(),
        };
        let what = if what.is_empty() {
            when
        } else {
            format!("{what} {when}")
        };
        format!(
            "<strong>{}</strong>{} {what}{sense}",
            escape(name),
            t(fr, "\u{a0}:", ":"),
        )
    }
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
