//! Snapshots for the next level: what a board shows, frozen at one moment, as a versioned JSON
//! file (documented in `docs/snapshot.md`, its JSON Schema in `docs/snapshot.schema.json`) and
//! a standalone HTML page. The parent board's kiosks read the latest one of each board below.
//!
//! Architecture invariant: this module is the file format, and knows nothing of how a board is
//! viewed (a snapshot is built from a board's view by [`crate::view::snapshot`], and the view
//! of the boards below reads snapshots: one direction only); no SQL, no egui; files are written
//! once and never overwritten, and reading one that is half synced or from a newer program
//! gives an error, never a panic.

pub mod html;
pub mod shelf;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `format` field of every snapshot.
pub const FORMAT: &str = "huddle-snapshot";
/// The version of the snapshot format this program writes. Readers accept any file of this
/// version (fields they do not know are ignored) and refuse a newer one.
pub const VERSION: u32 = 1;
/// The folder, inside the shared folder, where snapshots go: one subfolder per board.
pub const SHARED_DIR: &str = "huddle-snapshots";
/// How many of an indicator's latest values a snapshot keeps.
pub const RECENT_VALUES: usize = 60;
/// How many of the longest waits of a trajectory a snapshot keeps.
pub const LONGEST_WAITS: usize = 5;

/// A board as it stood at one moment, for the level above.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Huddle board snapshot", extend("$id" = "urn:huddle:snapshot:1"))]
pub struct Snapshot {
    /// Always `huddle-snapshot`.
    pub format: String,
    /// Format version: 1.
    pub version: u32,
    /// The board.
    pub board: BoardInfo,
    /// The day the snapshot describes (local date of the board).
    pub date: NaiveDate,
    /// When it was taken (UTC, RFC 3339).
    pub taken_at: DateTime<Utc>,
    /// The kiosk or person that took it.
    pub taken_by: String,
    /// Every indicator of the board, in the board's order.
    pub indicators: Vec<IndicatorSnapshot>,
    /// The action plan: counts, and the open actions.
    pub actions: ActionsSnapshot,
    /// Escalations awaiting an answer: raised by the board, or sent to it from below.
    pub escalations: Vec<EscalationSnapshot>,
    /// The team's mood, anonymous (counts only), when the board has a mood section.
    pub mood: Option<MoodSnapshot>,
    /// Each trajectory section: clients per stage and the longest waits (client codes only).
    pub trajectories: Vec<TrajectorySnapshot>,
    /// The last huddle held at the board.
    pub last_huddle: Option<HuddleSnapshot>,
    /// Huddles held in the last 4 weeks, and the working days in them.
    pub huddles_held: HeldSnapshot,
}

/// Who the board is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BoardInfo {
    /// Board id, as in its file.
    pub id: String,
    /// Title.
    pub title: String,
    /// The team or committee meeting at it.
    pub team: String,
    /// Level: `team`, `manager`, `director`, `steering` or a network's own name.
    pub level: String,
    /// The board its snapshots and escalations go up to.
    pub parent: Option<String>,
    /// The service trajectory it belongs to.
    pub trajectory: Option<String>,
    /// Language of the board: `fr` or `en`.
    pub language: String,
}

pub use crate::model::Status;

/// One value of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Point {
    /// The day (or the first day of the week or month) it is for.
    pub date: NaiveDate,
    /// The value.
    pub value: f64,
}

/// An indicator: its target and its recent values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IndicatorSnapshot {
    /// Section id.
    pub section: String,
    /// Title.
    pub title: String,
    /// Unit shown after values.
    pub unit: String,
    /// Family: `access`, `continuity`, `well-being`, `safety`, `quality`, or none.
    pub category: Option<String>,
    /// `lower` or `higher`: which way is better; `neutral` when neither is.
    pub direction: crate::model::Direction,
    /// `daily`, `weekly` or `monthly`.
    pub frequency: crate::model::Frequency,
    /// Target; absent only for a `neutral` indicator, which may have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Warning threshold.
    pub warning: Option<f64>,
    /// The latest values, oldest first (at most 60).
    pub values: Vec<Point>,
    /// The latest value.
    pub latest: Option<Point>,
    /// Where the latest value stands.
    pub status: Option<Status>,
    /// Median of all the values the board holds.
    pub median: Option<f64>,
    /// Run-chart signals among the recent values.
    pub signals: Vec<SignalSnapshot>,
    /// For an XmR indicator, the reading of its latest value: `common_cause`, `improvement`,
    /// `concern`, `neutral_high` or `neutral_low` (the programme's variation icon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variation: Option<crate::spc::PointType>,
    /// For an XmR indicator with a target: `pass`, `fail` or `inconsistent` (the programme's
    /// assurance icon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assurance: Option<crate::spc::Assurance>,
    /// For an XmR indicator, its chart among the recent values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xmr: Option<XmrSnapshot>,
}

impl IndicatorSnapshot {
    /// Whether its latest value stands out high (H on the variation icon) rather than low.
    pub fn stands_out_high(&self) -> bool {
        self.xmr.as_ref().is_some_and(|x| x.cause.sign() > 0)
    }
}

/// An indicator's XmR chart among its recent values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct XmrSnapshot {
    /// The special cause of the latest value (`above_upl`, `trend_decreasing`…, or
    /// `common_cause`).
    pub cause: crate::spc::SpecialCause,
    /// The phases the recent values belong to, oldest first.
    pub phases: Vec<PhaseSnapshot>,
    /// The special cause and reading of each recent value, by date (as `values`).
    pub points: Vec<ReadingSnapshot>,
    /// The changes tested that began a phase, oldest first.
    pub changes: Vec<ChangeSnapshot>,
}

/// One phase of an XmR chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PhaseSnapshot {
    /// Its first day.
    pub from: NaiveDate,
    /// Its mean (the centre line).
    pub mean: f64,
    /// Its lower process limit; none with a single value.
    pub lower_limit: Option<f64>,
    /// Its upper process limit; none with a single value.
    pub upper_limit: Option<f64>,
    /// Whether it has enough values (12) for its limits to be trusted.
    pub reliable: bool,
}

/// The reading of one value of an XmR chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReadingSnapshot {
    /// The value's day.
    pub date: NaiveDate,
    /// Why it stands out, or `common_cause`.
    pub special_cause: crate::spc::SpecialCause,
    /// What that means for the team.
    pub point_type: crate::spc::PointType,
}

/// A change the team tested.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ChangeSnapshot {
    /// The day it began.
    pub date: NaiveDate,
    /// What was changed.
    pub label: String,
}

/// A run-chart signal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SignalSnapshot {
    /// `shift` (6+ points on one side of the median), `trend` (5+ points one way) or
    /// `astronomical` (one point far from the others).
    pub kind: crate::runchart::SignalKind,
    /// For a shift: `above` or `below` the median; for a trend: `up` or `down`.
    pub way: Option<crate::runchart::SignalWay>,
    /// First day of the signal.
    pub from: NaiveDate,
    /// Last day of the signal.
    pub to: NaiveDate,
    /// Whether it goes on at the latest value.
    pub ongoing: bool,
}

/// The action plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActionsSnapshot {
    /// Open actions.
    pub open: u32,
    /// Open actions past their due date.
    pub overdue: u32,
    /// The open actions, overdue first.
    pub items: Vec<ActionSnapshot>,
}

/// An open action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActionSnapshot {
    /// What.
    pub title: String,
    /// Who.
    pub owner: Option<String>,
    /// By when.
    pub due: Option<NaiveDate>,
    /// `todo` or `doing`.
    pub status: crate::model::ActionStatus,
    /// Past its due date.
    pub overdue: bool,
}

/// Which way an escalation went, seen from the board of the snapshot.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Flow {
    /// Raised by this board.
    Raised,
    /// Received from a board below.
    Received,
}

/// An escalation awaiting an answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EscalationSnapshot {
    /// Escalation id (the same on every board and kiosk).
    pub id: String,
    /// What.
    pub title: String,
    /// Why.
    pub why: String,
    /// `open` or `taken`.
    pub status: crate::model::EscalationStatus,
    /// `raised` by this board, or `received` from a board below.
    pub direction: Flow,
    /// The board that raised it.
    pub from: String,
    /// The board holding it.
    pub to: Option<String>,
    /// When it was raised.
    pub raised_on: NaiveDate,
    /// When an answer is expected.
    pub due: Option<NaiveDate>,
    /// Past its due date without an answer.
    pub late: bool,
}

/// The team's mood, anonymous.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MoodSnapshot {
    /// The day's votes per face, saddest (0) to happiest (4).
    pub today: [u32; 5],
    /// Mean face (0–4) and votes per week, oldest first.
    pub weeks: Vec<MoodWeek>,
}

/// One week of mood votes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MoodWeek {
    /// The Monday of the week.
    pub week: NaiveDate,
    /// Mean face, 0 (saddest) to 4 (happiest).
    pub mean: f64,
    /// Votes.
    pub votes: u32,
}

/// A trajectory section: clients per stage, and the longest waits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TrajectorySnapshot {
    /// Section id.
    pub section: String,
    /// Title.
    pub title: String,
    /// Clients in each stage, in the trajectory's order.
    pub stages: Vec<StageCount>,
    /// The longest waits in a stage, longest first (client codes only, never names).
    pub longest_waits: Vec<Wait>,
}

/// Clients in one stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StageCount {
    /// Stage.
    pub stage: String,
    /// Clients in it.
    pub clients: u32,
}

/// A client's wait in a stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Wait {
    /// Client code.
    pub code: String,
    /// Stage.
    pub stage: String,
    /// Days in it.
    pub days: i64,
}

/// The last huddle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HuddleSnapshot {
    /// The day.
    pub date: NaiveDate,
    /// When it started (local time).
    pub started: NaiveDateTime,
    /// How long it lasted, in minutes.
    pub minutes: i64,
    /// How many attended.
    pub attendees: u32,
    /// Decisions noted, in agenda order.
    pub decisions: Vec<String>,
    /// Titles of the actions created during it.
    pub actions_created: Vec<String>,
    /// Titles of the escalations raised during it.
    pub escalations_raised: Vec<String>,
}

/// How regularly the board meets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HeldSnapshot {
    /// Days with a huddle in the last 28 days.
    pub held: u32,
    /// Working days in those 28 days.
    pub working_days: u32,
}

/// Why a snapshot file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// Not a snapshot, or damaged, or still being copied.
    #[error("{path} is not a Huddle snapshot (or is still being copied): {reason}")]
    Invalid {
        /// File.
        path: PathBuf,
        /// Cause.
        reason: String,
    },
    /// Written by a newer Huddle.
    #[error(
        "{path} is a snapshot of version {found}; this Huddle reads version {VERSION}: install a newer Huddle"
    )]
    TooNew {
        /// File.
        path: PathBuf,
        /// Its version.
        found: u64,
    },
}

/// The JSON Schema of the snapshot format, as kept in `docs/snapshot.schema.json`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Snapshot)).unwrap_or_default()
}

/// What [`write`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The JSON file.
    pub json: PathBuf,
    /// The HTML page.
    pub html: PathBuf,
}

/// The file name of a snapshot, without extension: `<board>-<YYYYMMDD>T<HHMMSS>Z`, so that
/// names sort by time.
pub fn stem(snapshot: &Snapshot) -> String {
    format!(
        "{}-{}",
        snapshot.board.id,
        snapshot.taken_at.format("%Y%m%dT%H%M%SZ")
    )
}

/// Temp files of ours older than this were left by a process that was killed.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(600);

/// Writes the snapshot's JSON file and HTML page into `dir` (made if missing). A file already
/// there is never overwritten: a second snapshot in the same second gets `-2`, `-3`…
pub fn write(snapshot: &Snapshot, dir: &Path) -> std::io::Result<Written> {
    crate::disk::make_own_folder(dir)?;
    crate::disk::remove_stale_temps(dir, STALE_TEMP);
    let json = serde_json::to_vec_pretty(snapshot).map_err(std::io::Error::other)?;
    let page = html::render(snapshot);
    let stem = stem(snapshot);
    for n in 1..1000 {
        let name = if n == 1 {
            stem.clone()
        } else {
            format!("{stem}-{n}")
        };
        let (json_path, html_path) = (
            dir.join(format!("{name}.json")),
            dir.join(format!("{name}.html")),
        );
        if std::fs::symlink_metadata(&json_path).is_ok()
            || std::fs::symlink_metadata(&html_path).is_ok()
        {
            continue;
        }
        // The page first: a reader that finds the JSON finds its page too.
        if !publish_new(&html_path, page.as_bytes())? {
            continue;
        }
        if !publish_new(&json_path, &json)? {
            continue;
        }
        return Ok(Written {
            json: json_path,
            html: html_path,
        });
    }
    Err(std::io::Error::other(format!(
        "{} already holds 999 snapshots of this second",
        dir.display()
    )))
}

/// Publishes `bytes` at `path` unless a file is there: temp file, fsync, then a link that
/// fails if the name is taken (a rename where links are not supported). `false` if taken.
fn publish_new(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let (mut file, temp) = crate::disk::create_temp(dir, false)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    // A link (hard or symbolic) already at `path` makes the link fail: nothing is written
    // through it.
    let result = match std::fs::hard_link(&temp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        // No links on this file system (some network shares): rename, having checked.
        Err(_) if std::fs::symlink_metadata(path).is_err() => {
            std::fs::rename(&temp, path).map(|()| true)
        }
        Err(_) => Ok(false),
    };
    let _ = std::fs::remove_file(&temp);
    crate::disk::sync_folder(dir);
    result
}

/// The largest snapshot file read, in bytes: a board's snapshot is tens of kilobytes, one of
/// a board with hundreds of entries a few hundred. A larger file (another kiosk broken or
/// hostile) is refused before a byte of it is read; so is anything but a regular file (a named
/// pipe would hold the reader forever).
pub const SNAPSHOT_MAX: u64 = 16 << 20;

/// Reads a snapshot file.
pub fn read(path: &Path) -> Result<Snapshot, SnapshotError> {
    let bytes =
        crate::disk::read_bounded(path, SNAPSHOT_MAX, crate::disk::Links::Refuse).map_err(|e| {
            SnapshotError::Io {
                path: path.to_owned(),
                source: match e {
                    crate::disk::ReadError::Io(source) => source,
                    refused => std::io::Error::other(refused.to_string()),
                },
            }
        })?;
    let invalid = |reason: String| SnapshotError::Invalid {
        path: path.to_owned(),
        reason,
    };
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err(invalid(format!("its \"format\" is not \"{FORMAT}\"")));
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(SnapshotError::TooNew {
                path: path.to_owned(),
                found: v,
            });
        }
        _ => return Err(invalid("its \"version\" is missing or unknown".to_owned())),
    }
    serde_json::from_value(value).map_err(|e| invalid(e.to_string()))
}

/// The snapshot files of `board` in `dir/<board>/`, newest first (by name, which sorts by the
/// time taken).
pub fn files_of(dir: &Path, board: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir.join(board)) else {
        return Vec::new();
    };
    let prefix = format!("{board}-");
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix) && !n.starts_with('.'))
        })
        .collect();
    files.sort_by_key(|p| std::cmp::Reverse(sort_key(p)));
    files
}

/// Orders `name-20261123T141033Z-2.json` after `name-20261123T141033Z.json`.
fn sort_key(path: &Path) -> (String, u32) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match stem.rsplit_once('-') {
        Some((base, n)) if n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()) => {
            (base.to_owned(), n.parse().unwrap_or(0))
        }
        _ => (stem, 1),
    }
}

/// The newest readable snapshot of `board` in `dir`: a file still being copied, damaged or
/// from a newer Huddle is passed over for the one before it, and reported.
pub fn latest(dir: &Path, board: &str) -> (Option<(PathBuf, Snapshot)>, Vec<SnapshotError>) {
    let mut problems = Vec::new();
    for path in files_of(dir, board) {
        match read(&path) {
            Ok(s) if s.board.id == board => return (Some((path, s)), problems),
            Ok(s) => problems.push(SnapshotError::Invalid {
                reason: format!("it is the snapshot of `{}`, not of `{board}`", s.board.id),
                path,
            }),
            Err(e) => problems.push(e),
        }
    }
    (None, problems)
}

/// A unit whose latest snapshot is this many working days old (or that has none) stands out.
pub const STALE_AFTER_WORKING_DAYS: i64 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_by_time_then_by_number() {
        let mut names = [
            "b-20261123T090000Z-2.json",
            "b-20261122T090000Z.json",
            "b-20261123T090000Z.json",
            "b-20261123T090000Z-10.json",
        ]
        .map(PathBuf::from);
        names.sort_by_key(|p| std::cmp::Reverse(sort_key(p)));
        assert_eq!(
            names.map(|p| p.to_string_lossy().into_owned()),
            [
                "b-20261123T090000Z-10.json",
                "b-20261123T090000Z-2.json",
                "b-20261123T090000Z.json",
                "b-20261122T090000Z.json",
            ]
        );
    }
}
