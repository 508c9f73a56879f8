//! Edits: what a person asks for, typed and checked, before it becomes a [`Change`].
//!
//! The screen and the command line build the same edits, so that bad input (a value that is
//! not a number, a date that is not a date, an empty title) gets the same answer everywhere
//! and is never stored.

use super::change::{Change, EntryKind, Op, Origin, new_id};
use super::entry::{
    ActionEntry, AttendanceEntry, ClientEntry, Entry, EscalationEntry, IdeaEntry, MoodEntry,
    NoteEntry, SafetyEntry, TestedEntry, ValueEntry,
};
use chrono::{DateTime, NaiveDate, Utc};

/// Why an input was refused. The message is for a person; the UI translates by variant.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum InputError {
    /// Not a number.
    #[error("\"{0}\" is not a number; write digits, with a comma or a point for decimals (12,5)")]
    NotANumber(String),
    /// Not a date.
    #[error("\"{0}\" is not a date; write it as 2026-11-23 or 23/11/2026")]
    NotADate(String),
    /// A title or a text that must not be empty.
    #[error("the {0} is empty; write a few words")]
    Empty(&'static str),
    /// The section does not hold this kind of entry.
    #[error("section `{section}` is not a section of kind {kind}")]
    WrongSection {
        /// The section named.
        section: String,
        /// The kind expected.
        kind: &'static str,
    },
    /// No such section on the board.
    #[error("board `{board}` has no section `{section}`")]
    NoSection {
        /// The board.
        board: String,
        /// The section named.
        section: String,
    },
    /// A value out of its range.
    #[error("{0}")]
    OutOfRange(String),
    /// A client code that looks like a person's name.
    #[error("\"{0}\" looks like a name; write a client code only, never a name")]
    LooksLikeAName(String),
    /// A text longer than an entry holds.
    #[error("{0}; shorten it")]
    TooLong(#[from] super::change::TooLong),
}

/// Reads a number as people type it: "12", "12.5", "12,5", " 7 ".
pub fn parse_number(text: &str) -> Result<f64, InputError> {
    let cleaned: String = text
        .trim()
        .replace([' ', '\u{a0}', '\u{202f}'], "")
        .replace(',', ".");
    match cleaned.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n),
        _ => Err(InputError::NotANumber(text.trim().to_owned())),
    }
}

/// Reads a date as people and spreadsheets write it: `2026-11-23`, `23/11/2026` (day first, as
/// in Québec), `2026/11/23`, or a date and a time (`2026-11-23 00:00:00`, `2026-11-23T08:00`),
/// of which the date is kept. The one reader of dates for board files, the command line and
/// CSV feeds.
pub fn parse_date(text: &str) -> Result<NaiveDate, InputError> {
    let t = text.trim();
    // "2026-11-21 00:00:00" and "2026-11-21T00:00": the date is the first ten characters.
    let head = match (t.get(..10), t.get(10..11)) {
        (Some(head), Some(" " | "T")) => head,
        _ => t,
    };
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(head, "%d/%m/%Y"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y/%m/%d"))
        .map_err(|_| InputError::NotADate(crate::disk::excerpt(t, 40)))
}

/// A text that must say something.
pub fn non_empty(text: &str, what: &'static str) -> Result<String, InputError> {
    let t = text.trim();
    if t.is_empty() {
        Err(InputError::Empty(what))
    } else {
        Ok(t.to_owned())
    }
}

/// Two or more words that each start with a capital and go on in small letters ("Jean
/// Tremblay", "Marie-Ève Roy"): that is a name, and names do not belong on a hallway screen,
/// in the shared folder or in a snapshot sent up. A client is known by a code only.
pub fn looks_like_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.clone().any(char::is_lowercase)
                && !w.chars().any(|c| c.is_ascii_digit())
        })
}

/// Status of an action.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ActionStatus {
    /// Not started.
    Todo,
    /// Under way.
    Doing,
    /// Done (closed).
    Done,
    /// Dropped (closed).
    Cancelled,
}

impl ActionStatus {
    /// All statuses, in the order a tap cycles through the open ones.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Todo,
        ActionStatus::Doing,
        ActionStatus::Done,
        ActionStatus::Cancelled,
    ];

    /// Stored name.
    pub fn name(self) -> &'static str {
        match self {
            ActionStatus::Todo => "todo",
            ActionStatus::Doing => "doing",
            ActionStatus::Done => "done",
            ActionStatus::Cancelled => "cancelled",
        }
    }

    /// Reads a stored name.
    pub fn from_name(name: &str) -> Option<Self> {
        ActionStatus::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether the action is closed.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Cancelled)
    }
}

/// Where an escalation lives: its record, and the board and section that raised it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EscalationRef {
    /// Record id.
    pub id: String,
    /// The board that raised it.
    pub board: String,
    /// The escalations section it was raised in.
    pub section: String,
}

/// Where an escalation stands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum EscalationStatus {
    /// Sent, waiting for the board it was sent to.
    Open,
    /// Taken in hand by the board it was sent to.
    Taken,
    /// Answered; the answer shows on the board that raised it.
    Answered,
    /// Closed by the board that raised it.
    Closed,
}

impl EscalationStatus {
    /// Every status, in the order it goes through them.
    pub const ALL: [EscalationStatus; 4] = [
        EscalationStatus::Open,
        EscalationStatus::Taken,
        EscalationStatus::Answered,
        EscalationStatus::Closed,
    ];

    /// Stored name.
    pub fn name(self) -> &'static str {
        match self {
            EscalationStatus::Open => "open",
            EscalationStatus::Taken => "taken",
            EscalationStatus::Answered => "answered",
            EscalationStatus::Closed => "closed",
        }
    }

    /// Reads a stored name.
    pub fn from_name(name: &str) -> Option<Self> {
        EscalationStatus::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether an answer is still awaited.
    pub fn awaits_answer(self) -> bool {
        matches!(self, EscalationStatus::Open | EscalationStatus::Taken)
    }
}

/// What a day of the safety cross records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SafetyLevel {
    /// Not recorded (yet).
    Unrecorded,
    /// No safety event.
    None,
    /// A minor event.
    Minor,
    /// A serious event.
    Serious,
}

impl SafetyLevel {
    /// In the order a tap cycles through them.
    pub const ALL: [SafetyLevel; 4] = [
        SafetyLevel::Unrecorded,
        SafetyLevel::None,
        SafetyLevel::Minor,
        SafetyLevel::Serious,
    ];

    /// Stored name.
    pub fn name(self) -> &'static str {
        match self {
            SafetyLevel::Unrecorded => "unrecorded",
            SafetyLevel::None => "none",
            SafetyLevel::Minor => "minor",
            SafetyLevel::Serious => "serious",
        }
    }

    /// Reads a stored name.
    pub fn from_name(name: &str) -> Option<Self> {
        SafetyLevel::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Everything a person can do to a board's entries.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// An indicator's value for a date.
    SetValue { date: NaiveDate, value: f64 },
    /// A new action.
    AddAction {
        title: String,
        owner: Option<String>,
        due: Option<NaiveDate>,
    },
    /// An action's status.
    SetActionStatus { id: String, status: ActionStatus },
    /// A new idea in the first column.
    AddIdea {
        title: String,
        by: Option<String>,
        column: String,
    },
    /// An idea moved to a column.
    MoveIdea { id: String, column: String },
    /// A problem raised to the parent board (`to`), with the date an answer is expected by.
    RaiseEscalation {
        title: String,
        why: String,
        to: Option<String>,
        due: Option<NaiveDate>,
    },
    /// The board an escalation was sent to takes it in hand.
    TakeEscalation { at: EscalationRef, by: String },
    /// The board holding an escalation answers it; the answer goes back down with it.
    AnswerEscalation {
        at: EscalationRef,
        by: String,
        text: String,
    },
    /// The board holding an escalation sends it one level up (`to`), keeping its route.
    ForwardEscalation {
        at: EscalationRef,
        to: String,
        route: Vec<String>,
        due: Option<NaiveDate>,
    },
    /// The team that raised an escalation closes it (the answer settles it).
    CloseEscalation { at: EscalationRef },
    /// One anonymous mood vote (0 saddest … 4 happiest).
    Vote { date: NaiveDate, face: u8 },
    /// A member is, or is not, at a day's huddle.
    SetPresent {
        date: NaiveDate,
        member: String,
        present: bool,
    },
    /// A new client status sheet.
    AddClient {
        code: String,
        stage: String,
        since: NaiveDate,
        next_step: String,
        owner: Option<String>,
    },
    /// A client moved to a stage.
    MoveClient {
        id: String,
        stage: String,
        since: NaiveDate,
    },
    /// An announcement or recognition.
    AddNote {
        text: String,
        recognition: bool,
        expires: Option<NaiveDate>,
    },
    /// A change the team tested on an indicator, from the day it began.
    MarkChange {
        date: NaiveDate,
        label: String,
        idea: Option<String>,
    },
    /// A day of the safety cross.
    SetSafety {
        date: NaiveDate,
        level: SafetyLevel,
        note: Option<String>,
    },
    /// Keeps the record of a huddle (at its start, as it goes, and at its end).
    SaveHuddle {
        id: String,
        record: Box<super::huddle::HuddleRecord>,
    },
    /// Corrects an entry as typed (a mistyped title, the wrong owner or due date…): the fields
    /// that changed, with their new values, `null` clearing one (see [`Edit::correct`]).
    Correct {
        id: String,
        kind: EntryKind,
        fields: super::change::Fields,
    },
    /// Removes an entry.
    Remove { id: String, kind: EntryKind },
}

impl Edit {
    /// The correction that turns the entry `id` from `before` into `after`: only the fields that
    /// differ, so that what another kiosk changed meanwhile in another field stands (merge is
    /// per field), and the entry keeps its id, its place and its history. A field `after`
    /// leaves out is cleared.
    pub fn correct<E: Entry>(id: &str, before: &E, after: &E) -> Edit {
        Edit::correct_fields(id, E::KIND, &before.to_fields(), &after.to_fields())
    }

    /// [`Edit::correct`] of an entry of `kind` whose fields, as [`Entry::to_fields`] writes
    /// them, go from `before` to `after`.
    pub fn correct_fields(
        id: &str,
        kind: EntryKind,
        before: &super::change::Fields,
        after: &super::change::Fields,
    ) -> Edit {
        let mut fields: super::change::Fields = after
            .iter()
            .filter(|(name, value)| before.get(*name) != Some(*value))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        for name in before.keys().filter(|name| !after.contains_key(*name)) {
            fields.insert(name.clone(), serde_json::Value::Null);
        }
        Edit::Correct {
            id: id.to_owned(),
            kind,
            fields,
        }
    }

    /// Whether the edit leaves everything as it is: a correction where nothing was changed.
    pub fn changes_nothing(&self) -> bool {
        matches!(self, Edit::Correct { fields, .. } if fields.is_empty())
    }

    /// The edit with an indicator's value dated on the first day of its period (see
    /// [`super::calendar::period_start`]) when `section` of `board` is a weekly or monthly
    /// indicator; any other edit as it is.
    pub fn in_period_of(self, board: &super::Board, section: &str) -> Edit {
        match (self, board.section(section).map(|s| &s.kind)) {
            (Edit::SetValue { date, value }, Some(super::SectionKind::Indicator(spec))) => {
                Edit::SetValue {
                    date: super::calendar::period_start(spec.frequency, date),
                    value,
                }
            }
            (edit, _) => edit,
        }
    }

    /// The kind of entry the edit touches.
    pub fn kind(&self) -> EntryKind {
        match self {
            Edit::SetValue { .. } => EntryKind::Value,
            Edit::AddAction { .. } | Edit::SetActionStatus { .. } => EntryKind::Action,
            Edit::AddIdea { .. } | Edit::MoveIdea { .. } => EntryKind::Idea,
            Edit::RaiseEscalation { .. }
            | Edit::TakeEscalation { .. }
            | Edit::AnswerEscalation { .. }
            | Edit::ForwardEscalation { .. }
            | Edit::CloseEscalation { .. } => EntryKind::Escalation,
            Edit::Vote { .. } => EntryKind::Mood,
            Edit::SetPresent { .. } => EntryKind::Attendance,
            Edit::AddClient { .. } | Edit::MoveClient { .. } => EntryKind::Client,
            Edit::AddNote { .. } => EntryKind::Note,
            Edit::MarkChange { .. } => EntryKind::Tested,
            Edit::SetSafety { .. } => EntryKind::Safety,
            Edit::SaveHuddle { .. } => EntryKind::Huddle,
            Edit::Remove { kind, .. } | Edit::Correct { kind, .. } => *kind,
        }
    }

    /// The change that carries out this edit on `section` of `board`.
    ///
    /// Records that exist once per day and place (a value, a day of the cross, one member's
    /// attendance) get an id made from that place, so that two kiosks entering the same day's
    /// value edit one record rather than making two.
    pub fn into_change(
        self,
        board: &str,
        section: &str,
        author: &str,
        origin: Origin,
        at: DateTime<Utc>,
    ) -> Result<Change, InputError> {
        let kind = self.kind();
        let fresh = new_id;
        // An escalation is one record, kept on the board that raised it: the boards above
        // write to that record where it lives.
        let (board, section) = match &self {
            Edit::TakeEscalation { at, .. }
            | Edit::AnswerEscalation { at, .. }
            | Edit::ForwardEscalation { at, .. }
            | Edit::CloseEscalation { at } => (at.board.clone(), at.section.clone()),
            _ => (board.to_owned(), section.to_owned()),
        };
        let (record, op) = match self {
            Edit::SetValue { date, value } => (
                format!("value/{board}/{section}/{date}"),
                put(ValueEntry {
                    date: Some(date),
                    value: Some(value),
                }),
            ),
            Edit::AddAction { title, owner, due } => (
                fresh(),
                put(ActionEntry {
                    title: Some(non_empty(&title, "action")?),
                    owner,
                    due,
                    status: Some(ActionStatus::Todo),
                }),
            ),
            Edit::SetActionStatus { id, status } => (
                id,
                put(ActionEntry {
                    status: Some(status),
                    ..ActionEntry::default()
                }),
            ),
            Edit::AddIdea { title, by, column } => (
                fresh(),
                put(IdeaEntry {
                    title: Some(non_empty(&title, "idea")?),
                    by,
                    column: Some(column),
                }),
            ),
            Edit::MoveIdea { id, column } => (
                id,
                put(IdeaEntry {
                    column: Some(column),
                    ..IdeaEntry::default()
                }),
            ),
            Edit::RaiseEscalation {
                title,
                why,
                to,
                due,
            } => (
                fresh(),
                put(EscalationEntry {
                    title: Some(non_empty(&title, "escalation")?),
                    why: Some(non_empty(&why, "reason")?),
                    route: Some(to.iter().cloned().collect()),
                    to,
                    due,
                    status: Some(EscalationStatus::Open),
                    ..EscalationEntry::default()
                }),
            ),
            Edit::TakeEscalation { at: r, by } => (
                r.id,
                put(EscalationEntry {
                    status: Some(EscalationStatus::Taken),
                    taken_by: Some(by),
                    ..EscalationEntry::default()
                }),
            ),
            Edit::AnswerEscalation { at: r, by, text } => (
                r.id,
                put(EscalationEntry {
                    status: Some(EscalationStatus::Answered),
                    answer: Some(non_empty(&text, "answer")?),
                    answered_by: Some(by),
                    answered_at: Some(at),
                    ..EscalationEntry::default()
                }),
            ),
            Edit::ForwardEscalation {
                at: r,
                to,
                route,
                due,
            } => (
                r.id,
                Op::Put(
                    EscalationEntry {
                        status: Some(EscalationStatus::Open),
                        to: Some(to),
                        route: Some(route),
                        due,
                        ..EscalationEntry::default()
                    }
                    .forwarded_fields(),
                ),
            ),
            Edit::CloseEscalation { at: r } => (
                r.id,
                put(EscalationEntry {
                    status: Some(EscalationStatus::Closed),
                    ..EscalationEntry::default()
                }),
            ),
            Edit::Vote { date, face } => {
                if face > 4 {
                    return Err(InputError::OutOfRange(format!(
                        "a mood face is 0 to 4, not {face}"
                    )));
                }
                (
                    fresh(),
                    put(MoodEntry {
                        date: Some(date),
                        face: Some(face),
                    }),
                )
            }
            Edit::SetPresent {
                date,
                member,
                present,
            } => (
                format!("attendance/{board}/{date}/{member}"),
                put(AttendanceEntry {
                    date: Some(date),
                    member: Some(member),
                    present: Some(present),
                }),
            ),
            Edit::AddClient {
                code,
                stage,
                since,
                next_step,
                owner,
            } => (
                fresh(),
                put(ClientEntry {
                    code: Some(client_code(&code)?),
                    stage: Some(stage),
                    since: Some(since),
                    next_step: Some(next_step.trim().to_owned()),
                    owner,
                }),
            ),
            Edit::MoveClient { id, stage, since } => (
                id,
                put(ClientEntry {
                    stage: Some(stage),
                    since: Some(since),
                    ..ClientEntry::default()
                }),
            ),
            Edit::AddNote {
                text,
                recognition,
                expires,
            } => (
                fresh(),
                put(NoteEntry {
                    text: Some(non_empty(&text, "note")?),
                    recognition: Some(recognition),
                    expires,
                }),
            ),
            Edit::MarkChange { date, label, idea } => (
                fresh(),
                put(TestedEntry {
                    date: Some(date),
                    label: Some(non_empty(&label, "change")?),
                    idea,
                }),
            ),
            Edit::SetSafety { date, level, note } => (
                format!("safety/{board}/{section}/{date}"),
                put(SafetyEntry {
                    date: Some(date),
                    level: Some(level),
                    note,
                }),
            ),
            Edit::SaveHuddle { id, record } => (id, Op::Put(record.to_fields())),
            Edit::Correct { id, kind, fields } => (id, Op::Put(corrected(kind, fields)?)),
            Edit::Remove { id, .. } => (id, Op::Delete),
        };
        let change = Change {
            id: new_id(),
            board,
            section,
            record,
            kind,
            op,
            author: author.to_owned(),
            at,
            origin,
            undoes: None,
        };
        match change.check() {
            Ok(()) => Ok(change),
            Err(super::change::Refused::TooLong(long)) => Err(InputError::TooLong(long)),
            Err(super::change::Refused::ClientName(code)) => Err(InputError::LooksLikeAName(code)),
        }
    }
}

/// A client code as typed, refused when empty (a name is refused by [`Change::check`]).
fn client_code(code: &str) -> Result<String, InputError> {
    non_empty(code, "client code")
}

/// A correction's fields as they are stored: texts trimmed, an emptied text cleared, and
/// refused when the entry cannot be without it (an action's title, a client's code…).
fn corrected(
    kind: EntryKind,
    fields: super::change::Fields,
) -> Result<super::change::Fields, InputError> {
    use serde_json::Value;
    fields
        .into_iter()
        .map(|(name, value)| {
            let value = match value {
                Value::String(text) if text.trim().is_empty() => Value::Null,
                Value::String(text) => Value::String(text.trim().to_owned()),
                other => other,
            };
            match (value.is_null(), required(kind, &name)) {
                (true, Some(what)) => Err(InputError::Empty(what)),
                _ => Ok((name, value)),
            }
        })
        .collect()
}

/// What a field an entry cannot be without is called in messages, if `name` is one.
fn required(kind: EntryKind, name: &str) -> Option<&'static str> {
    Some(match (kind, name) {
        (EntryKind::Action, "title") => "action",
        (EntryKind::Idea, "title") => "idea",
        (EntryKind::Note, "text") => "note",
        (EntryKind::Client, "code") => "client code",
        (EntryKind::Client, "stage") => "stage",
        (EntryKind::Client, "since") => "date",
        (EntryKind::Escalation, "title") => "escalation",
        (EntryKind::Escalation, "why") => "reason",
        (EntryKind::Tested, "label") => "change",
        (EntryKind::Tested | EntryKind::Value, "date") => "date",
        _ => return None,
    })
}

fn put(entry: impl Entry) -> Op {
    Op::Put(entry.to_fields())
}

/// Fills what a new escalation leaves out: it goes to the board's parent, and its answer is
/// due after the section's answer delay, in working days.
pub fn complete_escalation(
    board: &super::board::Board,
    section: &str,
    to: &mut Option<String>,
    due: &mut Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) {
    if to.is_none() {
        to.clone_from(&board.parent);
    }
    if due.is_none()
        && let Some(super::board::SectionKind::Escalations { answer_within_days }) =
            board.section(section).map(|s| &s.kind)
    {
        *due = Some(super::calendar::add_working_days(
            today,
            *answer_within_days,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(parse_number("12"), Ok(12.0));
        assert_eq!(parse_number(" 12,5 "), Ok(12.5));
        assert_eq!(parse_number("1 250,5"), Ok(1250.5));
        assert_eq!(
            parse_number("douze"),
            Err(InputError::NotANumber("douze".into()))
        );
        assert!(parse_number("").is_err());
        assert!(parse_number("NaN").is_err());
    }

    #[test]
    fn dates_read_as_people_and_spreadsheets_write_them() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23);
        for text in [
            "2026-11-23",
            " 23/11/2026 ",
            "2026/11/23",
            "2026-11-23 00:00:00",
            "2026-11-23T08:30",
        ] {
            assert_eq!(parse_date(text).ok(), day, "{text}");
        }
        assert_eq!(
            parse_date("11/23/2026"),
            Err(InputError::NotADate("11/23/2026".into()))
        );
        assert!(parse_date("demain").is_err());
    }

    #[test]
    fn empty_titles_are_refused() {
        let edit = Edit::AddAction {
            title: "  ".into(),
            owner: None,
            due: None,
        };
        assert_eq!(
            edit.into_change("b", "s", "x", Origin::Cli, Utc::now()),
            Err(InputError::Empty("action"))
        );
    }

    #[test]
    fn one_record_per_day_for_values() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let a =
            Edit::SetValue { date, value: 1.0 }.into_change("b", "s", "x", Origin::Cli, Utc::now());
        let b = Edit::SetValue { date, value: 2.0 }.into_change(
            "b",
            "s",
            "y",
            Origin::Screen,
            Utc::now(),
        );
        let (a, b) = (a.ok().map(|c| c.record), b.ok().map(|c| c.record));
        assert_eq!(a, b);
        assert_eq!(a.as_deref(), Some("value/b/s/2026-11-23"));
    }
}
