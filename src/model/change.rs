//! A change: the one thing that modifies what a board holds, whatever its origin (a tap, the
//! command line, a data feed, another kiosk). It is plain data with a stable id, so that the
//! store can apply it once, keep it as history, undo it, and later ship it to other kiosks.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

/// The values of a record's fields, by field name.
pub type Fields = BTreeMap<String, serde_json::Value>;

/// What kind of entry a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// An indicator's value for one period.
    Value,
    /// An action of the action plan.
    Action,
    /// An improvement idea.
    Idea,
    /// A problem raised to the next level.
    Escalation,
    /// One anonymous mood vote.
    Mood,
    /// Whether one member was at one day's huddle.
    Attendance,
    /// A client's status sheet on the trajectory.
    Client,
    /// An announcement or a recognition.
    Note,
    /// One day of the safety cross.
    Safety,
    /// The record of one huddle.
    Huddle,
    /// A change the team tested, from the day it began: it starts a new phase of an
    /// indicator's XmR chart.
    Tested,
}

impl EntryKind {
    /// The kind's name, as stored.
    pub fn name(self) -> &'static str {
        match self {
            EntryKind::Value => "value",
            EntryKind::Action => "action",
            EntryKind::Idea => "idea",
            EntryKind::Escalation => "escalation",
            EntryKind::Mood => "mood",
            EntryKind::Attendance => "attendance",
            EntryKind::Client => "client",
            EntryKind::Note => "note",
            EntryKind::Safety => "safety",
            EntryKind::Huddle => "huddle",
            EntryKind::Tested => "tested",
        }
    }

    /// Reads a stored name.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "value" => EntryKind::Value,
            "action" => EntryKind::Action,
            "idea" => EntryKind::Idea,
            "escalation" => EntryKind::Escalation,
            "mood" => EntryKind::Mood,
            "attendance" => EntryKind::Attendance,
            "client" => EntryKind::Client,
            "note" => EntryKind::Note,
            "safety" => EntryKind::Safety,
            "huddle" => EntryKind::Huddle,
            "tested" => EntryKind::Tested,
            _ => return None,
        })
    }
}

/// Where a change was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A tap on the kiosk's screen.
    Screen,
    /// The command line.
    Cli,
    /// A data feed (CSV import).
    Feed,
    /// Another kiosk, through the shared folder.
    Sync,
}

impl Origin {
    /// The origin's name, as stored.
    pub fn name(self) -> &'static str {
        match self {
            Origin::Screen => "screen",
            Origin::Cli => "cli",
            Origin::Feed => "feed",
            Origin::Sync => "sync",
        }
    }

    /// Reads a stored name.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "screen" => Origin::Screen,
            "cli" => Origin::Cli,
            "feed" => Origin::Feed,
            "sync" => Origin::Sync,
            _ => return None,
        })
    }
}

/// What a change does to its record.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Creates the record if needed and sets these fields (others keep their value).
    Put(Fields),
    /// Removes the record (it stays in the history).
    Delete,
}

/// One change to one record of one board.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    /// Stable, unique id (a UUID v7: unique across kiosks, ordered by time).
    pub id: String,
    /// The board the record belongs to.
    pub board: String,
    /// The section the record belongs to.
    pub section: String,
    /// The record changed.
    pub record: String,
    /// What kind of entry the record is.
    pub kind: EntryKind,
    /// What the change does.
    pub op: Op,
    /// Who made it: a team member's name, or the command line's user.
    pub author: String,
    /// When it was made (UTC).
    pub at: DateTime<Utc>,
    /// Where it was made.
    pub origin: Origin,
    /// The change this one undoes, if it is an undo.
    pub undoes: Option<String>,
}

/// A change as it travels between kiosks: the change, its clock stamp (which decides what wins)
/// and its number among the changes of the kiosk that made it (1, 2, 3…; a gap means some are
/// still on their way).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Stamped {
    /// Number among the changes of the kiosk that made it, from 1.
    pub seq: u64,
    /// Clock stamp; its device is the kiosk that made the change.
    pub stamp: super::Stamp,
    /// The change.
    pub change: Change,
}

/// The longest text an entry's field holds, in characters (an action's title, a note, an
/// answer…): a page of text. Longer ones are refused when typed and when they arrive.
pub const TEXT_MAX: usize = 2_000;
/// The longest name (an author, an owner) or identifier (a board, a section, a record, a change
/// id, a field's name), in characters.
pub const NAME_MAX: usize = 200;
/// The most fields one change sets.
pub const FIELDS_MAX: usize = 64;
/// The most items in one field's list (a huddle's attendance, an escalation's route).
pub const LIST_MAX: usize = 500;
/// How deep a field's value nests (lists of objects of lists…).
const DEPTH_MAX: usize = 4;

/// What of a change is too long: the part, its length, and the maximum.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{what} holds {found} where at most {max} are allowed")]
pub struct TooLong {
    /// The part (`field "title"`, `the author`…).
    pub what: String,
    /// Its length (characters, fields, items or levels).
    pub found: usize,
    /// The maximum.
    pub max: usize,
}

/// Why a change is never stored, whoever made it: the screen, the command line, a feed or
/// another kiosk.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// A text, a list or a nesting is longer than an entry holds.
    #[error(transparent)]
    TooLong(#[from] TooLong),
    /// A client's code looks like a person's name: boards hang in corridors.
    #[error("the client code \"{0}\" looks like a person's name, which never goes on a board")]
    ClientName(String),
}

impl Change {
    /// Everything that makes a change refused (see [`Refused`]): the one check of the model,
    /// made when an entry is made, when a change is stored and when one arrives by sync.
    pub fn check(&self) -> Result<(), Refused> {
        self.check_bounds()?;
        if self.kind == EntryKind::Client
            && let Op::Put(fields) = &self.op
            && let Some(code) = fields.get("code").and_then(serde_json::Value::as_str)
            && super::edit::looks_like_a_name(code)
        {
            return Err(Refused::ClientName(crate::disk::excerpt(code, 60)));
        }
        Ok(())
    }

    /// Checks every text of the change against the limits above: a change made here that
    /// breaks one is refused before it is stored, one that arrives from elsewhere is refused
    /// and reported, never stored.
    pub fn check_bounds(&self) -> Result<(), TooLong> {
        let name = |what: &str, text: &str| bounded(what, text.chars().count(), NAME_MAX);
        name("the change id", &self.id)?;
        name("the board id", &self.board)?;
        name("the section id", &self.section)?;
        name("the record id", &self.record)?;
        name("the author", &self.author)?;
        if let Some(undoes) = &self.undoes {
            name("the change undone", undoes)?;
        }
        if let Op::Put(fields) = &self.op {
            bounded("the change's fields", fields.len(), FIELDS_MAX)?;
            for (key, value) in fields {
                name("a field's name", key)?;
                check_value(&format!("field \"{key}\""), value, 0)?;
            }
        }
        Ok(())
    }
}

fn bounded(what: &str, found: usize, max: usize) -> Result<(), TooLong> {
    if found > max {
        return Err(TooLong {
            what: what.to_owned(),
            found,
            max,
        });
    }
    Ok(())
}

fn check_value(what: &str, value: &serde_json::Value, depth: usize) -> Result<(), TooLong> {
    use serde_json::Value as V;
    match value {
        V::String(text) => bounded(what, text.chars().count(), TEXT_MAX),
        V::Array(items) => {
            bounded(&format!("{what}'s nesting"), depth + 1, DEPTH_MAX)?;
            bounded(what, items.len(), LIST_MAX)?;
            items
                .iter()
                .try_for_each(|item| check_value(what, item, depth + 1))
        }
        V::Object(map) => {
            bounded(&format!("{what}'s nesting"), depth + 1, DEPTH_MAX)?;
            bounded(what, map.len(), FIELDS_MAX)?;
            map.iter().try_for_each(|(key, item)| {
                bounded(what, key.chars().count(), NAME_MAX)?;
                check_value(what, item, depth + 1)
            })
        }
        V::Null | V::Bool(_) | V::Number(_) => Ok(()),
    }
}

/// A new change id.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(fields: Fields) -> Change {
        Change {
            id: new_id(),
            board: "b".into(),
            section: "s".into(),
            record: "r".into(),
            kind: EntryKind::Action,
            op: Op::Put(fields),
            author: "Julie".into(),
            at: DateTime::<Utc>::UNIX_EPOCH,
            origin: Origin::Screen,
            undoes: None,
        }
    }

    fn one(key: &str, value: serde_json::Value) -> Fields {
        [(key.to_owned(), value)].into_iter().collect()
    }

    #[test]
    fn every_text_of_a_change_is_bounded() {
        let fits = "é".repeat(TEXT_MAX);
        assert_eq!(
            change(one("title", serde_json::json!(fits))).check_bounds(),
            Ok(())
        );
        let long = change(one("title", serde_json::json!("x".repeat(TEXT_MAX + 1))));
        assert_eq!(
            long.check_bounds(),
            Err(TooLong {
                what: "field \"title\"".into(),
                found: TEXT_MAX + 1,
                max: TEXT_MAX
            })
        );
        let mut author = change(Fields::new());
        author.author = "a".repeat(NAME_MAX + 1);
        assert!(author.check_bounds().is_err());
        let many: Fields = (0..=FIELDS_MAX)
            .map(|i| (format!("f{i}"), serde_json::json!(1)))
            .collect();
        assert!(change(many).check_bounds().is_err());
        let list = serde_json::json!(vec![1; LIST_MAX + 1]);
        assert!(change(one("route", list)).check_bounds().is_err());
        let deep = serde_json::json!([[[[["x"]]]]]);
        assert!(change(one("deep", deep)).check_bounds().is_err());
        let nested_text = serde_json::json!([{ "note": "y".repeat(TEXT_MAX + 1) }]);
        assert!(change(one("agenda", nested_text)).check_bounds().is_err());
    }
}
