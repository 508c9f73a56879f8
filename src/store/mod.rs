//! The local store: every entry of every board and the history of every change, in SQLite.
//!
//! [`Store::apply`] is the one write path: a tap on the screen, a command line, a data feed and
//! (later) another kiosk all hand it a [`Change`], applied in one transaction together with
//! the record's state before it, so that history, "changed by X at 08:52" and undo come from
//! the same table.
//!
//! Architecture invariant: nothing outside this module writes SQL; the UI never sees it.

mod schema;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension as _, params};

use crate::model::{Change, EntryKind, Fields, Op, Origin, new_id};

/// The file name of the database in the data folder.
pub const FILE_NAME: &str = "huddle.sqlite3";

/// What can go wrong with the store. Each says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a Huddle database: it is left untouched.
    #[error(
        "{0} is not a Huddle database; it was left untouched. Point --data-dir at another folder, or move the file away."
    )]
    NotHuddle(PathBuf),
    /// The database was written by a newer Huddle: it is left untouched.
    #[error(
        "{path} was written by a newer version of Huddle (schema {found}, this one knows {known}); it was left untouched. Install the newer Huddle."
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest this program knows.
        known: i64,
    },
    /// The data folder cannot be created or written.
    #[error("the data folder {path} cannot be used: {source}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// SQLite said no (disk full, read-only file, corruption…).
    #[error("the database could not be used: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A schema migration failed.
    #[error("the database could not be brought up to date: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// A stored change could not be read back.
    #[error("a stored change could not be read: {0}")]
    Corrupt(String),
}

/// What applying a change did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// The change was new and is now stored.
    New,
    /// The change was already stored; nothing was done.
    AlreadyThere,
}

/// A record as it is now.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Record id.
    pub id: String,
    /// Board.
    pub board: String,
    /// Section.
    pub section: String,
    /// Kind of entry.
    pub kind: EntryKind,
    /// Field values.
    pub fields: Fields,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// Who created it.
    pub created_by: String,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// Who changed it last.
    pub updated_by: String,
}

/// One stored change with what its record was before it.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    /// The change.
    pub change: Change,
    /// The record's fields before the change; `None` if the record did not exist.
    pub before: Option<Fields>,
    /// The change that undid this one, if any.
    pub undone_by: Option<String>,
}

/// The local SQLite store.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Bumped at every applied change, so that views know when to rebuild.
    version: u64,
}

impl Store {
    /// Opens (or creates) the store in `data_dir`. A file that is not a Huddle database, or
    /// that a newer Huddle wrote, is refused and left as it is.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::Folder {
            path: data_dir.to_owned(),
            source,
        })?;
        let path = data_dir.join(FILE_NAME);
        let conn = Connection::open(&path)?;
        Self::init(conn, Some(path))
    }

    /// A store in memory, for tests and tools.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Self, StoreError> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        schema::check_identity(&conn, &shown)?;
        if path.is_some() {
            // WAL for readers beside the writer; FULL so that a confirmed change survives a
            // power cut, not only a crash.
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        schema::migrate(&mut conn, &shown)?;
        Ok(Self {
            conn,
            path,
            version: 0,
        })
    }

    /// Where the database lives (None in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Changes at every applied change.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Applies one change in one transaction: stores it with the record's state before it,
    /// then updates the record. Applying a change that is already stored does nothing.
    pub fn apply(&mut self, change: &Change) -> Result<Applied, StoreError> {
        let tx = self.conn.transaction()?;
        let known: Option<i64> = tx
            .query_row("SELECT seq FROM changes WHERE id = ?1", [&change.id], |r| {
                r.get(0)
            })
            .optional()?;
        if known.is_some() {
            return Ok(Applied::AlreadyThere);
        }
        let current: Option<(String, bool)> = tx
            .query_row(
                "SELECT fields, deleted FROM records WHERE id = ?1",
                [&change.record],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let before: Option<Fields> = match &current {
            Some((json, false)) => {
                Some(serde_json::from_str(json).map_err(|e| StoreError::Corrupt(e.to_string()))?)
            }
            _ => None,
        };
        let at = change.at.to_rfc3339();
        tx.execute(
            "INSERT INTO changes (id, board, section, record, kind, op, before, author, origin, at, undoes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                change.id,
                change.board,
                change.section,
                change.record,
                change.kind.name(),
                json(&change.op)?,
                before.as_ref().map(json).transpose()?,
                change.author,
                change.origin.name(),
                at,
                change.undoes,
            ],
        )?;
        if let Some(undone) = &change.undoes {
            tx.execute(
                "UPDATE changes SET undone_by = ?1 WHERE id = ?2",
                params![change.id, undone],
            )?;
        }
        match &change.op {
            Op::Put(fields) => {
                let mut merged = before.clone().unwrap_or_default();
                merged.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
                if current.is_some() {
                    tx.execute(
                        "UPDATE records SET fields = ?1, deleted = 0, updated_at = ?2, updated_by = ?3 WHERE id = ?4",
                        params![json(&merged)?, at, change.author, change.record],
                    )?;
                } else {
                    tx.execute(
                        "INSERT INTO records (id, board, section, kind, fields, deleted, created_at, created_by, updated_at, updated_by)
                         VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?6, ?7)",
                        params![change.record, change.board, change.section, change.kind.name(), json(&merged)?, at, change.author],
                    )?;
                }
            }
            Op::Delete => {
                tx.execute(
                    "UPDATE records SET deleted = 1, updated_at = ?1, updated_by = ?2 WHERE id = ?3",
                    params![at, change.author, change.record],
                )?;
            }
        }
        tx.commit()?;
        self.version += 1;
        Ok(Applied::New)
    }

    /// Undoes the newest change of `board` that is not undone yet (and is not itself an undo),
    /// by applying the change that puts its record back as it was. Returns that change.
    pub fn undo_last(
        &mut self,
        board: &str,
        author: &str,
        origin: Origin,
        at: DateTime<Utc>,
    ) -> Result<Option<Change>, StoreError> {
        let last = self
            .history(board, 1_000)?
            .into_iter()
            .find(|h| h.undone_by.is_none() && h.change.undoes.is_none());
        let Some(last) = last else { return Ok(None) };
        let op = match last.before {
            Some(before) => Op::Put(before),
            None => Op::Delete,
        };
        let undo = Change {
            id: new_id(),
            board: last.change.board,
            section: last.change.section,
            record: last.change.record,
            kind: last.change.kind,
            op,
            author: author.to_owned(),
            at,
            origin,
            undoes: Some(last.change.id),
        };
        self.apply(&undo)?;
        Ok(Some(undo))
    }

    /// The changes of a board, newest first.
    pub fn history(&self, board: &str, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, board, section, record, kind, op, before, author, origin, at, undoes, undone_by
             FROM changes WHERE board = ?1 ORDER BY seq DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            params![board, i64::try_from(limit).unwrap_or(i64::MAX)],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, Option<String>>(10)?,
                    r.get::<_, Option<String>>(11)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (
                id,
                board,
                section,
                record,
                kind,
                op,
                before,
                author,
                origin,
                at,
                undoes,
                undone_by,
            ) = row?;
            let corrupt = |what: &str| StoreError::Corrupt(format!("change {id}: {what}"));
            let change = Change {
                kind: EntryKind::from_name(&kind).ok_or_else(|| corrupt("unknown kind"))?,
                op: serde_json::from_str(&op).map_err(|e| corrupt(&e.to_string()))?,
                origin: Origin::from_name(&origin).ok_or_else(|| corrupt("unknown origin"))?,
                at: parse_time(&at).ok_or_else(|| corrupt("bad time"))?,
                id,
                board,
                section,
                record,
                author,
                undoes,
            };
            let before = before
                .map(|b| serde_json::from_str(&b))
                .transpose()
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            out.push(HistoryEntry {
                change,
                before,
                undone_by,
            });
        }
        Ok(out)
    }

    /// The live (not deleted) records of a board, oldest first.
    pub fn records(&self, board: &str) -> Result<Vec<Record>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, board, section, kind, fields, created_at, created_by, updated_at, updated_by
             FROM records WHERE board = ?1 AND deleted = 0 ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([board], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, board, section, kind, fields, created_at, created_by, updated_at, updated_by) =
                row?;
            let corrupt = |what: &str| StoreError::Corrupt(format!("record {id}: {what}"));
            out.push(Record {
                kind: EntryKind::from_name(&kind).ok_or_else(|| corrupt("unknown kind"))?,
                fields: serde_json::from_str(&fields).map_err(|e| corrupt(&e.to_string()))?,
                created_at: parse_time(&created_at).ok_or_else(|| corrupt("bad time"))?,
                updated_at: parse_time(&updated_at).ok_or_else(|| corrupt("bad time"))?,
                id,
                board,
                section,
                created_by,
                updated_by,
            });
        }
        Ok(out)
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
