//! Typed entries: what each kind of record holds, one struct per kind, read from and written
//! to a record's fields through serde.
//!
//! A record is stored as named fields so that two kiosks editing different fields of one entry
//! both keep their edit (merge is per field). Everything outside `model` and `store` reads and
//! writes entries through these structs, never by a field's name.
//!
//! Reading is lenient, field by field: a field that is missing, `null`, of the wrong type (a
//! broken or hostile peer), or an empty text reads as `None` and the rest of the entry still
//! reads. Writing puts only the fields that are `Some`, so an edit that moves one field writes
//! that field alone.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::change::{EntryKind, Fields};
use super::edit::{ActionStatus, EscalationStatus, SafetyLevel};

/// What every entry struct shares.
pub trait Entry: Serialize + for<'de> Deserialize<'de> + Default {
    /// The kind of record the struct reads.
    const KIND: EntryKind;

    /// The entry a record's fields hold; what is missing or unreadable is `None`.
    fn from_fields(fields: &Fields) -> Self {
        read(fields).unwrap_or_default()
    }

    /// The fields to put: every field that is `Some`.
    fn to_fields(&self) -> Fields {
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map.into_iter().collect(),
            _ => Fields::new(),
        }
    }
}

/// A type a field can hold, read leniently.
pub trait FieldValue: Sized {
    /// The value, if `value` holds one.
    fn read(value: Value) -> Option<Self>;
}

impl FieldValue for String {
    fn read(value: Value) -> Option<Self> {
        match value {
            Value::String(s) if !s.is_empty() => Some(s),
            _ => None,
        }
    }
}

macro_rules! field_via_serde {
    ($($ty:ty),* $(,)?) => {$(
        impl FieldValue for $ty {
            fn read(value: Value) -> Option<Self> {
                serde_json::from_value(value).ok()
            }
        }
    )*};
}

field_via_serde!(
    NaiveDate,
    DateTime<Utc>,
    f64,
    u8,
    bool,
    Vec<String>,
    ActionStatus,
    EscalationStatus,
    SafetyLevel,
);

fn lenient<'de, D: Deserializer<'de>, T: FieldValue>(d: D) -> Result<Option<T>, D::Error> {
    Ok(T::read(Value::deserialize(d)?))
}

/// Declares an entry struct: every field optional, read leniently, written when `Some`.
macro_rules! entry {
    ($(#[$meta:meta])* $name:ident ($kind:ident) {
        $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(
                    default,
                    deserialize_with = "lenient",
                    skip_serializing_if = "Option::is_none"
                )]
                pub $field: Option<$ty>,
            )*
        }

        impl Entry for $name {
            const KIND: EntryKind = EntryKind::$kind;
        }
    };
}

entry!(
    /// An indicator's value for one period.
    ValueEntry(Value) {
        /// The period's date.
        date: NaiveDate,
        /// The value.
        value: f64,
    }
);

entry!(
    /// An action of the action plan.
    ActionEntry(Action) {
        /// What is to be done.
        title: String,
        /// Who does it.
        owner: String,
        /// By when.
        due: NaiveDate,
        /// Where it stands (to do when missing).
        status: ActionStatus,
    }
);

entry!(
    /// An improvement idea.
    IdeaEntry(Idea) {
        /// The idea.
        title: String,
        /// Who proposed it.
        by: String,
        /// The column it stands in.
        column: String,
    }
);

entry!(
    /// A problem raised to a board above: one record that every level writes to.
    EscalationEntry(Escalation) {
        /// The problem.
        title: String,
        /// Why the team cannot solve it alone.
        why: String,
        /// The boards it was sent to, in order.
        route: Vec<String>,
        /// The board that holds it now.
        to: String,
        /// The date an answer is expected by.
        due: NaiveDate,
        /// Where it stands (open when missing).
        status: EscalationStatus,
        /// The board that took it in hand.
        taken_by: String,
        /// The answer.
        answer: String,
        /// The board that answered.
        answered_by: String,
        /// When it was answered.
        answered_at: DateTime<Utc>,
    }
);

entry!(
    /// One anonymous mood vote.
    MoodEntry(Mood) {
        /// The day.
        date: NaiveDate,
        /// 0 saddest … 4 happiest.
        face: u8,
    }
);

entry!(
    /// One member's presence at a day's huddle.
    AttendanceEntry(Attendance) {
        /// The day.
        date: NaiveDate,
        /// The member.
        member: String,
        /// Present or not.
        present: bool,
    }
);

entry!(
    /// A client's status sheet on the service trajectory (a code, never a name).
    ClientEntry(Client) {
        /// The client's code.
        code: String,
        /// The stage of the trajectory.
        stage: String,
        /// Since when at this stage.
        since: NaiveDate,
        /// The next step.
        next_step: String,
        /// Who carries the next step.
        owner: String,
    }
);

entry!(
    /// An announcement or a recognition.
    NoteEntry(Note) {
        /// The text.
        text: String,
        /// A recognition (a thank-you) rather than an announcement.
        recognition: bool,
        /// The last day it shows.
        expires: NaiveDate,
    }
);

entry!(
    /// A change the team tested on an indicator, marked on its chart.
    TestedEntry(Tested) {
        /// The day the change began.
        date: NaiveDate,
        /// What was changed.
        label: String,
        /// The improvement idea it came from.
        idea: String,
    }
);

entry!(
    /// A day of the safety cross.
    SafetyEntry(Safety) {
        /// The day.
        date: NaiveDate,
        /// What the day records.
        level: SafetyLevel,
        /// A word on the event.
        note: String,
    }
);

/// Just the day of an entry made for a day (a value, a vote, a day of the cross, a presence,
/// a huddle).
#[derive(Default, Deserialize)]
struct Dated {
    #[serde(default, deserialize_with = "lenient")]
    date: Option<NaiveDate>,
}

/// The day an entry is for, when it is made for a day rather than at a moment.
pub fn day_of(fields: &Fields) -> Option<NaiveDate> {
    read::<Dated>(fields).ok().and_then(|d| d.date)
}

/// Deserialises a struct straight from a record's fields, without copying them into a map.
fn read<T: for<'de> Deserialize<'de>>(fields: &Fields) -> Result<T, serde_json::Error> {
    use serde::de::value::MapDeserializer;
    let pairs = fields.iter().map(|(k, v)| (k.as_str(), v));
    T::deserialize(MapDeserializer::<_, serde_json::Error>::new(pairs))
}

impl EscalationEntry {
    /// The fields of an escalation sent on: its taken-by is cleared, as the board it goes to
    /// has not taken it yet.
    pub fn forwarded_fields(&self) -> Fields {
        let mut fields = self.to_fields();
        fields.insert("taken_by".to_owned(), Value::Null);
        fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(value: Value) -> Fields {
        serde_json::from_value(value).unwrap_or_default()
    }

    #[test]
    fn an_entry_reads_back_what_it_wrote() {
        let action = ActionEntry {
            title: Some("Rappeler la pharmacie".into()),
            owner: None,
            due: NaiveDate::from_ymd_opt(2026, 12, 4),
            status: Some(ActionStatus::Doing),
        };
        let written = action.to_fields();
        assert_eq!(
            written,
            fields(
                json!({"title": "Rappeler la pharmacie", "due": "2026-12-04", "status": "doing"})
            )
        );
        assert_eq!(ActionEntry::from_fields(&written), action);
    }

    #[test]
    fn a_broken_field_leaves_the_rest_readable() {
        let read = ValueEntry::from_fields(&fields(json!({"date": "2026-11-23", "value": "lots"})));
        assert_eq!(read.date, NaiveDate::from_ymd_opt(2026, 11, 23));
        assert_eq!(read.value, None);
        let read = IdeaEntry::from_fields(&fields(
            json!({"title": 12, "by": "", "column": "À l'essai"}),
        ));
        assert_eq!(read.title, None, "a number is not a title");
        assert_eq!(read.by, None, "an empty text is no text");
        assert_eq!(read.column.as_deref(), Some("À l'essai"));
        let read =
            SafetyEntry::from_fields(&fields(json!({"date": "23/11/2026", "level": "grave"})));
        assert_eq!(read, SafetyEntry::default());
    }

    #[test]
    fn a_whole_number_is_a_value_and_a_face_out_of_range_is_not_a_face() {
        let read = ValueEntry::from_fields(&fields(json!({"value": 19})));
        assert_eq!(read.value, Some(19.0));
        let read = MoodEntry::from_fields(&fields(json!({"face": 300})));
        assert_eq!(read.face, None);
    }

    #[test]
    fn a_forwarded_escalation_clears_who_took_it() {
        let sent = EscalationEntry {
            to: Some("direction".into()),
            status: Some(EscalationStatus::Open),
            ..EscalationEntry::default()
        }
        .forwarded_fields();
        assert_eq!(sent.get("taken_by"), Some(&Value::Null));
        assert_eq!(sent.get("status"), Some(&json!("open")));
        assert!(!sent.contains_key("answer"));
    }
}
