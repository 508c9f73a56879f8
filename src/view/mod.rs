//! The board view: what the screen shows of a board's entries, built from the store's records
//! once per change (never per frame).
//!
//! Architecture invariant: a pure function of the board, its records and today's date; it
//! knows neither egui nor SQL.

pub mod audit;
mod build;
pub mod snapshot;

pub use build::build;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::huddle::{HuddleRecord, Regularity, regularity};
use crate::model::{
    ActionEntry, ActionStatus, AttendanceEntry, Board, ClientEntry, Entry as _, EntryKind,
    EscalationEntry, EscalationStatus, Frequency, IdeaEntry, IndicatorCategory, MoodEntry,
    NoteEntry, SafetyEntry, SafetyLevel, SectionKind, ValueEntry,
};
use crate::store::Record;

pub use crate::model::Status;

/// Who last changed an entry, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    /// Who.
    pub by: String,
    /// When (UTC).
    pub at: DateTime<Utc>,
}

/// How many of the latest values a sparkline draws.
pub const SPARKLINE_VALUES: usize = 30;

/// How many of the latest values a chart draws: a year of daily values. Older ones stay in the
/// median and the signals' analysis, but no frame visits them.
pub const CHART_VALUES: usize = 365;

/// An indicator's values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorView {
    /// Values by date, oldest first.
    pub values: Vec<(NaiveDate, f64)>,
    /// Who entered the latest value, and when.
    pub latest_stamp: Option<Stamp>,
    /// Median and run-chart signals of the values.
    pub run_chart: Option<crate::runchart::RunChart>,
    /// What the screen reads of the values, derived once with the view.
    pub shown: IndicatorShown,
    /// The XmR chart of the values, for an indicator read with one (`chart = "xmr"`).
    pub xmr: Option<Box<XmrView>>,
}

/// An indicator's XmR chart, computed once per change: its points and phases, the changes
/// that began its phases, and the two summary readings.
#[derive(Clone, Debug, PartialEq)]
pub struct XmrView {
    /// Points and phases.
    pub chart: crate::spc::Xmr,
    /// The changes tested, by date: each began a phase.
    pub changes: Vec<crate::model::ChangeMark>,
    /// The reading of the latest point.
    pub variation: Option<crate::spc::PointType>,
    /// Whether the latest phase will meet the target.
    pub assurance: Option<crate::spc::Assurance>,
}

impl XmrView {
    /// The XmR chart of `values` for the indicator `spec`, with a phase from each change: those
    /// of the board file and those `marked` on the screen.
    pub fn new(
        values: &[(NaiveDate, f64)],
        spec: &crate::model::IndicatorSpec,
        marked: Vec<crate::model::ChangeMark>,
    ) -> Self {
        let mut changes = spec.changes.clone();
        changes.extend(marked);
        changes.sort_by_key(|c| c.date);
        let rebases: Vec<NaiveDate> = changes.iter().map(|c| c.date).collect();
        let baseline = spec.baseline.map(|b| b as usize);
        let chart = crate::spc::Xmr::new(values, &rebases, baseline, spec.direction);
        XmrView {
            variation: chart.variation(),
            assurance: chart.assurance(spec.target, spec.direction),
            chart,
            changes,
        }
    }

    /// The special cause of the latest point and the phase it belongs to.
    pub fn latest(&self) -> Option<(&crate::spc::XmrPoint, &crate::spc::Phase)> {
        let point = self.chart.points.last()?;
        Some((point, self.chart.phases.get(point.phase)?))
    }
}

/// What a frame reads of an indicator, derived from its values when the view is built: its size
/// does not grow with the history, so neither does the frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorShown {
    /// The signal still going on at the latest value, if any, and the date it began: the one a
    /// team should talk about.
    pub ongoing: Option<(crate::runchart::Signal, NaiveDate)>,
    /// The latest values, at most [`SPARKLINE_VALUES`], oldest first.
    pub sparkline: Vec<f64>,
    /// Where the chart's values begin in `values`: it draws at most [`CHART_VALUES`].
    pub chart_from: usize,
    /// The signals that end among the chart's values, their indices counted from `chart_from`
    /// (a signal that began earlier starts at 0), each with the date it really began.
    pub chart_signals: Vec<(crate::runchart::Signal, NaiveDate)>,
}

impl IndicatorView {
    /// The view of `values` (oldest first), analysed once here rather than at each frame.
    pub fn new(values: Vec<(NaiveDate, f64)>, latest_stamp: Option<Stamp>) -> Self {
        use crate::runchart::Signal;
        let numbers: Vec<f64> = values.iter().map(|(_, v)| *v).collect();
        let run_chart = crate::runchart::analyse(&numbers);
        let signals = run_chart.as_ref().map_or(&[][..], |c| c.signals.as_slice());
        let began = |s: &Signal| values.get(s.span().0).map(|(d, _)| *d);
        let last = values.len().checked_sub(1);
        // The latest signal still going on at the latest value.
        let ongoing = signals
            .iter()
            .rev()
            .find(|s| Some(s.span().1) == last)
            .and_then(|s| Some((s.clone(), began(s)?)));
        let chart_from = values.len().saturating_sub(CHART_VALUES);
        let chart_signals = signals
            .iter()
            .filter_map(|s| Some((s.shifted_back(chart_from)?, began(s)?)))
            .collect();
        let sparkline = numbers[numbers.len().saturating_sub(SPARKLINE_VALUES)..].to_vec();
        IndicatorView {
            values,
            latest_stamp,
            run_chart,
            shown: IndicatorShown {
                ongoing,
                sparkline,
                chart_from,
                chart_signals,
            },
            xmr: None,
        }
    }

    /// The view of an indicator's values as its board file reads them: with its XmR chart
    /// when it asks for one.
    pub fn of(
        values: Vec<(NaiveDate, f64)>,
        latest_stamp: Option<Stamp>,
        spec: &crate::model::IndicatorSpec,
        marked: Vec<crate::model::ChangeMark>,
    ) -> Self {
        let mut view = IndicatorView::new(values, latest_stamp);
        if spec.chart == crate::model::ChartKind::Xmr {
            view.xmr = Some(Box::new(XmrView::new(&view.values, spec, marked)));
        }
        view
    }

    /// The most recent value.
    pub fn latest(&self) -> Option<(NaiveDate, f64)> {
        self.values.last().copied()
    }

    /// The values the chart draws: the latest [`CHART_VALUES`].
    pub fn chart_values(&self) -> &[(NaiveDate, f64)] {
        self.values.get(self.shown.chart_from..).unwrap_or_default()
    }
}

/// Cuts values (oldest first) into runs with no missing period between them, so that a chart
/// draws a gap where a period has no value, not a line through it and never a zero.
pub fn unbroken_runs(frequency: Frequency, values: &[(NaiveDate, f64)]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..values.len() {
        let before = crate::model::calendar::period(frequency, values[i - 1].0);
        let now = crate::model::calendar::period(frequency, values[i].0);
        if now - before > 1 {
            runs.push(start..i);
            start = i;
        }
    }
    if !values.is_empty() {
        runs.push(start..values.len());
    }
    runs
}

/// An action of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionView {
    /// Record id.
    pub id: String,
    /// What.
    pub title: String,
    /// Who.
    pub owner: Option<String>,
    /// By when.
    pub due: Option<NaiveDate>,
    /// Status.
    pub status: ActionStatus,
    /// Past due and not closed.
    pub overdue: bool,
    /// Not changed for longer than the section's `stale_after_days`.
    pub stale: bool,
    /// Last change.
    pub stamp: Stamp,
}

/// An improvement idea.
#[derive(Clone, Debug, PartialEq)]
pub struct IdeaView {
    /// Record id.
    pub id: String,
    /// The idea.
    pub title: String,
    /// Who proposed it.
    pub by: Option<String>,
    /// Its column.
    pub column: String,
    /// Not moved for longer than the section's `stale_after_days`.
    pub stale: bool,
}

/// A problem raised to the next level: one raised here, or one a board below sent here.
#[derive(Clone, Debug, PartialEq)]
pub struct EscalationView {
    /// Where the record lives: its id, and the board and section that raised it.
    pub at: crate::model::EscalationRef,
    /// What.
    pub title: String,
    /// Why.
    pub why: String,
    /// Where it stands.
    pub status: EscalationStatus,
    /// Raised by and when.
    pub raised: Stamp,
    /// The board it is with now (`None`: raised with no board above).
    pub to: Option<String>,
    /// The boards it was sent to, in order (the last is `to`).
    pub route: Vec<String>,
    /// When an answer is expected.
    pub due: Option<NaiveDate>,
    /// Still awaiting an answer past its due date.
    pub late: bool,
    /// The board that took it in hand, while it is taken.
    pub taken_by: Option<String>,
    /// The answer, the board that gave it, and when.
    pub answer: Option<(String, String, Option<DateTime<Utc>>)>,
    /// Sent here by a board below (not raised here).
    pub received: bool,
}

impl EscalationView {
    /// The escalation as a record says it; `received` when `board` is not the one that raised
    /// it.
    pub fn from_record(r: &Record, board: &str, today: NaiveDate) -> Self {
        let e = EscalationEntry::from_fields(&r.fields);
        let status = e.status.unwrap_or(EscalationStatus::Open);
        let due = e.due;
        let answer = e
            .answer
            .map(|a| (a, e.answered_by.unwrap_or_default(), e.answered_at));
        EscalationView {
            at: crate::model::EscalationRef {
                id: r.id.clone(),
                board: r.board.clone(),
                section: r.section.clone(),
            },
            title: e.title.unwrap_or_default(),
            why: e.why.unwrap_or_default(),
            raised: Stamp {
                by: r.created_by.clone(),
                at: r.created_at,
            },
            to: e.to,
            route: e.route.unwrap_or_default(),
            late: status.awaits_answer() && due.is_some_and(|d| d < today),
            due,
            taken_by: e.taken_by.filter(|_| status == EscalationStatus::Taken),
            answer,
            received: r.board != board,
            status,
        }
    }

    /// Whether `board` holds it now: it was sent there and is not answered or closed.
    pub fn held_by(&self, board: &str) -> bool {
        self.to.as_deref() == Some(board) && self.status.awaits_answer()
    }
}

/// A client's status sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct ClientView {
    /// Record id.
    pub id: String,
    /// Client code (never a name).
    pub code: String,
    /// Current stage.
    pub stage: String,
    /// In this stage since.
    pub since: Option<NaiveDate>,
    /// Days in this stage, as of today.
    pub days_waiting: i64,
    /// Next step.
    pub next_step: String,
    /// Who follows the client.
    pub owner: Option<String>,
    /// For another team's client on the trajectory: that team's board (read-only here).
    pub team: Option<String>,
}

/// An announcement or recognition.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteView {
    /// Record id.
    pub id: String,
    /// Text.
    pub text: String,
    /// A recognition rather than an announcement.
    pub recognition: bool,
    /// Last day shown.
    pub expires: Option<NaiveDate>,
}

/// The team's mood.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MoodView {
    /// Today's votes per face, saddest (0) to happiest (4).
    pub today: [u32; 5],
    /// Mean face and vote count per week (Monday), oldest first, the last 8 weeks with votes.
    pub weeks: Vec<(NaiveDate, f64, u32)>,
}

/// What one section shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SectionView {
    /// Indicator values.
    Indicator(IndicatorView),
    /// Open and recently closed actions.
    Actions(Vec<ActionView>),
    /// Ideas.
    Ideas(Vec<IdeaView>),
    /// Escalations raised here.
    Escalations(Vec<EscalationView>),
    /// Mood.
    Mood(MoodView),
    /// Members present today.
    Attendance(BTreeSet<String>),
    /// Clients along the trajectory.
    Trajectory(Vec<ClientView>),
    /// Notes not expired.
    Notes(Vec<NoteView>),
    /// This month's safety days.
    Safety(BTreeMap<NaiveDate, (SafetyLevel, Option<String>)>),
    /// The boards below, each with its latest snapshot (filled by [`units`]: snapshots are
    /// files, not records).
    Units(Vec<UnitView>),
}

/// A board below, as its latest snapshot shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitView {
    /// Board id.
    pub board: String,
    /// Its title (its id when no board file names it).
    pub title: String,
    /// Its latest snapshot.
    pub snapshot: Option<std::sync::Arc<crate::snapshot::Snapshot>>,
    /// The worst status of its indicators in each family (by [`IndicatorCategory::ALL`]; `None`: no
    /// indicator of that family, or no value).
    pub categories: [Option<Status>; 5],
    /// Indicators whose run chart shows a signal going on.
    pub signals: u32,
    /// Open actions past their due date.
    pub overdue_actions: u32,
    /// Escalations awaiting an answer (raised or held), and how many of them are late.
    pub open_escalations: u32,
    /// Of those, late.
    pub late_escalations: u32,
    /// Working days since its latest snapshot was taken.
    pub age_working_days: Option<i64>,
    /// No snapshot, or none for [`crate::snapshot::STALE_AFTER_WORKING_DAYS`] working days.
    pub stale: bool,
}

/// The units of a `units` section of `board`: the boards `listed`, or, when none is, every
/// board whose parent is `board`; each with what its latest snapshot says, as of `today`.
pub fn units(
    board: &Board,
    listed: &[String],
    boards: &[&Board],
    latest: &BTreeMap<String, crate::snapshot::shelf::Latest>,
    today: NaiveDate,
) -> Vec<UnitView> {
    let ids: Vec<String> = if listed.is_empty() {
        boards
            .iter()
            .filter(|b| b.parent.as_deref() == Some(board.id.as_str()))
            .map(|b| b.id.clone())
            .collect()
    } else {
        listed.to_vec()
    };
    ids.into_iter()
        .map(|id| {
            let title = boards
                .iter()
                .find(|b| b.id == id)
                .map_or_else(|| id.clone(), |b| b.title.clone());
            let snapshot = latest.get(&id).map(|l| std::sync::Arc::clone(&l.snapshot));
            unit(id, title, snapshot, today)
        })
        .collect()
}

fn unit(
    board: String,
    title: String,
    snapshot: Option<std::sync::Arc<crate::snapshot::Snapshot>>,
    today: NaiveDate,
) -> UnitView {
    let mut unit = UnitView {
        board,
        title,
        snapshot: None,
        categories: [None; 5],
        signals: 0,
        overdue_actions: 0,
        open_escalations: 0,
        late_escalations: 0,
        age_working_days: None,
        stale: true,
    };
    let Some(snapshot) = snapshot else {
        return unit;
    };
    let rank = |s: Status| match s {
        Status::Good => 0,
        Status::Watch => 1,
        Status::Bad => 2,
    };
    for indicator in &snapshot.indicators {
        let Some(status) = indicator.status else {
            continue;
        };
        let column = IndicatorCategory::ALL
            .iter()
            .position(|c| Some(c.code()) == indicator.category.as_deref());
        if let Some(column) = column {
            let cell = &mut unit.categories[column];
            if cell.is_none_or(|c| rank(status) > rank(c)) {
                *cell = Some(status);
            }
        }
        unit.signals += u32::from(indicator.signals.iter().any(|s| s.ongoing));
    }
    unit.overdue_actions = snapshot.actions.overdue;
    unit.open_escalations = u32::try_from(snapshot.escalations.len()).unwrap_or(u32::MAX);
    unit.late_escalations =
        u32::try_from(snapshot.escalations.iter().filter(|e| e.late).count()).unwrap_or(u32::MAX);
    let taken = snapshot.taken_at.with_timezone(&chrono::Local).date_naive();
    let age = crate::model::calendar::working_days_between(taken.min(snapshot.date), today);
    unit.age_working_days = Some(age);
    unit.stale = age >= crate::snapshot::STALE_AFTER_WORKING_DAYS;
    unit.snapshot = Some(snapshot);
    unit
}

/// Everything the screen shows of a board's entries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardView {
    /// By section id.
    pub sections: BTreeMap<String, SectionView>,
    /// The board's huddles, oldest first.
    pub huddles: Vec<HuddleRecord>,
    /// The last huddle and how many were held in four weeks.
    pub regularity: Regularity,
    /// Today's huddle not ended yet (its record id and record), if there is one: a kiosk that
    /// restarted during a huddle takes it up again.
    pub open_huddle: Option<(String, HuddleRecord)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, IndicatorSpec, Lang, Level, Section};
    use chrono::Duration;
    use chrono::TimeZone as _;
    use serde_json::json;

    fn board(kind: SectionKind) -> Board {
        Board {
            id: "b".into(),
            title: "B".into(),
            team: String::new(),
            level: Level::Team,
            parent: None,
            trajectory: None,
            lang: Lang::Fr,
            columns: 1,
            rows: 1,
            short_title: None,
            portrait: None,
            members: vec![],
            huddle: None,
            sections: vec![Section {
                id: "s".into(),
                title: "S".into(),
                column: 1,
                row: 1,
                width: 1,
                height: 1,
                portrait: None,
                kind,
            }],
            source: "b.toml".into(),
        }
    }

    fn record(id: &str, kind: EntryKind, fields: serde_json::Value, changed: NaiveDate) -> Record {
        let at = Utc.from_utc_datetime(&changed.and_hms_opt(9, 0, 0).unwrap_or_default());
        Record {
            id: id.into(),
            board: "b".into(),
            section: "s".into(),
            kind,
            fields: serde_json::from_value(fields).unwrap_or_default(),
            created_at: at,
            created_by: "A".into(),
            updated_at: at,
            updated_by: "A".into(),
        }
    }

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default()
    }

    #[test]
    fn actions_overdue_stale_and_closed() {
        let b = board(SectionKind::Actions {
            stale_after_days: 7,
        });
        let records = [
            record(
                "late",
                EntryKind::Action,
                json!({"title": "late", "due": "2026-11-20", "status": "todo"}),
                d(19),
            ),
            record(
                "still",
                EntryKind::Action,
                json!({"title": "still", "status": "doing"}),
                d(10),
            ),
            record(
                "done-old",
                EntryKind::Action,
                json!({"title": "done long ago", "status": "done"}),
                d(1),
            ),
            record(
                "done",
                EntryKind::Action,
                json!({"title": "done", "due": "2026-11-20", "status": "done"}),
                d(22),
            ),
        ];
        let Some(SectionView::Actions(actions)) = build(&b, &records, d(23)).sections.remove("s")
        else {
            panic!()
        };
        let ids: Vec<_> = actions.iter().map(|a| a.id.as_str()).collect();
        // Open first (overdue first), closed last; closed over a week ago no longer shown.
        assert_eq!(ids, ["late", "still", "done"]);
        assert!(actions[0].overdue && !actions[0].stale);
        assert!(!actions[1].overdue && actions[1].stale);
        assert!(!actions[2].overdue, "a closed action is never overdue");
    }

    #[test]
    fn mood_today_and_weekly_trend() {
        let b = board(SectionKind::Mood);
        let votes = [(16, 0), (16, 2), (18, 4), (23, 4), (23, 3), (23, 4)];
        let records: Vec<_> = votes
            .iter()
            .enumerate()
            .map(|(i, (day, face))| {
                record(
                    &i.to_string(),
                    EntryKind::Mood,
                    json!({"date": d(*day), "face": face}),
                    d(*day),
                )
            })
            .collect();
        let Some(SectionView::Mood(mood)) = build(&b, &records, d(23)).sections.remove("s") else {
            panic!()
        };
        assert_eq!(mood.today, [0, 0, 0, 1, 2]);
        // Week of Monday 16 Nov: (0 + 2 + 4) / 3; week of Monday 23 Nov: (4 + 3 + 4) / 3.
        assert_eq!(mood.weeks.len(), 2);
        assert_eq!((mood.weeks[0].0, mood.weeks[0].2), (d(16), 3));
        assert!((mood.weeks[0].1 - 2.0).abs() < 1e-9);
        assert!((mood.weeks[1].1 - 11.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn clients_wait_from_the_day_they_entered_their_stage() {
        let b = board(SectionKind::Trajectory {
            stages: vec!["A".into(), "B".into()],
            wait_warning_days: Some(10),
            other_teams: false,
            private: false,
        });
        let records = [record(
            "c",
            EntryKind::Client,
            json!({"code": "J-1", "stage": "B", "since": "2026-11-09"}),
            d(9),
        )];
        let Some(SectionView::Trajectory(clients)) =
            build(&b, &records, d(23)).sections.remove("s")
        else {
            panic!()
        };
        assert_eq!(clients[0].days_waiting, 14);
    }

    #[test]
    fn notes_expire_and_values_sort_by_date() {
        let b = board(SectionKind::Notes);
        let records = [
            record(
                "old",
                EntryKind::Note,
                json!({"text": "old", "expires": "2026-11-22"}),
                d(1),
            ),
            record(
                "today",
                EntryKind::Note,
                json!({"text": "today", "expires": "2026-11-23"}),
                d(1),
            ),
            record(
                "always",
                EntryKind::Note,
                json!({"text": "always", "expires": null}),
                d(1),
            ),
        ];
        let Some(SectionView::Notes(notes)) = build(&b, &records, d(23)).sections.remove("s")
        else {
            panic!()
        };
        let texts: Vec<_> = notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["today", "always"]);
    }

    fn spec(direction: Direction, target: f64, warning: Option<f64>) -> IndicatorSpec {
        IndicatorSpec {
            unit: String::new(),
            target: Some(target),
            direction,
            warning,
            frequency: Frequency::Daily,
            category: None,
            chart: crate::model::ChartKind::Run,
            baseline: None,
            changes: Vec::new(),
        }
    }

    #[test]
    fn status_follows_the_direction_and_the_warning() {
        let lower = spec(Direction::Lower, 20.0, Some(30.0));
        assert_eq!(lower.status(20.0), Some(Status::Good));
        assert_eq!(lower.status(25.0), Some(Status::Watch));
        assert_eq!(lower.status(30.0), Some(Status::Watch));
        assert_eq!(lower.status(31.0), Some(Status::Bad));
        let higher = spec(Direction::Higher, 90.0, Some(80.0));
        assert_eq!(higher.status(95.0), Some(Status::Good));
        assert_eq!(higher.status(85.0), Some(Status::Watch));
        assert_eq!(higher.status(70.0), Some(Status::Bad));
        let no_warning = spec(Direction::Higher, 90.0, None);
        assert_eq!(no_warning.status(89.0), Some(Status::Bad));
        // A volume with no good side has no status, target or not.
        let neutral = spec(Direction::Neutral, 120.0, None);
        assert_eq!(neutral.status(200.0), None);
        let no_target = IndicatorSpec {
            target: None,
            ..neutral
        };
        assert_eq!(no_target.status(200.0), None);
    }

    #[test]
    fn what_a_frame_reads_of_an_indicator_is_bounded_whatever_its_history() {
        use crate::runchart::Signal;
        // Ten years of a weekly pattern, ending on five points going up.
        let first = NaiveDate::from_ymd_opt(2016, 11, 27).unwrap_or_default();
        let values: Vec<(NaiveDate, f64)> = (0..3650)
            .map(|i| (first + Duration::days(i), ((i + 2) % 7) as f64))
            .collect();
        let last = values[3649].0;
        let view = IndicatorView::new(values, None);
        assert_eq!(view.shown.sparkline.len(), SPARKLINE_VALUES);
        assert_eq!(view.shown.sparkline.last(), Some(&4.0));
        assert_eq!(view.chart_values().len(), CHART_VALUES);
        assert_eq!(view.chart_values().last().map(|(d, _)| *d), Some(last));
        // The trend going on, with the day it began; the chart's signals counted from its first
        // value, none of them before it.
        assert_eq!(
            view.shown.ongoing,
            Some((
                Signal::Trend {
                    first: 3645,
                    last: 3649,
                    up: true,
                    points: 5
                },
                last - Duration::days(4)
            ))
        );
        let signals = &view.shown.chart_signals;
        assert!(!signals.is_empty());
        assert!(signals.iter().all(|(s, _)| s.span().1 < CHART_VALUES));
        assert_eq!(
            signals.last().map(|(s, _)| s.span()),
            Some((CHART_VALUES - 5, CHART_VALUES - 1))
        );
        // A short history is drawn whole.
        let short = IndicatorView::new(vec![(first, 1.0), (last, 2.0)], None);
        assert_eq!(short.shown.sparkline, [1.0, 2.0]);
        assert_eq!(short.chart_values().len(), 2);
        assert_eq!(
            IndicatorView::new(Vec::new(), None).shown,
            IndicatorShown::default()
        );
    }

    fn runs_of(frequency: Frequency, dates: &[(i32, u32, u32)]) -> Vec<Range<usize>> {
        let values: Vec<(NaiveDate, f64)> = dates
            .iter()
            .map(|&(y, m, d)| (NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(), 1.0))
            .collect();
        unbroken_runs(frequency, &values)
    }

    #[test]
    fn a_missing_working_day_is_a_gap_a_weekend_is_not() {
        // Thu 19, Fri 20, (weekend), Mon 23, (Tue 24 missing), Wed 25.
        let runs = runs_of(
            Frequency::Daily,
            &[
                (2026, 11, 19),
                (2026, 11, 20),
                (2026, 11, 23),
                (2026, 11, 25),
            ],
        );
        assert_eq!(runs, [0..3, 3..4]);
        // A value entered on a Saturday joins the Friday and the Monday around it.
        let runs = runs_of(
            Frequency::Daily,
            &[(2026, 11, 20), (2026, 11, 21), (2026, 11, 23)],
        );
        assert_eq!(runs, vec![0..3]);
    }

    #[test]
    fn weekly_and_monthly_gaps_are_missing_weeks_and_months() {
        // Weeks of Mon 2, Mon 9 (on Sunday 15), then the week of Mon 23: the 16th is missing.
        let weekly = runs_of(
            Frequency::Weekly,
            &[(2026, 11, 2), (2026, 11, 15), (2026, 11, 23)],
        );
        assert_eq!(weekly, [0..2, 2..3]);
        // Across a new year: December then January is no gap; March after January is.
        let monthly = runs_of(
            Frequency::Monthly,
            &[(2025, 12, 31), (2026, 1, 1), (2026, 3, 15)],
        );
        assert_eq!(monthly, [0..2, 2..3]);
        assert!(runs_of(Frequency::Monthly, &[]).is_empty());
    }
}
