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

/// A new change id.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
