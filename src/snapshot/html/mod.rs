//! The snapshot as one standalone HTML page, for people away from the board: a director opens
//! it on any computer, or gets it attached to an email.
//!
//! The page needs no network and no script: its style is inline, its charts are inline SVG. It
//! speaks the board's language, prints on A4 and Letter, and says every status with a symbol
//! and a word as well as a colour, so that it still reads printed in black and white. The page
//! is written with `maud`, which escapes every text it is given: board texts are user data,
//! and only the page's own markup and numbers are ever written unescaped. Values that are not
//! finite are left out of charts; nothing here panics, whatever the snapshot says.

use chrono::{Datelike as _, Local, NaiveDate};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{
    HuddleSnapshot, IndicatorSnapshot, MoodSnapshot, Point, SignalSnapshot, Snapshot, Status,
    TrajectorySnapshot,
};
use crate::i18n::{self, T};
use crate::model::{Lang, Level};
use style::STYLE;
use svg::{Plot, Scale};

mod entries;
mod indicator;
mod style;
mod svg;
mod xmr;

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
    page.document().into_string()
}

/// A number in SVG coordinates, to a tenth.
fn f1(n: f64) -> String {
    format!("{n:.1}")
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
    /// A fixed text in the page's language.
    fn t(&self, text: T) -> &'static str {
        text.words(self.lang)
    }

    /// A text with its named arguments filled.
    fn with(&self, text: T, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        text.with(self.lang, args)
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
        i18n::date_as(self.lang, date, format)
    }

    /// A chart's date label: the day for daily and weekly values, the month for monthly ones.
    fn axis_date(&self, date: NaiveDate, frequency: crate::model::Frequency) -> String {
        if frequency == crate::model::Frequency::Monthly {
            self.date_as(date, "%b %Y")
        } else {
            self.day_month(date)
        }
    }

    /// "3 jours" / "1 day".
    fn days(&self, n: i64) -> String {
        let word = if n.abs() <= 1 {
            T::DayUnit
        } else {
            T::DaysUnit
        };
        format!("{n}\u{a0}{}", self.t(word))
    }

    /// One or many: "1 vote", "3 votes".
    fn count(&self, n: impl Into<u64>, one: T, many: T) -> String {
        let n = n.into();
        format!("{n} {}", self.t(if n == 1 { one } else { many }))
    }

    /// The symbol, the word and the CSS class of a status.
    fn status_words(&self, status: Option<Status>) -> (&'static str, &'static str, &'static str) {
        match status {
            Some(Status::Good) => ("✓", self.t(T::OnTarget), "good"),
            Some(Status::Watch) => ("!", self.t(T::ToWatch), "watch"),
            Some(Status::Bad) => ("✕", self.t(T::OffTarget), "bad"),
            None => ("–", self.t(T::NoValue), "none"),
        }
    }

    /// A section with its title.
    fn section(&self, title: &str, body: Markup) -> Markup {
        html! { section { h2 { (title) } (body) } }
    }

    /// Two columns, each with its title.
    fn two(&self, (a, a_body): (&str, Markup), (b, b_body): (&str, Markup)) -> Markup {
        html! {
            div.two {
                div { h3 { (a) } (a_body) }
                div { h3 { (b) } (b_body) }
            }
        }
    }

    /// What is said when there is nothing to show.
    fn empty(&self, text: T) -> Markup {
        html! { p.empty { (self.t(text)) } }
    }

    // ----- the page ----------------------------------------------------------------------

    fn document(&self) -> Markup {
        let s = self.s;
        html! {
            (DOCTYPE)
            html lang=(self.lang.code()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="color-scheme" content="light";
                    meta name="generator" content={ (s.format) " " (s.version) };
                    title { (s.board.title) " · " (self.long_date(s.date)) }
                    style { (PreEscaped(STYLE)) }
                }
                body {
                    main {
                        (self.header())
                        (self.indicators())
                        (self.actions())
                        (self.escalations())
                        @if let Some(mood) = &s.mood { (self.mood(mood)) }
                        (self.trajectories())
                        (self.huddles())
                        (self.footer())
                    }
                }
            }
        }
    }

    /// Title, team, level, the day described, who took the snapshot, and the counts at a glance.
    fn header(&self) -> Markup {
        let s = self.s;
        let level = i18n::level_name(self.lang, &Level::from_code(&s.board.level));
        let taken = s.taken_at.with_timezone(&Local);
        let time = taken.format("%H:%M").to_string();
        let by: &dyn std::fmt::Display = &s.taken_by;
        let taken = if taken.date_naive() == s.date {
            self.with(T::PhotoTakenAt, &[("time", &time), ("by", by)])
        } else {
            let day = self.long_date(taken.date_naive());
            self.with(
                T::PhotoTakenOn,
                &[("day", &day), ("time", &time), ("by", by)],
            )
        };
        html! {
            header.top {
                div.who {
                    p.kicker { (self.t(T::BoardSnapshot)) " · " (level) }
                    h1 { (s.board.title) }
                    p.team { (s.board.team) }
                }
                div.when {
                    p.day { (self.long_date(s.date)) }
                    p { (taken) }
                }
                (self.glance())
            }
        }
    }

    /// Four tiles: indicators per status, actions, escalations, huddles held.
    fn glance(&self) -> Markup {
        let s = self.s;
        let count = |status| {
            s.indicators
                .iter()
                .filter(|i| i.status == Some(status))
                .count()
        };
        let late = |n: usize, text: T| {
            let text = self.with(text, &[("n", &n)]);
            html! {
                @if n == 0 { (text) } @else { span.bad { "✕ " (text) } }
            }
        };
        let tile = |label: T, value: Markup, sub: Markup| {
            html! {
                div.tile {
                    span.label { (self.t(label)) }
                    span.value { (value) }
                    span.sub { (sub) }
                }
            }
        };
        let overdue = usize::try_from(s.actions.overdue).unwrap_or(usize::MAX);
        let late_escalations = s.escalations.iter().filter(|e| e.late).count();
        html! {
            div.glance {
                (tile(
                    T::Indicators,
                    html! {
                        span.good { "✓\u{a0}" (count(Status::Good)) } " "
                        span.watch { "!\u{a0}" (count(Status::Watch)) } " "
                        span.bad { "✕\u{a0}" (count(Status::Bad)) }
                    },
                    html! { (self.t(T::StatusesInWords)) },
                ))
                (tile(
                    T::ActionsTitle,
                    html! { (s.actions.open) },
                    html! { (self.t(T::OpenPlural)) " · " (late(overdue, T::CountOverdue)) },
                ))
                (tile(
                    T::OpenEscalations,
                    html! { (s.escalations.len()) },
                    html! { (self.t(T::Awaiting)) " · " (late(late_escalations, T::CountLate)) },
                ))
                (tile(
                    T::Huddles,
                    html! {
                        (s.huddles_held.held)
                        small { "\u{a0}/\u{a0}" (s.huddles_held.working_days) }
                    },
                    html! { (self.t(T::WorkingDaysOfFourWeeks)) },
                ))
            }
        }
    }

    fn footer(&self) -> Markup {
        let s = self.s;
        html! {
            footer {
                (self.t(T::Format)) " "
                strong { (s.format) " " (s.version) }
                " · " (self.t(T::BoardWord)) " "
                code { (s.board.id) }
                @if let Some(parent) = &s.board.parent { " → " code { (parent) } }
                " · " (self.t(T::TakenAt)) " "
                (s.taken_at.format("%Y-%m-%d %H:%M:%S UTC"))
            }
        }
    }
}

/// A face of the mood scale, 0 (saddest) to 4 (happiest), drawn in SVG.
fn face(level: usize) -> Markup {
    const FILLS: [&str; 5] = ["#F4C7CB", "#F8D9B6", "#F1E6AA", "#CFE7C4", "#A9D9B5"];
    let fill = FILLS.get(level).copied().unwrap_or(FILLS[2]);
    // The mouth bends from a frown to a smile.
    let bend = (level.min(4) as f64 - 2.0) * 3.2;
    let y0 = 5.5 - bend / 2.0;
    let mouth = format!("M-6.5 {y0:.1} Q0 {:.1} 6.5 {y0:.1}", y0 + 2.0 * bend);
    html! {
        svg viewBox="-16 -16 32 32" aria-hidden="true" {
            circle r="14" fill=(fill) stroke="#333" stroke-width="1.4" {}
            circle cx="-5" cy="-4" r="1.8" fill="#333" {}
            circle cx="5" cy="-4" r="1.8" fill="#333" {}
            path d=(mouth) fill="none" stroke="#333" stroke-width="1.8" stroke-linecap="round" {}
        }
    }
}

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
            direction: crate::model::Direction::Lower,
            frequency: crate::model::Frequency::Daily,
            target: Some(20.0),
            warning: Some(30.0),
            latest: values.last().copied(),
            status: values.last().map(|_| Status::Bad),
            median: Some(25.0),
            values,
            signals: vec![SignalSnapshot {
                kind: crate::runchart::SignalKind::Shift,
                way: Some(crate::runchart::SignalWay::Above),
                from: day(11, 3),
                to: day(11, 23),
                ongoing: true,
            }],
            variation: None,
            assurance: None,
            xmr: None,
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
                        status: crate::model::ActionStatus::Todo,
                        overdue: true,
                    },
                    ActionSnapshot {
                        title: "Revoir le tri".to_owned(),
                        owner: None,
                        due: None,
                        status: crate::model::ActionStatus::Doing,
                        overdue: false,
                    },
                ],
            },
            escalations: vec![EscalationSnapshot {
                id: "e1".to_owned(),
                title: "Manque de places".to_owned(),
                why: "Hors de notre pouvoir".to_owned(),
                status: crate::model::EscalationStatus::Open,
                direction: crate::snapshot::Flow::Raised,
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
        assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'y'"));
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
        s.indicators[0].target = Some(f64::NAN);
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
