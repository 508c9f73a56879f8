//! A board's snapshot for the next level, taken from its view: what [`crate::snapshot`]
//! writes, reads and renders.

use chrono::{DateTime, NaiveDate, Utc};

use super::{BoardView, SectionView};
use crate::model::{Board, SectionKind};
use crate::runchart::Signal;
use crate::snapshot::{
    ActionSnapshot, ActionsSnapshot, BoardInfo, ChangeSnapshot, EscalationSnapshot, FORMAT, Flow,
    HeldSnapshot, HuddleSnapshot, IndicatorSnapshot, LONGEST_WAITS, MoodSnapshot, MoodWeek,
    PhaseSnapshot, Point, RECENT_VALUES, ReadingSnapshot, SignalSnapshot, Snapshot, StageCount,
    TrajectorySnapshot, VERSION, Wait, XmrSnapshot,
};

/// Takes the snapshot of `board` from its view, as of `today`.
pub fn build(
    board: &Board,
    view: &BoardView,
    today: NaiveDate,
    taken_at: DateTime<Utc>,
    taken_by: &str,
) -> Snapshot {
    let mut snapshot = Snapshot {
        format: FORMAT.to_owned(),
        version: VERSION,
        board: BoardInfo {
            id: board.id.clone(),
            title: board.title.clone(),
            team: board.team.clone(),
            level: board.level.code().to_owned(),
            parent: board.parent.clone(),
            trajectory: board.trajectory.clone(),
            language: board.lang.code().to_owned(),
        },
        date: today,
        taken_at,
        taken_by: taken_by.to_owned(),
        indicators: Vec::new(),
        actions: ActionsSnapshot::default(),
        escalations: Vec::new(),
        mood: None,
        trajectories: Vec::new(),
        last_huddle: view.regularity.last.as_ref().map(|h| HuddleSnapshot {
            date: h.date,
            started: h.started,
            minutes: (h.duration_s + 30) / 60,
            attendees: count(h.attendees.len()),
            decisions: h.decisions().map(|d| d.text.clone()).collect(),
            actions_created: h.actions.iter().map(|a| a.title.clone()).collect(),
            escalations_raised: h.escalations.iter().map(|a| a.title.clone()).collect(),
        }),
        huddles_held: HeldSnapshot {
            held: count(view.regularity.held),
            working_days: count(view.regularity.working_days),
        },
    };
    for section in &board.sections {
        match (&section.kind, view.sections.get(&section.id)) {
            (SectionKind::Indicator(spec), Some(SectionView::Indicator(values))) => {
                snapshot.indicators.push(indicator(section, spec, values));
            }
            (SectionKind::Actions { .. }, Some(SectionView::Actions(actions))) => {
                for a in actions.iter().filter(|a| !a.status.is_closed()) {
                    snapshot.actions.open += 1;
                    snapshot.actions.overdue += u32::from(a.overdue);
                    snapshot.actions.items.push(ActionSnapshot {
                        title: a.title.clone(),
                        owner: a.owner.clone(),
                        due: a.due,
                        status: a.status,
                        overdue: a.overdue,
                    });
                }
            }
            (SectionKind::Escalations { .. }, Some(SectionView::Escalations(list))) => {
                for e in list.iter().filter(|e| e.status.awaits_answer()) {
                    // What this board sent up, and what it holds from below; not what went
                    // past it to the levels above (that is theirs now).
                    if e.received && !e.held_by(&board.id) {
                        continue;
                    }
                    snapshot.escalations.push(EscalationSnapshot {
                        id: e.at.id.clone(),
                        title: e.title.clone(),
                        why: e.why.clone(),
                        status: e.status,
                        direction: if e.received {
                            Flow::Received
                        } else {
                            Flow::Raised
                        },
                        from: e.at.board.clone(),
                        to: e.to.clone(),
                        raised_on: e.raised.at.date_naive(),
                        due: e.due,
                        late: e.late,
                    });
                }
            }
            (SectionKind::Mood, Some(SectionView::Mood(mood))) if snapshot.mood.is_none() => {
                snapshot.mood = Some(MoodSnapshot {
                    today: mood.today,
                    weeks: mood
                        .weeks
                        .iter()
                        .map(|(week, mean, votes)| MoodWeek {
                            week: *week,
                            mean: (mean * 100.0).round() / 100.0,
                            votes: *votes,
                        })
                        .collect(),
                });
            }
            (SectionKind::Trajectory { stages, .. }, Some(SectionView::Trajectory(clients))) => {
                // A code that looks like a name (stored before names were refused) is
                // counted in its stage but never named in what goes up.
                let mut waits: Vec<Wait> = clients
                    .iter()
                    .filter(|c| !crate::model::looks_like_a_name(&c.code))
                    .map(|c| Wait {
                        code: c.code.clone(),
                        stage: c.stage.clone(),
                        days: c.days_waiting,
                    })
                    .collect();
                waits.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.code.cmp(&b.code)));
                waits.truncate(LONGEST_WAITS);
                snapshot.trajectories.push(TrajectorySnapshot {
                    section: section.id.clone(),
                    title: section.title.clone(),
                    stages: stages
                        .iter()
                        .map(|stage| StageCount {
                            stage: stage.clone(),
                            clients: count(clients.iter().filter(|c| &c.stage == stage).count()),
                        })
                        .collect(),
                    longest_waits: waits,
                });
            }
            _ => {}
        }
    }
    snapshot
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn indicator(
    section: &crate::model::Section,
    spec: &crate::model::IndicatorSpec,
    values: &super::IndicatorView,
) -> IndicatorSnapshot {
    let skip = values.values.len().saturating_sub(RECENT_VALUES);
    let date_of = |i: usize| values.values.get(i).map(|(d, _)| *d);
    let last = values.values.len().checked_sub(1);
    let signals = values
        .run_chart
        .iter()
        .flat_map(|rc| rc.signals.iter())
        .filter_map(|signal| {
            let (first, end) = match *signal {
                Signal::Shift { first, last, .. } | Signal::Trend { first, last, .. } => {
                    (first, last)
                }
                Signal::Astronomical { index } => (index, index),
            };
            // Only what shows among the recent values.
            (end >= skip).then_some(())?;
            Some(SignalSnapshot {
                kind: signal.kind(),
                way: signal.way(),
                from: date_of(first.max(skip))?,
                to: date_of(end)?,
                ongoing: Some(end) == last,
            })
        })
        .collect();
    let latest = values.latest().map(|(date, value)| Point { date, value });
    IndicatorSnapshot {
        section: section.id.clone(),
        title: section.title.clone(),
        unit: spec.unit.clone(),
        category: spec.category.map(|c| c.code().to_owned()),
        direction: spec.direction,
        frequency: spec.frequency,
        target: spec.target,
        warning: spec.warning,
        values: values.values[skip..]
            .iter()
            .map(|(date, value)| Point {
                date: *date,
                value: *value,
            })
            .collect(),
        status: latest.and_then(|p| spec.status(p.value)),
        latest,
        median: values.run_chart.as_ref().map(|rc| rc.median),
        signals,
        variation: values.xmr.as_ref().and_then(|x| x.variation),
        assurance: values.xmr.as_ref().and_then(|x| x.assurance),
        xmr: values.xmr.as_deref().and_then(xmr),
    }
}

/// An XmR chart among the recent values.
fn xmr(x: &super::XmrView) -> Option<XmrSnapshot> {
    let (latest, _) = x.latest()?;
    let points = &x.chart.points[x.chart.points.len().saturating_sub(RECENT_VALUES)..];
    let first = points.first()?;
    let phases = x.chart.phases[first.phase..]
        .iter()
        .map(|p| PhaseSnapshot {
            from: p.from,
            mean: p.mean,
            lower_limit: p.limits().map(|(lo, _)| lo),
            upper_limit: p.limits().map(|(_, hi)| hi),
            reliable: p.reliable(),
        })
        .collect();
    Some(XmrSnapshot {
        cause: latest.cause,
        phases,
        points: points
            .iter()
            .map(|p| ReadingSnapshot {
                date: p.date,
                special_cause: p.cause,
                point_type: p.point_type,
            })
            .collect(),
        changes: x
            .changes
            .iter()
            .map(|c| ChangeSnapshot {
                date: c.date,
                label: c.label.clone(),
            })
            .collect(),
    })
}

/// The view of `board` as of the end of `date`: the values and entries made up to that day
/// (each as it stands now).
pub fn view_as_of(board: &Board, records: &[crate::store::Record], date: NaiveDate) -> BoardView {
    let records: Vec<crate::store::Record> = records
        .iter()
        .filter(|r| {
            // An entry for a day (a value, a vote…) counts by its day, even entered later;
            // any other by the day it was made.
            let day = crate::model::day_of(&r.fields)
                .unwrap_or_else(|| r.created_at.with_timezone(&chrono::Local).date_naive());
            day <= date
        })
        .cloned()
        .collect();
    super::build(board, &records, date)
}
