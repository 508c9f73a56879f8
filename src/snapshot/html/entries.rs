//! The entries of the page: actions, escalations, mood, the trajectories' clients and the
//! huddles held.

use std::fmt::Write as _;

use super::*;
use crate::model::{ActionStatus, EscalationStatus};
use crate::snapshot::Flow;

impl Page<'_> {
    pub(super) fn actions(&self) -> Markup {
        let actions = &self.s.actions;
        let body = html! {
            p.counts {
                (self.t(T::OpenCount)) " " strong { (actions.open) } " · "
                @if actions.overdue > 0 {
                    span.bad { "✕ " (self.t(T::OverdueCount)) " " strong { (actions.overdue) } }
                } @else {
                    (self.t(T::OverdueCount)) " " strong { "0" }
                }
            }
            @if actions.items.is_empty() {
                (self.empty(T::NoOpenAction))
            } @else {
                table {
                    (self.columns(&[T::ActionWord, T::Owner, T::DueDate, T::State]))
                    tbody {
                        @for a in &actions.items {
                            @let status = self.t(match a.status {
                                ActionStatus::Todo => T::Todo,
                                ActionStatus::Doing => T::Doing,
                                ActionStatus::Done => T::Done,
                                ActionStatus::Cancelled => T::Cancelled,
                            });
                            @let due = a.due.map(|d| self.date(d)).unwrap_or_else(|| "—".to_owned());
                            tr class=[a.overdue.then_some("late")] {
                                td.mark {
                                    @if a.overdue { span.bad title="overdue" { "✕" } }
                                }
                                td { (a.title) }
                                td.nowrap { (a.owner.as_deref().unwrap_or("—")) }
                                td.nowrap { (self.late(a.overdue, &due)) }
                                td {
                                    (status)
                                    @if a.overdue {
                                        " · " (self.late(true, self.t(T::OverdueLower)))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        };
        self.section(self.t(T::ActionPlan), body)
    }

    /// A table's head: an empty column for the marks, then the titles.
    fn columns(&self, titles: &[T]) -> Markup {
        html! {
            thead { tr { th.mark {} @for title in titles { th { (self.t(*title)) } } } }
        }
    }

    /// A text, in bold red when it is late.
    fn late(&self, late: bool, text: &str) -> Markup {
        html! {
            @if late { span.bad { strong { (text) } } } @else { (text) }
        }
    }

    pub(super) fn escalations(&self) -> Markup {
        let list = &self.s.escalations;
        let body = html! {
            @if list.is_empty() {
                (self.empty(T::NoEscalationAwaiting))
            } @else {
                table {
                    (self.columns(&[T::EscalationWord, T::FromToColumn, T::AnswerDueTitle, T::State]))
                    tbody {
                        @for e in list {
                            @let direction = match e.direction {
                                Flow::Raised => T::RaisedOn,
                                Flow::Received => T::ReceivedOn,
                            };
                            @let status = self.t(match e.status {
                                EscalationStatus::Open => T::Open,
                                EscalationStatus::Taken => T::Taken,
                                EscalationStatus::Answered => T::Answered,
                                EscalationStatus::Closed => T::Closed,
                            });
                            @let due = e.due.map(|d| self.date(d)).unwrap_or_else(|| "—".to_owned());
                            tr class=[e.late.then_some("late")] {
                                td.mark { @if e.late { span.bad { "✕" } } }
                                td {
                                    strong { (e.title) }
                                    @if !e.why.trim().is_empty() { br; span.why { (e.why) } }
                                    br;
                                    span.meta { (self.t(direction)) " " (self.date(e.raised_on)) }
                                }
                                td { (e.from) " → " (e.to.as_deref().unwrap_or("—")) }
                                td.nowrap { (self.late(e.late, &due)) }
                                td {
                                    (status)
                                    @if e.late { " · " (self.late(true, self.t(T::LateLower))) }
                                }
                            }
                        }
                    }
                }
            }
        };
        self.section(self.t(T::EscalationsAwaiting), body)
    }

    pub(super) fn mood(&self, mood: &MoodSnapshot) -> Markup {
        let votes: u64 = mood.today.iter().map(|&n| u64::from(n)).sum();
        let today = html! {
            div.faces {
                @for (level, &n) in mood.today.iter().enumerate() {
                    div.face.zero[n == 0] {
                        (face(level))
                        span.n { (n) }
                        span.name { (i18n::mood_name(self.lang, u8::try_from(level).unwrap_or(4))) }
                    }
                }
            }
            @if votes == 0 {
                (self.empty(T::NoVoteToday))
            } @else {
                p.quiet {
                    (self.count(votes, T::VoteWord, T::VotesWord)) " · " (self.t(T::AnonymousPlural))
                }
            }
        };
        let body = self.two(
            (self.t(T::TodayTitle), today),
            (self.t(T::WeeklyMean), self.mood_weeks(mood)),
        );
        self.section(self.t(T::TeamMood), body)
    }

    /// The weekly mean face (0–4) as a small line chart, and the latest week in words.
    pub(super) fn mood_weeks(&self, mood: &MoodSnapshot) -> Markup {
        let weeks: Vec<(NaiveDate, f64, u32)> = mood
            .weeks
            .iter()
            .filter(|w| w.mean.is_finite() && w.votes > 0)
            .map(|w| (w.week, w.mean.clamp(0.0, 4.0), w.votes))
            .collect();
        let Some(&(week, mean, votes)) = weeks.last() else {
            return self.empty(T::NoVoteLately);
        };
        let plot = Plot::MOOD;
        let scale = Scale::fixed(0.0, 4.0, plot);
        let (left, right, _, _) = plot.frame();
        let n = weeks.len();
        let mut line = String::new();
        for (i, (_, mean, _)) in weeks.iter().enumerate() {
            let gap = if i == 0 { "" } else { " " };
            let _ = write!(line, "{gap}{:.1},{:.1}", plot.x(i, n), scale.y(*mean));
        }
        let mut labels = vec![0];
        if n > 1 {
            labels.push(n - 1);
        }
        let anchor = |i: usize| match (n, i) {
            (1, _) => "middle",
            (_, 0) => "start",
            _ => "end",
        };
        let change = n
            .checked_sub(2)
            .and_then(|i| weeks.get(i))
            .map(|&(_, before, _)| mean - before)
            .filter(|d| d.abs() >= 0.05)
            .map(|d| {
                let (arrow, sign) = if d > 0.0 {
                    ("↑", "+")
                } else {
                    ("↓", "−")
                };
                format!(
                    " · {arrow} {sign}{}",
                    self.num((d.abs() * 10.0).round() / 10.0)
                )
            })
            .unwrap_or_default();
        html! {
            svg.chart.mood viewBox={ "0 0 " (plot.width) " " (plot.height) } role="img"
                aria-label=(self.t(T::WeeklyMeanLabel)) {
                @for level in [0.0, 2.0, 4.0] {
                    @let y = scale.y(level);
                    line x1=(left) y1=(f1(y)) x2=(right) y2=(f1(y)) stroke="#E1E4E8" {}
                    text x=(f1(left - 5.0)) y=(f1(y + 3.5)) text-anchor="end" class="tick" { (level) }
                }
                @if n > 1 {
                    polyline fill="none" stroke=(INK) stroke-width="1.8" points=(line) {}
                }
                @for (i, (week, mean, votes)) in weeks.iter().enumerate() {
                    circle cx=(f1(plot.x(i, n))) cy=(f1(scale.y(*mean))) r="2.6" fill=(INK) {
                        title {
                            (self.t(T::WeekOf)) " " (self.day_month(*week)) " : "
                            (self.num(*mean)) " (" (votes) ")"
                        }
                    }
                }
                @for i in labels {
                    @if let Some((week, _, _)) = weeks.get(i) {
                        text x=(f1(plot.x(i, n))) y=(plot.height - 4.0) text-anchor=(anchor(i))
                            class="tick" { (self.day_month(*week)) }
                    }
                }
            }
            p.quiet {
                (self.t(T::WeekOf)) " " (self.day_month(week)) (self.t(T::Colon)) " "
                strong { (self.num((mean * 10.0).round() / 10.0)) }
                " " (self.t(T::OutOfFour)) " ("
                (self.count(votes, T::VoteWord, T::VotesWord)) ")" (change)
            }
        }
    }

    pub(super) fn trajectories(&self) -> Markup {
        html! {
            @for trajectory in &self.s.trajectories { (self.trajectory(trajectory)) }
        }
    }

    /// Clients per stage as bars, and the longest waits by client code.
    pub(super) fn trajectory(&self, tr: &TrajectorySnapshot) -> Markup {
        let most = tr
            .stages
            .iter()
            .map(|s| s.clients)
            .max()
            .unwrap_or(0)
            .max(1);
        let stages = html! {
            @if tr.stages.is_empty() {
                (self.empty(T::NoStage))
            } @else {
                div.bars {
                    @for stage in &tr.stages {
                        @let width = f64::from(stage.clients) / f64::from(most) * 100.0;
                        span.stage { (stage.stage) }
                        span.bar { span style={ "width:" (f1(width)) "%" } {} }
                        span.n { (stage.clients) }
                    }
                }
            }
        };
        let waits = html! {
            @if tr.longest_waits.is_empty() {
                (self.empty(T::NoClientWaiting))
            } @else {
                table.compact {
                    thead {
                        tr {
                            th { (self.t(T::Code)) }
                            th { (self.t(T::Stage)) }
                            th.num { (self.t(T::Waiting)) }
                        }
                    }
                    tbody {
                        @for wait in &tr.longest_waits {
                            tr {
                                td { code { (wait.code) } }
                                td { (wait.stage) }
                                td.num.nowrap { (self.days(wait.days)) }
                            }
                        }
                    }
                }
            }
        };
        let body = self.two(
            (self.t(T::ClientsPerStage), stages),
            (self.t(T::LongestWaits), waits),
        );
        self.section(&tr.title, body)
    }

    pub(super) fn huddles(&self) -> Markup {
        let held = self.s.huddles_held;
        let share = if held.working_days == 0 {
            0.0
        } else {
            (f64::from(held.held) / f64::from(held.working_days)).clamp(0.0, 1.0) * 100.0
        };
        let last = match &self.s.last_huddle {
            Some(h) => self.last_huddle(h),
            None => self.empty(T::NoHuddleRecorded),
        };
        let regularity = html! {
            p.big-line {
                strong { (held.held) } " " (self.t(T::DaysWithAHuddleOutOf)) " "
                strong { (held.working_days) } " " (self.t(T::WorkingDays))
            }
            span.bar.wide { span style={ "width:" (f1(share)) "%" } {} }
            p.quiet { (self.t(T::TheLastFourWeeks)) }
        };
        let body = self.two(
            (self.t(T::LastHuddle), last),
            (self.t(T::Regularity), regularity),
        );
        self.section(self.t(T::Huddles), body)
    }

    pub(super) fn last_huddle(&self, h: &HuddleSnapshot) -> Markup {
        let list = |title: T, items: &[String], empty: Option<T>| {
            html! {
                @if items.is_empty() {
                    @if let Some(empty) = empty { (self.empty(empty)) }
                } @else {
                    p.sub-title { (self.t(title)) }
                    ul { @for item in items { li { (item) } } }
                }
            }
        };
        html! {
            p {
                strong { (self.long_date(h.date)) } " " (self.t(T::At)) " "
                (h.started.format("%H:%M")) " · " (h.minutes) "\u{a0}min · "
                (self.count(h.attendees, T::AttendeeWord, T::AttendeesWord))
            }
            (list(T::Decisions, &h.decisions, Some(T::NoDecisionNoted)))
            (list(T::ActionsCreatedTitle, &h.actions_created, None))
            (list(T::EscalationsRaisedTitle, &h.escalations_raised, None))
        }
    }
}
