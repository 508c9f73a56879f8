//! The local store: every entry of every board and the history of every change, in SQLite.
//!
//! [`Store::apply`] is the one write path: a tap on the screen, a command line, a data feed and
//! (later) another kiosk all hand it a [`Change`], applied in one transaction together with
//! the record's state before it, so that history, "changed by X at 08:52" and undo come from
//! the same table.
//!
//! Architecture invariant: nothing outside this module writes SQL; the UI never sees it.

pub mod backup;
mod schema;

use std::collections::BTreeMap;
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

impl Store {
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

    /// Applies changes that came from other kiosks, in one transaction, together with what
    /// was read of the files they came from (so that a crash never leaves one without the
    /// other). Order does not matter and repeats are skipped: any order of the same changes
    /// gives the same records. Returns how many were new.
    pub fn ingest(
        &mut self,
        changes: &[Stamped],
        files: &[(String, FileMark)],
    ) -> Result<usize, StoreError> {
        self.check_file()?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut new = 0;
        for shipped in changes {
            if is_known(&tx, &shipped.change.id)? {
                continue;
            }
            if shipped.stamp.device == self.device {
                // Only this kiosk makes its own changes: one that arrives under its id is
                // another machine speaking for it, never stored, never published again.
                tracing::warn!(
                    "change {} arrived under this kiosk's own id; refused",
                    crate::disk::excerpt(&shipped.change.id, 40)
                );
                continue;
            }
            let seq = i64::try_from(shipped.seq).unwrap_or(i64::MAX);
            let taken: bool = tx
                .prepare_cached("SELECT 1 FROM changes WHERE device = ?1 AND dseq = ?2")?
                .exists(params![shipped.stamp.device, seq])?;
            if taken {
                // Another change already holds this kiosk's number: two kiosks share one
                // device id. Keep the change (nothing is lost) without a number.
                tracing::warn!(
                    "change {} of device {} reuses number {}",
                    shipped.change.id,
                    shipped.stamp.device,
                    shipped.seq
                );
                merge(&tx, &shipped.change, &shipped.stamp, -seq)?;
            } else {
                merge(&tx, &shipped.change, &shipped.stamp, seq)?;
            }
            new += 1;
        }
        for (path, mark) in files {
            tx.prepare_cached(
                "INSERT INTO sync_files (path, size, modified, lines, complete)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (path) DO UPDATE SET size = ?2, modified = ?3, lines = ?4, complete = ?5",
            )?
            .execute(params![
                path,
                to_i64(mark.size),
                mark.modified,
                to_i64(mark.lines),
                mark.complete
            ])?;
        }
        tx.commit()?;
        if new > 0 {
            self.version += 1;
        }
        Ok(new)
    }

    /// This kiosk's device id, made once per data folder.
    pub fn device(&self) -> &str {
        &self.device
    }

    /// Gives this data folder a new device id, for a kiosk that turned out to share its id
    /// with another (a copied data folder). Changes already made keep the old id.
    pub fn new_device_id(&mut self) -> Result<String, StoreError> {
        let id: String = self
            .conn
            .query_row("SELECT lower(hex(randomblob(8)))", [], |r| r.get(0))?;
        self.set_meta("device", &id)?;
        self.device = id.clone();
        Ok(id)
    }

    /// The changes made on this kiosk numbered after `after`, oldest first, at most `limit`.
    pub fn outbox(&self, after: u64, limit: usize) -> Result<Vec<Stamped>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CHANGE_COLUMNS}, dseq, stamp FROM changes
             WHERE device = ?1 AND dseq > ?2 ORDER BY dseq LIMIT ?3"
        ))?;
        let rows = stmt.query_map(
            params![self.device, to_i64(after), to_i64(limit as u64)],
            |r| {
                Ok((
                    read_change(r)?,
                    r.get::<_, i64>(12)?,
                    r.get::<_, String>(13)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (change, seq, stamp) = row?;
            let change = change?;
            let stamp = Stamp::parse(&stamp).ok_or_else(|| {
                StoreError::Corrupt(format!("change {}: bad stamp {stamp}", change.id))
            })?;
            out.push(Stamped {
                seq: u64::try_from(seq).unwrap_or(0),
                stamp,
                change,
            });
        }
        Ok(out)
    }

    /// The greatest number of a change made on this kiosk (0 before the first).
    pub fn last_own_seq(&self) -> Result<u64, StoreError> {
        let seq: i64 = self.conn.query_row(
            "SELECT coalesce(max(dseq), 0) FROM changes WHERE device = ?1",
            [&self.device],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(seq).unwrap_or(0))
    }

    /// What is stored of each other kiosk's changes.
    pub fn peers(&self) -> Result<Vec<PeerChanges>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT device, count, last_seq, last_stamp FROM device_changes
             WHERE device <> ?1 ORDER BY device",
        )?;
        let rows = stmt.query_map([&self.device], |r| {
            Ok(PeerChanges {
                device: r.get(0)?,
                count: u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                last_seq: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                last_stamp: Stamp::parse(&r.get::<_, String>(3)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The id of this kiosk's change numbered `seq`, if there is one.
    pub fn own_change_id(&self, seq: u64) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM changes WHERE device = ?1 AND dseq = ?2")?
            .query_row(params![self.device, to_i64(seq)], |r| r.get(0))
            .optional()?)
    }

    /// What was read of a shared file, if it was.
    pub fn file_mark(&self, path: &str) -> Result<Option<FileMark>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT size, modified, lines, complete FROM sync_files WHERE path = ?1",
            )?
            .query_row([path], |r| {
                Ok(FileMark {
                    size: u64::try_from(r.get::<_, i64>(0)?).unwrap_or(0),
                    modified: r.get(1)?,
                    lines: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                    complete: r.get(3)?,
                })
            })
            .optional()?)
    }

    /// The shared files under `prefix` (a kiosk's folder, `<device>/`) that were read whole,
    /// by name within it, with how many changes each held.
    pub fn files_read_whole(&self, prefix: &str) -> Result<Vec<(String, u64)>, StoreError> {
        // Names under the prefix, by the primary key's order: from the prefix to the prefix
        // with its last byte ('/') raised by one.
        let end = format!("{}0", prefix.trim_end_matches('/'));
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, lines FROM sync_files WHERE path > ?1 AND path < ?2 AND complete",
        )?;
        let rows = stmt.query_map(params![prefix, end], |r| {
            Ok((
                r.get::<_, String>(0)?,
                u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (path, lines) = row?;
            if let Some(name) = path.strip_prefix(prefix) {
                out.push((name.to_owned(), lines));
            }
        }
        Ok(out)
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

/// What was read of one shared file: enough to tell, without reading it, that it has not
/// changed since (size and modification time, either way), and whether it was whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileMark {
    /// Size in bytes when read.
    pub size: u64,
    /// Modification time when read (ns since 1970; 0 if unknown).
    pub modified: i64,
    /// Complete, valid lines read.
    pub lines: u64,
    /// Whether every byte was a valid, complete line.
    pub complete: bool,
}

/// What is stored of another kiosk's changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerChanges {
    /// The kiosk's device id.
    pub device: String,
    /// How many of its changes are stored.
    pub count: u64,
    /// The greatest of their numbers; fewer changes than that means some are on their way.
    pub last_seq: u64,
    /// The greatest stamp among them.
    pub last_stamp: Option<Stamp>,
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

/// The stamp a new change made at `now_ms` comes after: the greatest stored, leaving out stamps
/// too far ahead (stored before they were refused), or `just_made` in a batch.
fn last_stamp(
    tx: &rusqlite::Transaction<'_>,
    device: &str,
    now_ms: u64,
    just_made: Option<Stamp>,
) -> Result<Option<Stamp>, StoreError> {
    if just_made.is_some() {
        // Nothing was stored in between by anyone else: the transaction holds the write lock.
        return Ok(just_made);
    }
    let others: Option<String> = tx.query_row(
        "SELECT max(stamp) FROM changes WHERE stamp <= ?1",
        [Stamp::bound_text(now_ms)],
        |r| r.get(0),
    )?;
    // This kiosk's own last stamp, followed further ahead (see `Stamp::next`).
    let own: Option<String> = tx
        .query_row(
            "SELECT stamp FROM changes WHERE device = ?1 AND stamp <= ?2
             ORDER BY dseq DESC LIMIT 1",
            params![device, Stamp::own_bound_text(now_ms)],
            |r| r.get(0),
        )
        .optional()?;
    Ok(others
        .as_deref()
        .and_then(Stamp::parse)
        .max(own.as_deref().and_then(Stamp::parse)))
}

fn is_known(tx: &rusqlite::Transaction<'_>, id: &str) -> Result<bool, StoreError> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM changes WHERE id = ?1")?
        .exists([id])?)
}

/// Stores `change` with its stamp and number, and merges it into its record: each field keeps
/// the value of the greatest stamp that put it; the record is deleted while the greatest
/// deletion's stamp is greater than the greatest put's; created is the least stamp's change,
/// updated the greatest's. Each is a maximum (or minimum), so the result does not depend on
/// the order changes arrive in. Stamps are compared together with the change id, so that even
/// two changes with one stamp (two kiosks with one id) settle the same everywhere.
fn merge(
    tx: &rusqlite::Transaction<'_>,
    change: &Change,
    stamp: &Stamp,
    seq: i64,
) -> Result<(), StoreError> {
    let key = format!("{stamp} {}", change.id);
    let current = tx
        .prepare_cached(
            "SELECT fields, stamps, put_stamp, del_stamp, created_stamp, updated_stamp, deleted
             FROM records WHERE id = ?1",
        )?
        .query_row([&change.record], |r| {
            Ok(CurrentRecord {
                fields: r.get(0)?,
                stamps: r.get(1)?,
                put: r.get(2)?,
                del: r.get(3)?,
                created: r.get(4)?,
                updated: r.get(5)?,
                deleted: r.get(6)?,
            })
        })
        .optional()?;
    let corrupt =
        |e: serde_json::Error| StoreError::Corrupt(format!("record {}: {e}", change.record));
    let (mut fields, mut stamps): (Fields, BTreeMap<String, String>) = match &current {
        Some(c) => (
            serde_json::from_str(&c.fields).map_err(corrupt)?,
            serde_json::from_str(&c.stamps).map_err(corrupt)?,
        ),
        None => Default::default(),
    };
    let before = match &current {
        Some(c) if !c.deleted => Some(fields.clone()),
        _ => None,
    };
    let at = change.at.to_rfc3339();
    tx.prepare_cached(
        "INSERT INTO changes (id, board, section, record, kind, op, before, author, origin, at, undoes, device, dseq, stamp)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
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
        stamp.device,
        seq,
        stamp.to_string(),
    ])?;
    if seq > 0 {
        tx.prepare_cached(
            "INSERT INTO device_changes (device, count, last_seq, last_stamp)
             VALUES (?1, 1, ?2, ?3)
             ON CONFLICT (device) DO UPDATE SET
                count = count + 1,
                last_seq = max(last_seq, excluded.last_seq),
                last_stamp = max(last_stamp, excluded.last_stamp)",
        )?
        .execute(params![stamp.device, seq, stamp.to_string()])?;
    }
    if let Some(undone) = &change.undoes {
        tx.prepare_cached("UPDATE changes SET undone_by = ?1 WHERE id = ?2")?
            .execute(params![change.id, undone])?;
    }
    let (mut put, mut del) = current
        .as_ref()
        .map(|c| (c.put.clone(), c.del.clone()))
        .unwrap_or_default();
    match &change.op {
        Op::Put(new) => {
            for (name, value) in new {
                if stamps.get(name).is_none_or(|s| *s < key) {
                    fields.insert(name.clone(), value.clone());
                    stamps.insert(name.clone(), key.clone());
                }
            }
            if put < key {
                put.clone_from(&key);
            }
        }
        Op::Delete => {
            if del < key {
                del.clone_from(&key);
            }
        }
    }
    let deleted = del > put;
    let fields = json(&fields)?;
    let stamps = json(&stamps)?;
    match current {
        None => {
            tx.prepare_cached(
                "INSERT INTO records (id, board, section, kind, fields, stamps, put_stamp, del_stamp, deleted,
                                      created_stamp, created_at, created_by, updated_stamp, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?10, ?11, ?12)",
            )?
            .execute(params![
                change.record,
                change.board,
                change.section,
                change.kind.name(),
                fields,
                stamps,
                put,
                del,
                deleted,
                key,
                at,
                change.author
            ])?;
        }
        Some(c) => {
            tx.prepare_cached(
                "UPDATE records SET fields = ?2, stamps = ?3, put_stamp = ?4, del_stamp = ?5, deleted = ?6
                 WHERE id = ?1",
            )?
            .execute(params![change.record, fields, stamps, put, del, deleted])?;
            if key < c.created {
                tx.prepare_cached(
                    "UPDATE records SET created_stamp = ?2, created_at = ?3, created_by = ?4 WHERE id = ?1",
                )?
                .execute(params![change.record, key, at, change.author])?;
            }
            if key > c.updated {
                tx.prepare_cached(
                    "UPDATE records SET updated_stamp = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
                )?
                .execute(params![change.record, key, at, change.author])?;
            }
        }
    }
    Ok(())
}

/// A record's row as `merge` reads it.
struct CurrentRecord {
    fields: String,
    stamps: String,
    put: String,
    del: String,
    created: String,
    updated: String,
    deleted: bool,
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
