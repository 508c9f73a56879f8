//! The local store: every entry of every board and the history of every change, in SQLite.
//!
//! [`Store::apply`] is the one write path: a tap on the screen, a command line, a data feed and
//! (later) another kiosk all hand it a [`Change`], applied in one transaction together with
//! the record's state before it, so that history, "changed by X at 08:52" and undo come from
//! the same table.
//!
//! Architecture invariant: nothing outside this module writes SQL; the UI never sees it.

pub mod backup;
mod merge;
mod peers;
mod schema;

use merge::{is_known, last_stamp, merge};
pub use peers::{FileMark, PeerChanges};

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension as _, params};

use crate::model::{Change, EntryKind, Fields, Op, Origin, Stamp, Stamped, new_id};

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
    /// The database file was replaced or moved away while the kiosk ran (another program's
    /// file copied over it, a restore): nothing is written to it.
    #[error(
        "{path} is no longer the database this kiosk opened ({what}); nothing was written to it. Restart the kiosk once the right file is back; what was typed since is refused, not lost in a foreign file."
    )]
    Replaced {
        /// The database file.
        path: PathBuf,
        /// What showed it.
        what: String,
    },
    /// The disk holding the data folder is full: the store was opened read-only.
    #[error(
        "the disk holding {0} is full: nothing can be saved until space is freed (old files, logs, backups of other programs); what is stored is shown as it was"
    )]
    DiskFull(PathBuf),
    /// A change the model refuses (a text longer than an entry holds, a client's name):
    /// nothing stored.
    #[error("the change was refused: {0}")]
    Refused(#[from] crate::model::Refused),
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
    /// The kiosk it was made on (its device id).
    pub device: String,
}

/// The local SQLite store.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Bumped at every applied change, so that views know when to rebuild.
    version: u64,
    /// This kiosk's device id.
    device: String,
    /// The database file as opened (device and inode), to see it replaced.
    identity: Option<(u64, u64)>,
    /// Opened read-only because the disk holding this data folder is full.
    full: Option<PathBuf>,
}

/// Why an edit was not stored: what was typed is refused, or the store could not write it.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The input is refused (not a number, an empty title, a name for a client…).
    #[error(transparent)]
    Input(#[from] crate::model::InputError),
    /// The store could not write it.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Makes the change an edit asks for and applies it: the one edit → change → store path
    /// of the screen and the command line.
    pub fn apply_edit(
        &mut self,
        edit: crate::model::Edit,
        (board, section): (&str, &str),
        (author, origin): (&str, Origin),
        at: DateTime<Utc>,
    ) -> Result<Change, EditError> {
        let change = edit.into_change(board, section, author, origin, at)?;
        self.apply(&change)?;
        Ok(change)
    }

    /// Checks, before a write, that the file at the database's path is still the one opened
    /// and still a Huddle database: a file moved or copied over it is never written.
    fn check_file(&self) -> Result<(), StoreError> {
        if let Some(dir) = &self.full {
            return Err(StoreError::DiskFull(dir.clone()));
        }
        let Some(path) = &self.path else {
            return Ok(());
        };
        let replaced = |what: String| StoreError::Replaced {
            path: path.clone(),
            what,
        };
        // One open for both looks, so that they are of one file.
        let mut file =
            std::fs::File::open(path).map_err(|e| replaced(format!("it cannot be read: {e}")))?;
        let identity = file
            .metadata()
            .map(|m| identity_of(&m))
            .map_err(|e| replaced(format!("it cannot be read: {e}")))?;
        if self.identity.is_some() && identity != self.identity {
            return Err(replaced("another file was moved to its place".into()));
        }
        // The header's application id (bytes 68 to 71): another program's database marked as
        // its own. A new database's header may not be on disk yet (0): the inode says enough.
        let mut head = [0u8; 72];
        if std::io::Read::read_exact(&mut file, &mut head).is_ok() {
            let id = u32::from_be_bytes([head[68], head[69], head[70], head[71]]);
            if id != 0 && i64::from(id) != schema::APPLICATION_ID {
                return Err(replaced(format!(
                    "its header says application {id:#010x}, not Huddle"
                )));
            }
        }
        Ok(())
    }
    /// Opens (or creates) the store in `data_dir`. A file that is not a Huddle database, or
    /// that a newer Huddle wrote, is refused and left as it is.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::Folder {
            path: data_dir.to_owned(),
            source,
        })?;
        let path = data_dir.join(FILE_NAME);
        // Private at rest: the folder 0700, the database (and so the journal files SQLite makes
        // beside it with its mode) 0600, whatever the umask.
        let private = |p: &Path| {
            crate::disk::make_private(p).map_err(|source| StoreError::Folder {
                path: p.to_owned(),
                source,
            })
        };
        private(data_dir)?;
        crate::disk::create_private(&path).map_err(|source| StoreError::Folder {
            path: path.clone(),
            source,
        })?;

        // A new database being set up by another process at this moment (the kiosk, its sync
        // worker and the command line can start together) answers "busy" to some steps of
        // setting up without waiting: try again for a few seconds.
        let mut tries = 0;
        loop {
            let conn = Connection::open(&path)?;
            match Self::init(conn, Some(path.clone())) {
                // Files of a Huddle database made before they were private (a file that is
                // not ours was refused above and keeps its mode too).
                Ok(store) => {
                    for file in [FILE_NAME, "huddle.sqlite3-wal", "huddle.sqlite3-shm"] {
                        private(&data_dir.join(file))?;
                    }
                    return Ok(store);
                }
                Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)))
                    if e.code == rusqlite::ErrorCode::DatabaseBusy && tries < 50 =>
                {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                Err(e) if disk_is_full(data_dir) => {
                    // A full disk: SQLite cannot even grow its journal files to read. What is
                    // stored is still shown, read-only, until space is freed.
                    tracing::error!("{e}; the database is opened read-only");
                    return Self::open_frozen(&path, data_dir);
                }
                other => return other,
            }
        }
    }

    /// Opens the database read-only as it stands on disk (SQLite's `immutable`: no journal
    /// file is touched), for a disk too full to open it otherwise. Every write is refused with
    /// [`StoreError::DiskFull`].
    fn open_frozen(path: &Path, data_dir: &Path) -> Result<Self, StoreError> {
        let uri = format!(
            "file:{}?immutable=1",
            path.to_string_lossy()
                .replace('%', "%25")
                .replace('?', "%3f")
                .replace('#', "%23")
        );
        let conn = Connection::open_with_flags(
            uri,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                | rusqlite::OpenFlags::SQLITE_OPEN_URI
                | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        schema::check_identity(&conn, path)?;
        let device: String =
            conn.query_row("SELECT value FROM meta WHERE key = 'device'", [], |r| {
                r.get(0)
            })?;
        Ok(Self {
            conn,
            path: Some(path.to_owned()),
            version: 0,
            device,
            identity: file_identity(path).ok().flatten(),
            full: Some(data_dir.to_owned()),
        })
    }

    /// When the store was opened read-only because the disk is full: the data folder.
    pub fn disk_full(&self) -> Option<&Path> {
        self.full.as_deref()
    }

    /// A store in memory, for tests and tools.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Self, StoreError> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        // Before anything reads: another process (the kiosk, its sync worker, the command
        // line) may be writing at this moment.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        schema::check_identity(&conn, &shown)?;
        if path.is_some() {
            // WAL for readers beside the writer; FULL so that a confirmed change survives a
            // power cut, not only a crash.
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // 16 MB of pages kept in memory (SQLite's default is 2 MB): a feed of a million rows
        // touches the change indexes all over, and reading them back from the system for each
        // row costs more than the row itself.
        conn.pragma_update(None, "cache_size", -16_384)?;
        schema::migrate(&mut conn, &shown)?;
        let device: String =
            conn.query_row("SELECT value FROM meta WHERE key = 'device'", [], |r| {
                r.get(0)
            })?;
        let identity = match &path {
            Some(path) => file_identity(path).map_err(|source| StoreError::Folder {
                path: path.clone(),
                source,
            })?,
            None => None,
        };
        Ok(Self {
            conn,
            path,
            version: 0,
            device,
            identity,
            full: None,
        })
    }

    /// Where the database lives (None in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Changes at every change applied through this store, and whenever another connection
    /// (the sync worker, the command line) has written to the database.
    pub fn version(&self) -> u64 {
        let others: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .unwrap_or(0);
        self.version
            .wrapping_add(u64::try_from(others).unwrap_or(0) << 32)
    }

    /// Applies one change made here (the screen, the command line, a feed) in one
    /// transaction: stamps it with this kiosk's clock and next number, stores it with the
    /// record's state before it, then merges it into the record. Applying a change that is
    /// already stored does nothing.
    pub fn apply(&mut self, change: &Change) -> Result<Applied, StoreError> {
        let applied = self.apply_all(std::slice::from_ref(change))?;
        Ok(applied.first().copied().unwrap_or(Applied::AlreadyThere))
    }

    /// Applies many changes made here (a feed's rows) as [`Store::apply`] does, in one
    /// transaction: one flush to disk for all of them rather than one each. All are checked
    /// before any is stored ([`crate::model::Change::check`]): one refused refuses the whole
    /// batch.
    pub fn apply_all(&mut self, changes: &[Change]) -> Result<Vec<Applied>, StoreError> {
        for change in changes {
            change.check()?;
        }
        self.check_file()?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut applied = Vec::with_capacity(changes.len());
        // The clock and the numbering are read inside the write transaction, so that the
        // kiosk, the command line and the sync worker, each with its own connection, never
        // hand out the same number or a stamp behind one already stored.
        let mut seq: i64 = tx.query_row(
            "SELECT coalesce(max(dseq), 0) FROM changes WHERE device = ?1",
            [&self.device],
            |r| r.get(0),
        )?;
        let mut last: Option<Stamp> = None;
        for change in changes {
            if is_known(&tx, &change.id)? {
                applied.push(Applied::AlreadyThere);
                continue;
            }
            let now_ms = u64::try_from(change.at.timestamp_millis()).unwrap_or(0);
            let stamp = Stamp::next(
                last_stamp(&tx, &self.device, now_ms, last.take())?.as_ref(),
                now_ms,
                &self.device,
            );
            seq += 1;
            merge(&tx, change, &stamp, seq)?;
            last = Some(stamp);
            applied.push(Applied::New);
        }
        tx.commit()?;
        if applied.contains(&Applied::New) {
            self.version += 1;
        }
        Ok(applied)
    }

    /// A value kept for this data folder (sync state), if set.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// Keeps a value for this data folder.
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check_file()?;
        self.conn
            .prepare_cached(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = ?2",
            )?
            .execute([key, value])?;
        Ok(())
    }

    /// The records of a board with the stamps that decide them, deleted ones included, in id
    /// order: what two kiosks that have seen the same changes must agree on.
    pub fn merged_state(&self, board: &str) -> Result<Vec<MergedRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, section, kind, fields, stamps, deleted, created_stamp, updated_stamp,
                    created_by, updated_by, created_at, updated_at
             FROM records WHERE board = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([board], |r| {
            Ok(MergedRecord {
                id: r.get(0)?,
                section: r.get(1)?,
                kind: r.get(2)?,
                fields: r.get(3)?,
                stamps: r.get(4)?,
                deleted: r.get(5)?,
                created: format!(
                    "{} {} {}",
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(10)?
                ),
                updated: format!(
                    "{} {} {}",
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(11)?
                ),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Undoes the newest change of `board` made on this kiosk that is not undone yet (and is
    /// not itself an undo), by applying the change that puts its record back as it was.
    /// Another kiosk's changes are left alone: the undo button undoes what was done here.
    /// Returns that change.
    pub fn undo_last(
        &mut self,
        board: &str,
        author: &str,
        origin: Origin,
        at: DateTime<Utc>,
    ) -> Result<Option<Change>, StoreError> {
        let Some(last) = self.last_undoable(board)? else {
            return Ok(None);
        };
        // Only the fields the change set go back, each to what it was (cleared when it had
        // none): what another kiosk changed meanwhile in another field stands.
        let op = match (last.before, &last.change.op) {
            (None, _) => Op::Delete,
            (Some(before), Op::Put(set)) => Op::Put(
                set.keys()
                    .map(|name| {
                        let was = before.get(name).cloned();
                        (name.clone(), was.unwrap_or(serde_json::Value::Null))
                    })
                    .collect(),
            ),
            (Some(before), Op::Delete) => Op::Put(before),
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

    /// The change `undo_last` would undo: the newest of `board` made on this kiosk that is
    /// not undone yet and is not itself an undo.
    pub fn last_undoable(&self, board: &str) -> Result<Option<HistoryEntry>, StoreError> {
        // One row by the board's index, whatever the length of the history: the view asks
        // after every change.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CHANGE_COLUMNS}, device FROM changes
             WHERE board = ?1 AND device = ?2 AND undone_by IS NULL AND undoes IS NULL
             ORDER BY seq DESC LIMIT 1"
        ))?;
        let mut rows = stmt.query_map(params![board, self.device], read_history_entry)?;
        rows.next().transpose()?.transpose()
    }

    /// The changes of a board, newest first.
    pub fn history(&self, board: &str, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        self.changes_newest_first(Some(board), limit)
    }

    /// The changes of every board (`None`) or of one, newest first: the audit trail.
    pub fn changes_newest_first(
        &self,
        board: Option<&str>,
        limit: usize,
    ) -> Result<Vec<HistoryEntry>, StoreError> {
        let filter = if board.is_some() {
            "WHERE board = ?1"
        } else {
            "WHERE ?1 IS NULL"
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CHANGE_COLUMNS}, device FROM changes {filter} ORDER BY seq DESC LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![board, to_i64(limit as u64)], read_history_entry)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }

    /// SQLite's `PRAGMA integrity_check`: empty when the database is intact, else what is
    /// damaged.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            let row = row?;
            if row != "ok" {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// How many changes the store holds.
    pub fn change_count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The live (not deleted) records of a board, oldest first.
    pub fn records(&self, board: &str) -> Result<Vec<Record>, StoreError> {
        self.query_records(
            "SELECT id, board, section, kind, fields, created_at, created_by, updated_at, updated_by
             FROM records WHERE board = ?1 AND deleted = 0 ORDER BY created_at, id",
            board,
        )
    }

    /// The live escalations other boards sent to `board`, now or on their way further up
    /// (they name it in their route), oldest first. Each is one record, kept by the board
    /// that raised it.
    pub fn escalations_to(&self, board: &str) -> Result<Vec<Record>, StoreError> {
        self.query_records(
            "SELECT id, board, section, kind, fields, created_at, created_by, updated_at, updated_by
             FROM records
             WHERE kind = 'escalation' AND deleted = 0 AND board <> ?1
               AND json_valid(fields)
               AND EXISTS (SELECT 1 FROM json_each(records.fields, '$.route') WHERE value = ?1)
             ORDER BY created_at, id",
            board,
        )
    }

    /// The live records of the boards shown with `board`: its own, and the escalations sent
    /// to it.
    pub fn board_records(&self, board: &str) -> Result<Vec<Record>, StoreError> {
        let mut records = self.records(board)?;
        records.extend(self.escalations_to(board)?);
        Ok(records)
    }

    fn query_records(&self, sql: &str, board: &str) -> Result<Vec<Record>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
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

/// A record with the stamps that decide it (for comparing kiosks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedRecord {
    /// Record id.
    pub id: String,
    /// Section.
    pub section: String,
    /// Kind name.
    pub kind: String,
    /// Fields, as stored JSON.
    pub fields: String,
    /// Each field's winning stamp, as stored JSON.
    pub stamps: String,
    /// Whether a deletion won.
    pub deleted: bool,
    /// Creation stamp, author, time.
    pub created: String,
    /// Last change stamp, author, time.
    pub updated: String,
}

/// The columns of a change, in the order `read_change` reads them.
const CHANGE_COLUMNS: &str =
    "id, board, section, record, kind, op, before, author, origin, at, undoes, undone_by";

/// Reads the `CHANGE_COLUMNS` of a row: the outer error is SQL's (the row could not be read),
/// the inner one a bad stored value.
/// A row of `SELECT {CHANGE_COLUMNS}, device` as a history entry.
fn read_history_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<HistoryEntry, StoreError>> {
    let change = read_change(r)?;
    let before: Option<String> = r.get(6)?;
    let undone_by: Option<String> = r.get(11)?;
    let device: String = r.get(12)?;
    Ok((|| {
        let before = before
            .map(|b| serde_json::from_str(&b))
            .transpose()
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(HistoryEntry {
            change: change?,
            before,
            undone_by,
            device,
        })
    })())
}

fn read_change(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Change, StoreError>> {
    let id: String = r.get(0)?;
    let (board, section, record): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
    let (kind, op): (String, String) = (r.get(4)?, r.get(5)?);
    let (author, origin, at): (String, String, String) = (r.get(7)?, r.get(8)?, r.get(9)?);
    let undoes: Option<String> = r.get(10)?;
    let corrupt = |what: &str| StoreError::Corrupt(format!("change {id}: {what}"));
    let parsed = (|| {
        Ok(Change {
            kind: EntryKind::from_name(&kind).ok_or_else(|| corrupt("unknown kind"))?,
            op: serde_json::from_str(&op).map_err(|e| corrupt(&e.to_string()))?,
            origin: Origin::from_name(&origin).ok_or_else(|| corrupt("unknown origin"))?,
            at: parse_time(&at).ok_or_else(|| corrupt("bad time"))?,
            id: id.clone(),
            board,
            section,
            record,
            author,
            undoes,
        })
    })();
    Ok(parsed)
}

/// Whether the disk holding `dir` is full (less than what SQLite needs to open a database:
/// its shared-memory file grows by 32 kB).
pub fn disk_is_full(dir: &Path) -> bool {
    fs4::available_space(dir).is_ok_and(|free| free < 256 << 10)
}

/// A file's device and inode (`None` where the system has no such thing).
fn file_identity(path: &Path) -> std::io::Result<Option<(u64, u64)>> {
    Ok(identity_of(&std::fs::metadata(path)?))
}

/// The device and inode of a file's metadata (`None` where the system has no such thing).
fn identity_of(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
