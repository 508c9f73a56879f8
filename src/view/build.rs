//! Building a board's view from its records: each section's entries read through the typed
//! entries of `model`, sorted and flagged (overdue, stale, late) as of a day.

use std::collections::BTreeMap;

use chrono::{Datelike as _, Duration, NaiveDate};

use super::*;

fn stamp(r: &Record) -> Stamp {
    Stamp {
        by: r.updated_by.clone(),
        at: r.updated_at,
    }
}

/// Builds the view of `board` from its records, as of `today`.
pub fn build(board: &Board, records: &[Record], today: NaiveDate) -> BoardView {
    let mut view = BoardView::default();
    for section in &board.sections {
        let mine = records.iter().filter(|r| r.section == section.id);
        let of = |kind: EntryKind| mine.clone().filter(move |r| r.kind == kind);
        let days_since = |r: &Record| (today - r.updated_at.date_naive()).num_days();
        let section_view = match &section.kind {
            SectionKind::Indicator(spec) => {
                let mut values: Vec<(NaiveDate, f64, &Record)> = of(EntryKind::Value)
                    .filter_map(|r| {
                        let v = ValueEntry::from_fields(&r.fields);
                        Some((v.date?, v.value?, r))
                    })
                    .collect();
                values.sort_by_key(|(d, _, _)| *d);
                let latest_stamp = values.last().map(|(_, _, r)| stamp(r));
                // The changes the team marked on the chart.
                let marked = of(EntryKind::Tested)
                    .filter_map(|r| {
                        let t = crate::model::TestedEntry::from_fields(&r.fields);
                        Some(crate::model::ChangeMark {
                            date: t.date?,
                            label: t.label.unwrap_or_default(),
                            record: Some(r.id.clone()),
                        })
                    })
                    .collect();
                SectionView::Indicator(IndicatorView::of(
                    values.into_iter().map(|(d, v, _)| (d, v)).collect(),
                    latest_stamp,
                    spec,
                    marked,
                ))
            }
            SectionKind::Actions { stale_after_days } => {
                let mut actions: Vec<ActionView> = of(EntryKind::Action)
                    .filter_map(|r| {
                        let a = ActionEntry::from_fields(&r.fields);
                        let status = a.status.unwrap_or(ActionStatus::Todo);
                        let due = a.due;
                        let closed_long_ago = status.is_closed() && days_since(r) > 7;
                        (!closed_long_ago).then(|| ActionView {
                            id: r.id.clone(),
                            title: a.title.unwrap_or_default(),
                            owner: a.owner,
                            due,
                            status,
                            overdue: !status.is_closed() && due.is_some_and(|d| d < today),
                            stale: !status.is_closed()
                                && days_since(r) >= i64::from(*stale_after_days),
                            stamp: stamp(r),
                        })
                    })
                    .collect();
                // Open first, overdue first among them, then by due date.
                actions.sort_by_key(|a| {
                    (
                        a.status.is_closed(),
                        !a.overdue,
                        a.due.unwrap_or(NaiveDate::MAX),
                    )
                });
                SectionView::Actions(actions)
            }
            SectionKind::Ideas {
                columns,
                stale_after_days,
            } => SectionView::Ideas(
                of(EntryKind::Idea)
                    .map(|r| {
                        let idea = IdeaEntry::from_fields(&r.fields);
                        let column = idea.column.filter(|c| columns.iter().any(|k| &k.name == c));
                        let column = column
                            .or_else(|| columns.first().map(|c| c.name.clone()))
                            .unwrap_or_default();
                        let last_column = columns.last().is_some_and(|c| c.name == column);
                        IdeaView {
                            id: r.id.clone(),
                            title: idea.title.unwrap_or_default(),
                            by: idea.by,
                            stale: !last_column && days_since(r) >= i64::from(*stale_after_days),
                            column,
                        }
                    })
                    .collect(),
            ),
            SectionKind::Escalations { .. } => {
                // Those sent here by the boards below show in the first escalations section.
                let first = board
                    .sections
                    .iter()
                    .find(|s| matches!(s.kind, SectionKind::Escalations { .. }))
                    .is_some_and(|s| s.id == section.id);
                let mut list: Vec<EscalationView> = records
                    .iter()
                    .filter(|r| r.kind == EntryKind::Escalation)
                    .filter(|r| {
                        if r.board == board.id {
                            r.section == section.id
                        } else {
                            first
                        }
                    })
                    .map(|r| EscalationView::from_record(r, &board.id, today))
                    .filter(|e| {
                        // Closed ones leave the board after a week.
                        e.status != EscalationStatus::Closed
                            || (today - e.raised.at.date_naive()).num_days() <= 7
                    })
                    .collect();
                // What needs this board first: late ones, and answers come back down to what it
                // raised; then what waits for it; then the rest of what it raised.
                list.sort_by_key(|e| {
                    let answered = !e.received && e.status == EscalationStatus::Answered;
                    (
                        !(e.late || answered),
                        !e.held_by(&board.id),
                        !e.late,
                        !e.status.awaits_answer(),
                        e.due.unwrap_or(NaiveDate::MAX),
                    )
                });
                SectionView::Escalations(list)
            }
            SectionKind::Mood => {
                let mut mood = MoodView::default();
                let mut weeks: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
                for r in of(EntryKind::Mood) {
                    let vote = MoodEntry::from_fields(&r.fields);
                    let (Some(d), Some(face)) = (vote.date, vote.face) else {
                        continue;
                    };
                    let face = u32::from(face.min(4));
                    if d == today {
                        mood.today[face as usize] += 1;
                    }
                    let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
                    let week = weeks.entry(monday).or_default();
                    week.0 += face;
                    week.1 += 1;
                }
                let skip = weeks.len().saturating_sub(8);
                mood.weeks = weeks
                    .into_iter()
                    .skip(skip)
                    .map(|(w, (sum, n))| (w, f64::from(sum) / f64::from(n), n))
                    .collect();
                SectionView::Mood(mood)
            }
            SectionKind::Attendance => SectionView::Attendance(
                records
                    .iter()
                    .filter(|r| r.kind == EntryKind::Attendance)
                    .map(|r| AttendanceEntry::from_fields(&r.fields))
                    .filter(|a| a.date == Some(today) && a.present == Some(true))
                    .filter_map(|a| a.member)
                    .collect(),
            ),
            SectionKind::Trajectory { other_teams, .. } => SectionView::Trajectory({
                let mut clients: Vec<ClientView> = records
                    .iter()
                    .filter(|r| r.kind == EntryKind::Client)
                    .filter(|r| {
                        if r.board == board.id {
                            r.section == section.id
                        } else {
                            *other_teams
                        }
                    })
                    .map(|r| {
                        let c = ClientEntry::from_fields(&r.fields);
                        let since = c.since;
                        ClientView {
                            id: r.id.clone(),
                            code: c.code.unwrap_or_default(),
                            stage: c.stage.unwrap_or_default(),
                            days_waiting: since.map_or(0, |s| (today - s).num_days().max(0)),
                            since,
                            next_step: c.next_step.unwrap_or_default(),
                            owner: c.owner,
                            team: (r.board != board.id).then(|| r.board.clone()),
                        }
                    })
                    .collect();
                // The longest waits first: a card that cannot show every client shows them.
                clients.sort_by(|a, b| {
                    b.days_waiting
                        .cmp(&a.days_waiting)
                        .then_with(|| a.code.cmp(&b.code))
                });
                clients
            }),
            SectionKind::Notes => SectionView::Notes(
                of(EntryKind::Note)
                    .map(|r| (r, NoteEntry::from_fields(&r.fields)))
                    .filter(|(_, n)| n.expires.is_none_or(|e| e >= today))
                    .map(|(r, n)| NoteView {
                        id: r.id.clone(),
                        text: n.text.unwrap_or_default(),
                        recognition: n.recognition.unwrap_or(false),
                        expires: n.expires,
                    })
                    .collect(),
            ),
            SectionKind::Safety => SectionView::Safety(
                of(EntryKind::Safety)
                    .filter_map(|r| {
                        let day = SafetyEntry::from_fields(&r.fields);
                        let d = day.date?;
                        (d.year() == today.year() && d.month() == today.month()).then_some(())?;
                        Some((d, (day.level?, day.note)))
                    })
                    .collect(),
            ),
            SectionKind::Units { .. } => SectionView::Units(Vec::new()),
        };
        view.sections.insert(section.id.clone(), section_view);
    }
    let huddles: Vec<(&Record, HuddleRecord)> = records
        .iter()
        .filter(|r| r.kind == EntryKind::Huddle)
        .filter_map(|r| Some((r, HuddleRecord::from_fields(&r.fields)?)))
        .collect();
    view.open_huddle = huddles
        .iter()
        .filter(|(_, h)| !h.ended && h.date == today)
        .max_by_key(|(_, h)| h.started)
        .map(|(r, h)| (r.id.clone(), h.clone()));
    view.huddles = huddles.into_iter().map(|(_, h)| h).collect();
    view.huddles.sort_by_key(|h| h.started);
    view.regularity = regularity(&view.huddles, today);
    view
}
