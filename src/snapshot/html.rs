//! The snapshot as one standalone HTML page, for people away from the board: a director opens
//! it on any computer, or gets it attached to an email.
//!
//! The page needs no network and no script: its style is inline, its charts are inline SVG. It
//! speaks the board's language, prints on A4 and Letter, and says every status with a symbol
//! and a word as well as a colour, so that it still reads printed in black and white. Every
//! text taken from the snapshot goes through [`escape`]: board texts are user data. Values
//! that are not finite are left out of charts; nothing here panics, whatever the snapshot says.

use std::fmt::Write as _;

use chrono::{Datelike as _, Local, NaiveDate};

use super::{
    HuddleSnapshot, IndicatorSnapshot, MoodSnapshot, Point, SignalSnapshot, Snapshot, Status,
    TrajectorySnapshot,
};
use crate::i18n;
use crate::model::{Lang, Level};

/// Appends formatted text to a `String`, which cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}

/// Colour of a value on target.
const GOOD: &str = "#1B7A3A";
/// Colour of a value to watch.
const WATCH: &str = "#B26B00";
/// Colour of a value off target.
const BAD: &str = "#C01F2F";
/// Colour of the series in charts.
const INK: &str = "#1F3A5F";
/// Colour of the rings around the points of a run-chart signal.
const SIGNAL: &str = "#6B3FA0";

/// The page of a snapshot.
pub fn render(snapshot: &Snapshot) -> String {
    let page = Page {
        s: snapshot,
        lang: lang_of(&snapshot.board.language),
    };
    let mut out = String::with_capacity(24 * 1024);
    page.document(&mut out);
    out
}

/// Escapes a text for HTML content and attribute values: `& < > " '`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A fixed text in the page's language.
fn t<'a>(fr: bool, fr_text: &'a str, en_text: &'a str) -> &'a str {
    if fr { fr_text } else { en_text }
}

/// The board's language: English for `en…`, French otherwise (the default of board files).
fn lang_of(code: &str) -> Lang {
    if code.trim().to_ascii_lowercase().starts_with("en") {
        Lang::En
    } else {
        Lang::Fr
    }
}

/// What the page is drawn from, and in which language.
struct Page<'a> {
    s: &'a Snapshot,
    lang: Lang,
}

impl Page<'_> {
    fn fr(&self) -> bool {
        self.lang == Lang::Fr
    }

    /// A fixed text in the page's language.
    fn t<'a>(&self, fr_text: &'a str, en_text: &'a str) -> &'a str {
        t(self.fr(), fr_text, en_text)
    }

    // ----- words -------------------------------------------------------------------------

    /// A number as the language writes it ("12,5" / "12.5"); "—" for what is not a number.
    fn num(&self, n: f64) -> String {
        if n.is_finite() {
            i18n::number(self.lang, n)
        } else {
            "—".to_owned()
        }
    }

    /// A date in full: "lun. 23 nov. 2026" / "Mon 23 Nov 2026".
    fn long_date(&self, date: NaiveDate) -> String {
        self.date_as(date, "%a %-d %b %Y")
    }

    /// A date near the snapshot's: "lun. 23 nov." / "Mon 23 Nov", with the year when it is
    /// another year's.
    fn date(&self, date: NaiveDate) -> String {
        if date.year() == self.s.date.year() {
            self.date_as(date, "%a %-d %b")
        } else {
            self.long_date(date)
        }
    }

    /// A day and month: "3 nov." / "3 Nov".
    fn day_month(&self, date: NaiveDate) -> String {
        self.date_as(date, "%-d %b")
    }

    fn date_as(&self, date: NaiveDate, format: &str) -> String {
        match self.lang {
            Lang::Fr => date
                .format_localized(format, chrono::Locale::fr_FR)
                .to_string(),
            Lang::En => date.format(format).to_string(),
        }
    }

    /// A chart's date label: the day for daily and weekly values, the month for monthly ones.
    fn axis_date(&self, date: NaiveDate, frequency: &str) -> String {
        if frequency == "monthly" {
            self.date_as(date, "%b %Y")
        } else {
            self.day_month(date)
        }
    }

    /// "3 jours" / "1 day".
    fn days(&self, n: i64) -> String {
        let one = n.abs() <= 1;
        let word = match (self.fr(), one) {
            (true, true) => "jour",
            (true, false) => "jours",
            (false, true) => "day",
            (false, false) => "days",
        };
        format!("{n}\u{a0}{word}")
    }

    /// The symbol, the word and the CSS class of a status.
    fn status_words(&self, status: Option<Status>) -> (&'static str, &str, &'static str) {
        match status {
            Some(Status::Good) => ("✓", self.t("Dans la cible", "On target"), "good"),
            Some(Status::Watch) => ("!", self.t("À surveiller", "Watch"), "watch"),
            Some(Status::Bad) => ("✕", self.t("Hors cible", "Off target"), "bad"),
            None => ("–", self.t("Aucune valeur", "No value"), "none"),
        }
    }

    // ----- the page ----------------------------------------------------------------------

    fn document(&self, out: &mut String) {
        let s = self.s;
        put!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"color-scheme\" content=\"light\">\n\
             <meta name=\"generator\" content=\"{format} {version}\">\n\
             <title>{title} · {date}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
            lang = self.lang.code(),
            format = escape(&s.format),
            version = s.version,
            title = escape(&s.board.title),
            date = self.long_date(s.date),
        );
        self.header(out);
        self.indicators(out);
        self.actions(out);
        self.escalations(out);
        if let Some(mood) = &s.mood {
            self.mood(out, mood);
        }
        self.trajectories(out);
        self.huddles(out);
        self.footer(out);
        out.push_str("</main>\n</body>\n</html>\n");
    }

    /// Title, team, level, the day described, who took the snapshot, and the counts at a glance.
    fn header(&self, out: &mut String) {
        let s = self.s;
        let level = i18n::level_name(self.lang, &Level::from_code(&s.board.level));
        let taken = s.taken_at.with_timezone(&Local);
        let by = escape(&s.taken_by);
        let time = taken.format("%H:%M");
        let taken = if taken.date_naive() == s.date {
            format!(
                "{} {time} {} {by}",
                self.t("Photo prise à", "Taken at"),
                self.t("par", "by")
            )
        } else {
            format!(
                "{} {} {} {time} {} {by}",
                self.t("Photo prise le", "Taken on"),
                self.long_date(taken.date_naive()),
                self.t("à", "at"),
                self.t("par", "by"),
            )
        };
        put!(
            out,
            "<header class=\"top\">\n<div class=\"who\">\n<p class=\"kicker\">{kicker} · {level}</p>\n\
             <h1>{title}</h1>\n<p class=\"team\">{team}</p>\n\
             </div>\n<div class=\"when\">\n<p class=\"day\">{date}</p>\n<p>{taken}</p>\n</div>\n",
            kicker = self.t("Photo du tableau", "Board snapshot"),
            title = escape(&s.board.title),
            team = escape(&s.board.team),
            level = escape(&level),
            date = self.long_date(s.date),
        );
        self.glance(out);
        out.push_str("</header>\n");
    }

    /// Four tiles: indicators per status, actions, escalations, huddles held.
    fn glance(&self, out: &mut String) {
        let s = self.s;
        let count = |status| {
            s.indicators
                .iter()
                .filter(|i| i.status == Some(status))
                .count()
        };
        let late = |n: usize, fr: &str, en: &str| {
            let text = self.t(fr, en).replace("{}", &n.to_string());
            if n == 0 {
                text
            } else {
                format!("<span class=\"bad\">✕ {text}</span>")
            }
        };
        let tile = |out: &mut String, label: &str, value: String, sub: String| {
            put!(
                out,
                "<div class=\"tile\"><span class=\"label\">{label}</span>\
                 <span class=\"value\">{value}</span><span class=\"sub\">{sub}</span></div>\n"
            );
        };
        out.push_str("<div class=\"glance\">\n");
        tile(
            out,
            self.t("Indicateurs", "Indicators"),
            format!(
                "<span class=\"good\">✓\u{a0}{}</span> <span class=\"watch\">!\u{a0}{}</span> \
                 <span class=\"bad\">✕\u{a0}{}</span>",
                count(Status::Good),
                count(Status::Watch),
                count(Status::Bad),
            ),
            self.t(
                "dans la cible · à surveiller · hors cible",
                "on target · watch · off target",
            )
            .to_owned(),
        );
        tile(
            out,
            self.t("Actions", "Actions"),
            s.actions.open.to_string(),
            format!(
                "{} · {}",
                self.t("ouvertes", "open"),
                late(
                    usize::try_from(s.actions.overdue).unwrap_or(usize::MAX),
                    "{} en retard",
                    "{} overdue"
                )
            ),
        );
        tile(
            out,
            self.t("Escalades", "Escalations"),
            s.escalations.len().to_string(),
            format!(
                "{} · {}",
                self.t("en attente", "awaiting"),
                late(
                    s.escalations.iter().filter(|e| e.late).count(),
                    "{} en retard",
                    "{} late"
                )
            ),
        );
        tile(
            out,
            self.t("Caucus", "Huddles"),
            format!(
                "{}<small>\u{a0}/\u{a0}{}</small>",
                s.huddles_held.held, s.huddles_held.working_days
            ),
            self.t(
                "jours ouvrables des 4 dernières semaines",
                "working days of the last 4 weeks",
            )
            .to_owned(),
        );
        out.push_str("</div>\n");
    }

    // ----- indicators --------------------------------------------------------------------

    fn indicators(&self, out: &mut String) {
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
    fn indicator(&self, out: &mut String, ind: &IndicatorSnapshot) {
        let (symbol, word, class) = self.status_words(ind.status);
        let mut kicker: Vec<String> = Vec::new();
        if let Some(category) = &ind.category {
            kicker.push(self.category(category));
        }
        kicker.push(self.frequency(&ind.frequency));
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

    fn category(&self, code: &str) -> String {
        match code {
            "access" => self.t("Accès", "Access").to_owned(),
            "continuity" => self.t("Continuité", "Continuity").to_owned(),
            "well-being" => self.t("Bien-être", "Well-being").to_owned(),
            "safety" => self.t("Sécurité", "Safety").to_owned(),
            "quality" => self.t("Qualité", "Quality").to_owned(),
            other => escape(other),
        }
    }

    fn frequency(&self, code: &str) -> String {
        match code {
            "daily" => self.t("Quotidien", "Daily").to_owned(),
            "weekly" => self.t("Hebdomadaire", "Weekly").to_owned(),
            "monthly" => self.t("Mensuel", "Monthly").to_owned(),
            other => escape(other),
        }
    }

    /// "Cible ≤ 20 · à surveiller jusqu'à 30 · ↓ plus bas, c'est mieux".
    fn target(&self, ind: &IndicatorSnapshot) -> String {
        let lower = ind.direction != "higher";
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
    fn chart(&self, ind: &IndicatorSnapshot) -> String {
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
            let (y0, y1) = if ind.direction == "higher" {
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
                escape(&self.axis_date(date, &ind.frequency)),
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
    fn chart_label(&self, ind: &IndicatorSnapshot, points: &[Point]) -> String {
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
    fn signals(&self, out: &mut String, ind: &IndicatorSnapshot) {
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
    fn signal(&self, ind: &IndicatorSnapshot, signal: &SignalSnapshot) -> String {
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
        let way = signal.way.as_deref().unwrap_or_default();
        let (name, what) = match signal.kind.as_str() {
            "shift" => (
                t(fr, "Déplacement", "Shift"),
                format!(
                    "{points} points {}",
                    match (fr, way) {
                        (true, "above") => "au-dessus de la médiane",
                        (true, _) => "sous la médiane",
                        (false, "above") => "above the median",
                        (false, _) => "below the median",
                    }
                ),
            ),
            "trend" => (
                t(fr, "Tendance", "Trend"),
                format!(
                    "{points} points {}",
                    match (fr, way) {
                        (true, "up") => "à la hausse",
                        (true, _) => "à la baisse",
                        (false, "up") => "going up",
                        (false, _) => "going down",
                    }
                ),
            ),
            "astronomical" => (
                t(fr, "Point hors norme", "Astronomical point"),
                String::new(),
            ),
            other => (other, String::new()),
        };
        // Whether it goes the way that is better for this indicator.
        let lower = ind.direction != "higher";
        let sense = match way {
            "below" | "down" => Some(lower),
            "above" | "up" => Some(!lower),
            _ => None,
        };
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

    // ----- action plan -------------------------------------------------------------------

    fn actions(&self, out: &mut String) {
        let actions = &self.s.actions;
        put!(
            out,
            "<section>\n<h2>{}</h2>\n<p class=\"counts\">{} <strong>{}</strong> · {}</p>\n",
            self.t("Plan d'action", "Action plan"),
            self.t("Ouvertes\u{a0}:", "Open:"),
            actions.open,
            if actions.overdue > 0 {
                format!(
                    "<span class=\"bad\">✕ {} <strong>{}</strong></span>",
                    self.t("En retard\u{a0}:", "Overdue:"),
                    actions.overdue
                )
            } else {
                format!(
                    "{} <strong>0</strong>",
                    self.t("En retard\u{a0}:", "Overdue:")
                )
            },
        );
        if actions.items.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n</section>\n",
                self.t("Aucune action ouverte", "No open action")
            );
            return;
        }
        put!(
            out,
            "<table>\n<thead><tr><th class=\"mark\"></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t("Action", "Action"),
            self.t("Responsable", "Owner"),
            self.t("Échéance", "Due"),
            self.t("État", "Status"),
        );
        for a in &actions.items {
            let status = match a.status.as_str() {
                "todo" => self.t("À faire", "To do").to_owned(),
                "doing" => self.t("En cours", "Doing").to_owned(),
                other => escape(other),
            };
            let due = a
                .due
                .map(|d| self.date(d))
                .unwrap_or_else(|| "—".to_owned());
            let (mark, due, status) = if a.overdue {
                (
                    "<span class=\"bad\" title=\"overdue\">✕</span>".to_owned(),
                    format!("<span class=\"bad\"><strong>{due}</strong></span>"),
                    format!(
                        "{status} · <span class=\"bad\"><strong>{}</strong></span>",
                        self.t("en retard", "overdue")
                    ),
                )
            } else {
                (String::new(), due, status)
            };
            put!(
                out,
                "<tr{}><td class=\"mark\">{mark}</td><td>{}</td><td class=\"nowrap\">{}</td><td class=\"nowrap\">{due}</td><td>{status}</td></tr>\n",
                if a.overdue { " class=\"late\"" } else { "" },
                escape(&a.title),
                a.owner.as_deref().map_or_else(|| "—".to_owned(), escape),
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    // ----- escalations -------------------------------------------------------------------

    fn escalations(&self, out: &mut String) {
        let list = &self.s.escalations;
        put!(
            out,
            "<section>\n<h2>{}</h2>\n",
            self.t(
                "Escalades en attente de réponse",
                "Escalations awaiting an answer"
            )
        );
        if list.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n</section>\n",
                self.t(
                    "Aucune escalade en attente",
                    "No escalation awaiting an answer"
                )
            );
            return;
        }
        put!(
            out,
            "<table>\n<thead><tr><th class=\"mark\"></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t("Escalade", "Escalation"),
            self.t("De → à", "From → to"),
            self.t("Réponse attendue", "Answer due"),
            self.t("État", "Status"),
        );
        for e in list {
            let direction = match e.direction.as_str() {
                "raised" => self.t("Émise le", "Raised on"),
                "received" => self.t("Reçue le", "Received on"),
                _ => self.t("Le", "On"),
            };
            let status = match e.status.as_str() {
                "open" => self.t("Ouverte", "Open").to_owned(),
                "taken" => self.t("Prise en charge", "Taken in hand").to_owned(),
                other => escape(other),
            };
            let due = e
                .due
                .map(|d| self.date(d))
                .unwrap_or_else(|| "—".to_owned());
            let (mark, due, status) = if e.late {
                (
                    "<span class=\"bad\">✕</span>".to_owned(),
                    format!("<span class=\"bad\"><strong>{due}</strong></span>"),
                    format!(
                        "{status} · <span class=\"bad\"><strong>{}</strong></span>",
                        self.t("en retard", "late")
                    ),
                )
            } else {
                (String::new(), due, status)
            };
            let why = if e.why.trim().is_empty() {
                String::new()
            } else {
                format!("<br><span class=\"why\">{}</span>", escape(&e.why))
            };
            put!(
                out,
                "<tr{}><td class=\"mark\">{mark}</td><td><strong>{}</strong>{why}<br><span class=\"meta\">{direction} {}</span></td>\
                 <td>{} → {}</td><td class=\"nowrap\">{due}</td><td>{status}</td></tr>\n",
                if e.late { " class=\"late\"" } else { "" },
                escape(&e.title),
                self.date(e.raised_on),
                escape(&e.from),
                e.to.as_deref().map_or_else(|| "—".to_owned(), escape),
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    // ----- mood --------------------------------------------------------------------------

    fn mood(&self, out: &mut String, mood: &MoodSnapshot) {
        put!(
            out,
            "<section>\n<h2>{}</h2>\n<div class=\"two\">\n<div>\n<h3>{}</h3>\n",
            self.t("Météo de l'équipe", "Team mood"),
            self.t("Aujourd'hui", "Today"),
        );
        let votes: u64 = mood.today.iter().map(|&n| u64::from(n)).sum();
        out.push_str("<div class=\"faces\">\n");
        for (level, &n) in mood.today.iter().enumerate() {
            let name = i18n::mood_name(self.lang, u8::try_from(level).unwrap_or(4));
            put!(
                out,
                "<div class=\"face{}\">{}<span class=\"n\">{n}</span><span class=\"name\">{}</span></div>\n",
                if n == 0 { " zero" } else { "" },
                face(level),
                escape(name),
            );
        }
        out.push_str("</div>\n");
        if votes == 0 {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucun vote aujourd'hui", "No vote today")
            );
        } else {
            put!(
                out,
                "<p class=\"quiet\">{votes} {} · {}</p>\n",
                if votes == 1 {
                    self.t("vote", "vote")
                } else {
                    self.t("votes", "votes")
                },
                self.t("anonymes", "anonymous"),
            );
        }
        put!(
            out,
            "</div>\n<div>\n<h3>{}</h3>\n",
            self.t("Moyenne par semaine", "Weekly mean")
        );
        self.mood_weeks(out, mood);
        out.push_str("</div>\n</div>\n</section>\n");
    }

    /// The weekly mean face (0–4) as a small line chart, and the latest week in words.
    fn mood_weeks(&self, out: &mut String, mood: &MoodSnapshot) {
        let weeks: Vec<(NaiveDate, f64, u32)> = mood
            .weeks
            .iter()
            .filter(|w| w.mean.is_finite() && w.votes > 0)
            .map(|w| (w.week, w.mean.clamp(0.0, 4.0), w.votes))
            .collect();
        let Some(&(week, mean, votes)) = weeks.last() else {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t(
                    "Aucun vote ces dernières semaines",
                    "No vote in the last weeks"
                )
            );
            return;
        };
        let plot = Plot::MOOD;
        let scale = Scale::fixed(0.0, 4.0, plot);
        let (left, right, _, _) = plot.frame();
        let n = weeks.len();
        put!(
            out,
            "<svg class=\"chart mood\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
            plot.width,
            plot.height,
            self.t(
                "Moyenne des votes par semaine, de 0 à 4",
                "Weekly mean vote, 0 to 4"
            ),
        );
        for level in [0.0, 2.0, 4.0] {
            let y = scale.y(level);
            put!(
                out,
                "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#E1E4E8\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"tick\">{level}</text>\n",
                left - 5.0,
                y + 3.5
            );
        }
        if n > 1 {
            out.push_str("<polyline fill=\"none\" stroke=\"");
            out.push_str(INK);
            out.push_str("\" stroke-width=\"1.8\" points=\"");
            for (i, (_, mean, _)) in weeks.iter().enumerate() {
                put!(
                    out,
                    "{}{:.1},{:.1}",
                    if i == 0 { "" } else { " " },
                    plot.x(i, n),
                    scale.y(*mean)
                );
            }
            out.push_str("\"/>\n");
        }
        for (i, (week, mean, votes)) in weeks.iter().enumerate() {
            put!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.6\" fill=\"{INK}\"><title>{} {} : {} ({votes})</title></circle>\n",
                plot.x(i, n),
                scale.y(*mean),
                self.t("Semaine du", "Week of"),
                self.day_month(*week),
                self.num(*mean),
            );
        }
        let mut labels = vec![0];
        if n > 1 {
            labels.push(n - 1);
        }
        for i in labels {
            let anchor = match (n, i) {
                (1, _) => "middle",
                (_, 0) => "start",
                _ => "end",
            };
            if let Some((week, _, _)) = weeks.get(i) {
                put!(
                    out,
                    "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"tick\">{}</text>\n",
                    plot.x(i, n),
                    plot.height - 4.0,
                    self.day_month(*week),
                );
            }
        }
        out.push_str("</svg>\n");
        let change = n
            .checked_sub(2)
            .and_then(|i| weeks.get(i))
            .map(|&(_, before, _)| mean - before)
            .filter(|d| d.abs() >= 0.05)
            .map(|d| {
                format!(
                    " · {} {}{}",
                    if d > 0.0 { "↑" } else { "↓" },
                    if d > 0.0 { "+" } else { "−" },
                    self.num((d.abs() * 10.0).round() / 10.0)
                )
            })
            .unwrap_or_default();
        put!(
            out,
            "<p class=\"quiet\">{} {}{} <strong>{}</strong> {} ({votes} {}){change}</p>\n",
            self.t("Semaine du", "Week of"),
            self.day_month(week),
            self.t("\u{a0}:", ":"),
            self.num((mean * 10.0).round() / 10.0),
            self.t("sur 4", "out of 4"),
            if votes == 1 {
                self.t("vote", "vote")
            } else {
                self.t("votes", "votes")
            },
        );
    }

    // ----- trajectories ------------------------------------------------------------------

    fn trajectories(&self, out: &mut String) {
        for trajectory in &self.s.trajectories {
            self.trajectory(out, trajectory);
        }
    }

    /// Clients per stage as bars, and the longest waits by client code.
    fn trajectory(&self, out: &mut String, tr: &TrajectorySnapshot) {
        put!(
            out,
            "<section>\n<h2>{}</h2>\n<div class=\"two\">\n<div>\n<h3>{}</h3>\n",
            escape(&tr.title),
            self.t("Clients par étape", "Clients per stage"),
        );
        let most = tr
            .stages
            .iter()
            .map(|s| s.clients)
            .max()
            .unwrap_or(0)
            .max(1);
        if tr.stages.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucune étape", "No stage")
            );
        } else {
            out.push_str("<div class=\"bars\">\n");
            for stage in &tr.stages {
                let width = f64::from(stage.clients) / f64::from(most) * 100.0;
                put!(
                    out,
                    "<span class=\"stage\">{}</span><span class=\"bar\"><span style=\"width:{width:.1}%\"></span></span><span class=\"n\">{}</span>\n",
                    escape(&stage.stage),
                    stage.clients,
                );
            }
            out.push_str("</div>\n");
        }
        put!(
            out,
            "</div>\n<div>\n<h3>{}</h3>\n",
            self.t("Plus longues attentes", "Longest waits")
        );
        if tr.longest_waits.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucun client en attente", "No client waiting")
            );
        } else {
            put!(
                out,
                "<table class=\"compact\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                self.t("Code", "Code"),
                self.t("Étape", "Stage"),
                self.t("Attente", "Waiting"),
            );
            for wait in &tr.longest_waits {
                put!(
                    out,
                    "<tr><td><code>{}</code></td><td>{}</td><td class=\"num nowrap\">{}</td></tr>\n",
                    escape(&wait.code),
                    escape(&wait.stage),
                    self.days(wait.days),
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</div>\n</div>\n</section>\n");
    }

    // ----- huddles -----------------------------------------------------------------------

    fn huddles(&self, out: &mut String) {
        put!(
            out,
            "<section>\n<h2>{}</h2>\n<div class=\"two\">\n<div>\n<h3>{}</h3>\n",
            self.t("Caucus", "Huddles"),
            self.t("Dernier caucus", "Last huddle"),
        );
        match &self.s.last_huddle {
            Some(h) => self.last_huddle(out, h),
            None => put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucun caucus enregistré", "No huddle recorded")
            ),
        }
        put!(
            out,
            "</div>\n<div>\n<h3>{}</h3>\n",
            self.t("Régularité", "Regularity")
        );
        let held = self.s.huddles_held;
        let share = if held.working_days == 0 {
            0.0
        } else {
            (f64::from(held.held) / f64::from(held.working_days)).clamp(0.0, 1.0) * 100.0
        };
        put!(
            out,
            "<p class=\"big-line\"><strong>{}</strong> {} <strong>{}</strong> {}</p>\n\
             <span class=\"bar wide\"><span style=\"width:{share:.1}%\"></span></span>\n\
             <p class=\"quiet\">{}</p>\n",
            held.held,
            self.t("jours avec un caucus sur", "days with a huddle out of"),
            held.working_days,
            self.t("jours ouvrables", "working days"),
            self.t("Les 4 dernières semaines", "The last 4 weeks"),
        );
        out.push_str("</div>\n</div>\n</section>\n");
    }

    fn last_huddle(&self, out: &mut String, h: &HuddleSnapshot) {
        put!(
            out,
            "<p><strong>{}</strong> {} {} · {}\u{a0}min · {} {}</p>\n",
            self.long_date(h.date),
            self.t("à", "at"),
            h.started.format("%H:%M"),
            h.minutes,
            h.attendees,
            match (self.fr(), h.attendees == 1) {
                (true, true) => "présent",
                (true, false) => "présents",
                (false, true) => "attendee",
                (false, false) => "attendees",
            },
        );
        let list = |out: &mut String, title: &str, items: &[String], empty: Option<&str>| {
            if items.is_empty() {
                if let Some(empty) = empty {
                    put!(out, "<p class=\"empty\">{empty}</p>\n");
                }
                return;
            }
            put!(out, "<p class=\"sub-title\">{title}</p>\n<ul>\n");
            for item in items {
                put!(out, "<li>{}</li>\n", escape(item));
            }
            out.push_str("</ul>\n");
        };
        list(
            out,
            self.t("Décisions", "Decisions"),
            &h.decisions,
            Some(self.t("Aucune décision notée", "No decision noted")),
        );
        list(
            out,
            self.t("Actions créées", "Actions created"),
            &h.actions_created,
            None,
        );
        list(
            out,
            self.t("Escalades soulevées", "Escalations raised"),
            &h.escalations_raised,
            None,
        );
    }

    fn footer(&self, out: &mut String) {
        let s = self.s;
        put!(
            out,
            "<footer>{} <strong>{} {}</strong> · {} <code>{}</code>{} · {} {}</footer>\n",
            self.t("Format", "Format"),
            escape(&s.format),
            s.version,
            self.t("tableau", "board"),
            escape(&s.board.id),
            s.board
                .parent
                .as_deref()
                .map(|p| format!(" → <code>{}</code>", escape(p)))
                .unwrap_or_default(),
            self.t("prise le", "taken"),
            s.taken_at.format("%Y-%m-%d %H:%M:%S UTC"),
        );
    }
}

/// How many points of the recent values a signal counts: for a shift, those not on the
/// median; for a trend, those not equal to the one before.
fn signal_points(ind: &IndicatorSnapshot, signal: &SignalSnapshot) -> usize {
    let values = ind
        .values
        .iter()
        .filter(|p| p.value.is_finite() && signal.from <= p.date && p.date <= signal.to)
        .map(|p| p.value);
    match signal.kind.as_str() {
        "shift" => values.filter(|v| Some(*v) != ind.median).count(),
        "trend" => {
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
        _ => values.count(),
    }
}

/// A face of the mood scale, 0 (saddest) to 4 (happiest), drawn in SVG.
fn face(level: usize) -> String {
    const FILLS: [&str; 5] = ["#F4C7CB", "#F8D9B6", "#F1E6AA", "#CFE7C4", "#A9D9B5"];
    let fill = FILLS.get(level).copied().unwrap_or(FILLS[2]);
    // The mouth bends from a frown to a smile.
    let bend = (level.min(4) as f64 - 2.0) * 3.2;
    let y0 = 5.5 - bend / 2.0;
    format!(
        "<svg viewBox=\"-16 -16 32 32\" aria-hidden=\"true\"><circle r=\"14\" fill=\"{fill}\" stroke=\"#333\" stroke-width=\"1.4\"/>\
         <circle cx=\"-5\" cy=\"-4\" r=\"1.8\" fill=\"#333\"/><circle cx=\"5\" cy=\"-4\" r=\"1.8\" fill=\"#333\"/>\
         <path d=\"M-6.5 {y0:.1} Q0 {:.1} 6.5 {y0:.1}\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.8\" stroke-linecap=\"round\"/></svg>",
        y0 + 2.0 * bend
    )
}

/// The drawing area of a chart, in SVG units.
#[derive(Clone, Copy)]
struct Plot {
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Plot {
    /// An indicator's run chart.
    const RUN: Plot = Plot {
        width: 320.0,
        height: 150.0,
        left: 34.0,
        right: 8.0,
        top: 8.0,
        bottom: 20.0,
    };
    /// The weekly mood.
    const MOOD: Plot = Plot {
        width: 320.0,
        height: 96.0,
        left: 26.0,
        right: 8.0,
        top: 8.0,
        bottom: 18.0,
    };

    /// Left, right, top and bottom edges of the plot.
    fn frame(self) -> (f64, f64, f64, f64) {
        (
            self.left,
            self.width - self.right,
            self.top,
            self.height - self.bottom,
        )
    }

    /// The x of the `i`-th of `n` points, spread evenly (one point in the middle).
    fn x(self, i: usize, n: usize) -> f64 {
        let (left, right, _, _) = self.frame();
        if n <= 1 {
            (left + right) / 2.0
        } else {
            left + (right - left) * i as f64 / (n - 1) as f64
        }
    }
}

/// Maps values to y. Works on halves of the values, so that the span of two finite values is
/// always finite.
struct Scale {
    lo: f64,
    hi: f64,
    top: f64,
    bottom: f64,
}

impl Scale {
    /// A scale that shows all the finite `values`, with a margin; a sensible one for a single
    /// value or equal values.
    fn new(values: impl Iterator<Item = f64>, plot: Plot) -> Self {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for half in values.filter(|v| v.is_finite()).map(|v| v / 2.0) {
            lo = lo.min(half);
            hi = hi.max(half);
        }
        if lo > hi {
            (lo, hi) = (0.0, 0.0);
        }
        let span = hi - lo;
        let pad = if span > 0.0 {
            span * 0.08
        } else {
            (lo.abs() * 0.1).max(0.5)
        };
        Scale::halves(lo - pad, hi + pad, plot)
    }

    /// A scale from `lo` to `hi` exactly.
    fn fixed(lo: f64, hi: f64, plot: Plot) -> Self {
        Scale::halves(lo / 2.0, hi / 2.0, plot)
    }

    fn halves(lo: f64, hi: f64, plot: Plot) -> Self {
        let (_, _, top, bottom) = plot.frame();
        Scale {
            lo,
            hi,
            top,
            bottom,
        }
    }

    /// The y of a value: its place between the bottom and the top of the plot.
    fn y(&self, value: f64) -> f64 {
        let f = (value / 2.0 - self.lo) / (self.hi - self.lo);
        let f = if f.is_finite() {
            f.clamp(0.0, 1.0)
        } else {
            0.5
        };
        self.bottom - f * (self.bottom - self.top)
    }
}

/// The page's style: readable on screen, printable on A4 and Letter.
const STYLE: &str = r#"
@page{size:auto;margin:12mm}
*{box-sizing:border-box}
html{background:#EEF0F3;color:#1A1D21;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
body{margin:0;padding:20px 10px}
main{max-width:180mm;margin:0 auto;background:#fff;padding:8mm 8mm 6mm;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.7em;line-height:1.15;margin:0 0 1mm;color:#1F3A5F}
h2{font-size:.95em;text-transform:uppercase;letter-spacing:.06em;color:#1F3A5F;border-bottom:2px solid #1F3A5F;padding-bottom:1mm;margin:6mm 0 3mm;break-after:avoid}
h3{font-size:1em;margin:0 0 1.5mm}
p{margin:0 0 1.5mm}
ul{margin:0 0 2mm;padding-left:1.2em}
code{font:inherit;font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.92em}
.good{color:#1B7A3A}.watch{color:#B26B00}.bad{color:#C01F2F}.none{color:#6B7280}
.kicker{font-size:.75em;text-transform:uppercase;letter-spacing:.07em;color:#5B6573;margin:0 0 .5mm}
.top{display:grid;grid-template-columns:1fr auto;gap:2mm 6mm;align-items:end;padding-bottom:3mm;border-bottom:1px solid #D5D9DF}
.team{color:#333;margin:0}
.when{text-align:right;color:#444;font-size:.9em}
.when p{margin:0}
.day{font-size:1.25em;font-weight:700;color:#1A1D21}
.glance{grid-column:1/-1;display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:2.5mm;margin-top:2mm}
.tile{border:1px solid #D5D9DF;border-radius:5px;padding:2mm 2.5mm;display:flex;flex-direction:column}
.tile .label{font-size:.72em;text-transform:uppercase;letter-spacing:.05em;color:#5B6573}
.tile .value{font-size:1.5em;font-weight:700;line-height:1.25}
.tile .value small{font-size:.6em;color:#5B6573;font-weight:600}
.tile .sub{font-size:.75em;color:#5B6573}
.grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:4mm}
.card{border:1px solid #D5D9DF;border-left:5px solid #9AA3AE;border-radius:5px;padding:2.5mm 3mm 2mm;break-inside:avoid}
.st-good{border-left-color:#1B7A3A}.st-watch{border-left-color:#B26B00}.st-bad{border-left-color:#C01F2F}
.card-head{display:flex;justify-content:space-between;align-items:flex-start;gap:2mm}
.card h3{font-size:1.05em;margin:0}
.badge{flex:none;font-weight:700;font-size:.78em;padding:.15em .6em;border:1.5px solid currentColor;border-radius:99px;white-space:nowrap;margin-top:.2em}
.badge.good{background:#E8F3EC}.badge.watch{background:#FBF0E0}.badge.bad{background:#FBE7E9}.badge.none{background:#F1F2F4}
.latest{margin:1.5mm 0 .5mm}
.big{font-size:2.2em;font-weight:800;line-height:1}
.unit{font-weight:600;color:#333}
.on{font-size:.8em;color:#5B6573;margin-left:.4em}
.target{font-size:.82em;color:#333}
.better{display:block;color:#5B6573}
svg.chart{display:block;width:100%;height:auto;margin:1mm 0 0;font-family:inherit}
svg .tick{font-size:10.5px;fill:#5B6573}svg .goal{fill:#1B7A3A;font-weight:700}
.legend{font-size:.72em;color:#5B6573;margin:0 0 1mm}
.key{margin-right:1.1em;white-space:nowrap}
.key i{display:inline-block;width:16px;height:0;vertical-align:middle;margin-right:.35em}
.k-target{border-top:2px solid #1B7A3A}.k-median{border-top:2px dashed #555}
.key i.k-signal{width:9px;height:9px;border:1.6px solid #6B3FA0;border-radius:50%}
.signals{font-size:.82em;margin:0;padding-left:1.1em}
.signals li{margin-bottom:.4mm}
.sense{font-weight:600;white-space:nowrap}
.quiet{font-size:.82em;color:#5B6573}
.empty{color:#5B6573;font-style:italic}
.counts{margin-bottom:2mm;break-after:avoid}
table{width:100%;border-collapse:collapse;font-size:.9em}
th{text-align:left;font-size:.78em;text-transform:uppercase;letter-spacing:.04em;color:#5B6573;border-bottom:1.5px solid #333;padding:1mm 1.5mm}
td{border-bottom:1px solid #E1E4E8;padding:1.3mm 1.5mm;vertical-align:top}
tr{break-inside:avoid}
tr.late td{background:#FDF3F4}
.mark{width:1.4em;padding-right:0;font-weight:700}
.nowrap{white-space:nowrap}
.num{text-align:right}
.why{color:#333}
.meta{font-size:.85em;color:#5B6573}
.two{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:6mm;break-inside:avoid}
.faces{display:flex;gap:2mm;margin:1mm 0 1.5mm}
.face{flex:1;text-align:center;display:flex;flex-direction:column;align-items:center}
.face svg{width:34px;height:34px}
.face.zero svg{opacity:.45}
.face .n{font-size:1.3em;font-weight:700;line-height:1.2}
.face .name{font-size:.7em;color:#5B6573;line-height:1.1}
svg.mood{margin-top:0}
.bars{display:grid;grid-template-columns:auto minmax(0,1fr) 2.2em;gap:1.2mm 2mm;align-items:center;font-size:.9em}
.bar{display:block;height:3.2mm;background:#EEF0F3;border-radius:2px;overflow:hidden;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.bar>span{display:block;height:100%;background:#1F3A5F}
.bar.wide{margin:1mm 0 1.5mm}
.bars .n{text-align:right;font-weight:700}
table.compact td,table.compact th{padding:.8mm 1.5mm}
.big-line{margin:0}
.big-line strong{font-size:1.3em}
.sub-title{font-weight:700;font-size:.85em;margin:2mm 0 .5mm}
footer{margin-top:6mm;padding-top:2mm;border-top:1px solid #D5D9DF;font-size:.75em;color:#5B6573}
@media (max-width:620px){.grid,.two,.glance{grid-template-columns:1fr}.top{grid-template-columns:1fr}.when{text-align:left}}
@media print{html{background:#fff;font-size:9.5pt}body{padding:0}main{box-shadow:none;border-radius:0;padding:0}h2{margin-top:4.5mm}footer{margin-top:3mm;break-before:avoid}tr.late td{background:none}}
"#;

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone as _, Utc};

    use super::*;
    use crate::snapshot::{
        ActionSnapshot, ActionsSnapshot, BoardInfo, EscalationSnapshot, HeldSnapshot, MoodWeek,
        StageCount, Wait,
    };

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    fn indicator(title: &str, values: &[(NaiveDate, f64)]) -> IndicatorSnapshot {
        let values: Vec<Point> = values
            .iter()
            .map(|&(date, value)| Point { date, value })
            .collect();
        IndicatorSnapshot {
            section: "i".to_owned(),
            title: title.to_owned(),
            unit: "jeunes".to_owned(),
            category: Some("access".to_owned()),
            direction: "lower".to_owned(),
            frequency: "daily".to_owned(),
            target: 20.0,
            warning: Some(30.0),
            latest: values.last().copied(),
            status: values.last().map(|_| Status::Bad),
            median: Some(25.0),
            values,
            signals: vec![SignalSnapshot {
                kind: "shift".to_owned(),
                way: Some("above".to_owned()),
                from: day(11, 3),
                to: day(11, 23),
                ongoing: true,
            }],
        }
    }

    fn sample(language: &str) -> Snapshot {
        let series: Vec<(NaiveDate, f64)> = (3..=23)
            .map(|d| (day(11, d), 20.0 + f64::from(d) / 2.0))
            .collect();
        Snapshot {
            format: "huddle-snapshot".to_owned(),
            version: 1,
            board: BoardInfo {
                id: "accueil".to_owned(),
                title: "Accueil jeunesse".to_owned(),
                team: "Équipe accueil".to_owned(),
                level: "team".to_owned(),
                parent: Some("gestion".to_owned()),
                trajectory: None,
                language: language.to_owned(),
            },
            date: day(11, 23),
            taken_at: Utc
                .with_ymd_and_hms(2026, 11, 23, 14, 10, 33)
                .single()
                .unwrap_or_default(),
            taken_by: "kiosque-accueil".to_owned(),
            indicators: vec![
                indicator("Liste d'attente", &series),
                indicator("Délai", &[]),
            ],
            actions: ActionsSnapshot {
                open: 2,
                overdue: 1,
                items: vec![
                    ActionSnapshot {
                        title: "Appeler le CLSC".to_owned(),
                        owner: Some("Amélie R.".to_owned()),
                        due: Some(day(11, 20)),
                        status: "todo".to_owned(),
                        overdue: true,
                    },
                    ActionSnapshot {
                        title: "Revoir le tri".to_owned(),
                        owner: None,
                        due: None,
                        status: "doing".to_owned(),
                        overdue: false,
                    },
                ],
            },
            escalations: vec![EscalationSnapshot {
                id: "e1".to_owned(),
                title: "Manque de places".to_owned(),
                why: "Hors de notre pouvoir".to_owned(),
                status: "open".to_owned(),
                direction: "raised".to_owned(),
                from: "accueil".to_owned(),
                to: Some("gestion".to_owned()),
                raised_on: day(11, 10),
                due: Some(day(11, 17)),
                late: true,
            }],
            mood: Some(MoodSnapshot {
                today: [0, 1, 2, 3, 1],
                weeks: vec![
                    MoodWeek {
                        week: day(11, 9),
                        mean: 2.5,
                        votes: 12,
                    },
                    MoodWeek {
                        week: day(11, 16),
                        mean: 2.75,
                        votes: 10,
                    },
                ],
            }),
            trajectories: vec![TrajectorySnapshot {
                section: "t".to_owned(),
                title: "Trajectoire".to_owned(),
                stages: vec![
                    StageCount {
                        stage: "Réception".to_owned(),
                        clients: 4,
                    },
                    StageCount {
                        stage: "Analyse".to_owned(),
                        clients: 0,
                    },
                ],
                longest_waits: vec![Wait {
                    code: "J-042".to_owned(),
                    stage: "Réception".to_owned(),
                    days: 12,
                }],
            }],
            last_huddle: None,
            huddles_held: HeldSnapshot {
                held: 17,
                working_days: 20,
            },
        }
    }

    #[test]
    fn a_hostile_title_is_escaped() {
        let mut s = sample("fr");
        s.board.title = "<script>alert(\"x\")</script> & 'y'".to_owned();
        s.indicators[0].title = "<img src=x onerror=alert(1)>".to_owned();
        s.actions.items[0].title = "</td></table><b>".to_owned();
        let page = render(&s);
        assert!(!page.contains("<script"));
        assert!(!page.contains("<img"));
        assert!(!page.contains("</td></table><b>"));
        assert!(
            page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        );
        assert_eq!(escape("a&<>\"'b"), "a&amp;&lt;&gt;&quot;&#39;b");
    }

    #[test]
    fn french_and_english_pages() {
        let fr = render(&sample("fr"));
        assert!(fr.contains("<html lang=\"fr\">"));
        assert!(fr.contains("lun. 23 nov. 2026"));
        assert!(fr.contains("Plan d'action"));
        assert!(fr.contains("Hors cible"));
        assert!(fr.contains("31,5"), "decimal comma");
        assert!(fr.contains("points au-dessus de la médiane depuis le 3 nov."));
        let en = render(&sample("en"));
        assert!(en.contains("<html lang=\"en\">"));
        assert!(en.contains("Mon 23 Nov 2026"));
        assert!(en.contains("Action plan"));
        assert!(en.contains("Off target"));
        assert!(en.contains("31.5"));
        assert!(en.contains("points above the median since 3 Nov"));
        assert!(!en.contains("Plan d'action"));
    }

    #[test]
    fn one_chart_per_indicator_with_values() {
        let page = render(&sample("fr"));
        assert_eq!(page.matches("<svg class=\"chart\"").count(), 1);
        assert!(page.contains("Aucune valeur"));
        assert!(page.contains("<polyline"));
        // Statuses carry a symbol, not colour alone.
        assert!(page.contains("✕</span> Hors cible"));
    }

    #[test]
    fn the_page_stands_alone() {
        let page = render(&sample("fr"));
        assert!(!page.contains("http://"));
        assert!(!page.contains("https://"));
        assert!(!page.contains("<script"));
        assert!(!page.contains("<link"));
        assert!(!page.contains("url("));
        assert!(page.len() < 100_000, "{} bytes", page.len());
    }

    #[test]
    fn empty_parts_say_so_and_missing_parts_are_left_out() {
        let mut s = sample("en");
        s.indicators.clear();
        s.actions = ActionsSnapshot::default();
        s.escalations.clear();
        s.mood = None;
        s.trajectories.clear();
        let page = render(&s);
        assert!(page.contains("No indicator"));
        assert!(page.contains("No open action"));
        assert!(page.contains("No escalation awaiting an answer"));
        assert!(page.contains("No huddle recorded"));
        assert!(!page.contains("Team mood"));
        assert!(!page.contains("Clients per stage"));
    }

    #[test]
    fn odd_values_never_break_the_page() {
        let mut s = sample("fr");
        let odd = [
            f64::NAN,
            12.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            -f64::MAX,
        ];
        s.indicators[0] = indicator(
            "Étrange",
            &odd.iter()
                .enumerate()
                .map(|(i, v)| (day(11, 2 + i as u32), *v))
                .collect::<Vec<_>>(),
        );
        s.indicators[0].target = f64::NAN;
        s.indicators[0].median = Some(f64::INFINITY);
        s.indicators[0].latest = Some(Point {
            date: day(11, 8),
            value: f64::NAN,
        });
        // One value, and equal values.
        s.indicators[1] = indicator("Un", &[(day(11, 23), 7.0)]);
        s.indicators.push(indicator(
            "Égales",
            &[(day(11, 20), 0.0), (day(11, 21), 0.0), (day(11, 22), 0.0)],
        ));
        s.mood = Some(MoodSnapshot {
            today: [u32::MAX; 5],
            weeks: vec![MoodWeek {
                week: day(11, 16),
                mean: f64::NAN,
                votes: 3,
            }],
        });
        s.huddles_held = HeldSnapshot {
            held: 5,
            working_days: 0,
        };
        let page = render(&s);
        assert_eq!(page.matches("<svg class=\"chart\"").count(), 3);
        assert!(!page.contains("NaN"));
        for inf in ["inf,", ",inf", "\"inf", "inf\"", ">inf", "inf<"] {
            assert!(!page.contains(inf), "{inf}");
        }
    }
}
