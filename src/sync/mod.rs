//! Sync between kiosks through a shared folder (a network share, a Syncthing, OneDrive or
//! Dropbox folder). The on-disk format is documented in `docs/sync.md`.
//!
//! Each kiosk writes only its own folder, `huddle-sync/devices/<device id>/`, and only whole
//! files that never change once published: segments of its changes, numbered, one change per
//! line with a CRC. It reads every other kiosk's folder and hands what it finds to
//! [`Store::ingest`], which merges by hybrid logical clock, field by field, so that the order
//! and the number of times files arrive make no difference. SQLite never goes near the share.
//!
//! Nothing is inferred from a file being absent: a missing file is one that has not arrived
//! yet. A folder that looks re-created or emptied while this kiosk had published there, or
//! files of this kiosk's id that it did not write, stop the sync with a message instead.

mod clock;
pub mod files;
mod own;
pub mod worker;

use clock::{judge_clocks, note_peer_clock, peer_clock};
use own::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::disk::{self, Links, ReadError};
use crate::model::{Stamped, is_device_id};
use crate::store::{FileMark, PeerChanges, Store, StoreError};
use files::FileKind;

/// The folder Huddle keeps inside the shared folder.
pub const ROOT: &str = "huddle-sync";
/// The file that marks the folder as a Huddle sync folder, with its format version.
pub const FORMAT_FILE: &str = "FORMAT";
/// The format version this program writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// Changes per published segment at most.
const SEGMENT_MAX: usize = 5_000;
/// Changes ingested per transaction (bounds memory with a large backlog).
const INGEST_BATCH: usize = 5_000;
/// A kiosk's own segments are merged into one when it has more than this many.
const COMPACT_ABOVE: usize = 48;
/// Clocks further apart than this are reported (see `judge_clocks`).
const SKEW_WARN_MS: u64 = 5 * 60 * 1000;

/// Temp files of ours older than this were left by a sync that was killed.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(600);

/// Meta keys of the store.
const PUBLISHED: &str = "sync.published";
/// Per other kiosk (`sync.clock.<device>`): the time its manifest says it was written, by its
/// clock, and when this kiosk first saw it, by this one's: `<written> <seen>`, with `?` after
/// when it was seen on coming back from a time without the folder (it may have waited there).
const CLOCK_SEEN: &str = "sync.clock.";
const LAST_SYNC: &str = "sync.last";

/// Why a sync did not happen. None of these stops the kiosk: it keeps working locally.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The folder cannot be reached (absent, unmounted, unreadable): normal, retried later.
    #[error("the shared folder {path} cannot be reached: {reason}")]
    Unreachable {
        /// The shared folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The folder looks re-created or emptied although this kiosk had published there.
    #[error(
        "the shared folder {path} looks empty or re-created ({what}), although this kiosk published {published} changes there. Sync is stopped so that nothing is acted on by mistake. If the folder is unmounted, mount it again; if it really is a new folder, run `huddle sync --republish`."
    )]
    FolderReset {
        /// The shared folder.
        path: PathBuf,
        /// What is missing.
        what: String,
        /// How many changes this kiosk had published.
        published: u64,
    },
    /// Another machine writes with this kiosk's device id.
    #[error(
        "another machine writes to the shared folder with this kiosk's id {device} ({what}): a copied data folder or a restored backup. Sync is stopped so that nothing is overwritten. Give this kiosk its own id with `huddle sync --new-device-id`."
    )]
    DuplicateDevice {
        /// The device id.
        device: String,
        /// What showed it.
        what: String,
    },
    /// The folder was made by a newer Huddle.
    #[error(
        "the shared folder {path} uses sync format {found}; this Huddle knows {FORMAT_VERSION}. Install the newer Huddle."
    )]
    TooNew {
        /// The shared folder.
        path: PathBuf,
        /// The format found.
        found: String,
    },
    /// The database is inside the shared folder, where a sync engine or a network file
    /// system would corrupt it.
    #[error(
        "the database {db} is inside the shared folder {path}: sync engines and network shares corrupt SQLite databases. Keep the data folder (--data-dir) on this machine's disk."
    )]
    DatabaseInShare {
        /// The shared folder.
        path: PathBuf,
        /// The database.
        db: PathBuf,
    },
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why sync is refused until a person acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The folder looks re-created or emptied although this kiosk had published there.
    FolderReset,
    /// Another machine writes with this kiosk's device id.
    DuplicateDevice,
    /// The folder was made by a newer Huddle.
    TooNew,
    /// The database is inside the shared folder.
    DatabaseInShare,
}

impl SyncError {
    /// Why the sync is refused (needs a person), if it is rather than waiting for the folder.
    pub fn refusal(&self) -> Option<Refusal> {
        match self {
            SyncError::FolderReset { .. } => Some(Refusal::FolderReset),
            SyncError::DuplicateDevice { .. } => Some(Refusal::DuplicateDevice),
            SyncError::TooNew { .. } => Some(Refusal::TooNew),
            SyncError::DatabaseInShare { .. } => Some(Refusal::DatabaseInShare),
            SyncError::Unreachable { .. } | SyncError::Store(_) => None,
        }
    }
}

/// Another kiosk seen in the shared folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    /// Device id.
    pub device: String,
    /// Its name (host name), from its manifest.
    pub name: String,
    /// When it last published, by its own clock.
    pub published: Option<DateTime<Utc>>,
    /// How many changes it has published.
    pub published_changes: u64,
    /// How many of them are here.
    pub received: u64,
    /// How far its clock runs ahead of ours, when it does by more than a few minutes (and
    /// the others do not show this kiosk's clock to be the wrong one).
    pub ahead_ms: Option<u64>,
}

impl Peer {
    /// Changes it published that are not here yet (still syncing).
    pub fn missing(&self) -> u64 {
        self.published_changes.saturating_sub(self.received)
    }
}

/// Where sync stands: what the screen's status and `huddle sync status` show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncStatus {
    /// This kiosk's device id.
    pub device: String,
    /// The shared folder, if one is set.
    pub shared: Option<PathBuf>,
    /// The last sync that reached the folder.
    pub last_sync: Option<DateTime<Utc>>,
    /// Changes made here and not yet in the shared folder.
    pub waiting: u64,
    /// The other kiosks seen.
    pub peers: Vec<Peer>,
    /// Why the last attempt failed, if it did.
    pub error: Option<String>,
    /// Why sync is refused until a person acts (the folder looked re-created, a duplicate
    /// id), if it is.
    pub refused: Option<Refusal>,
    /// Files that could not be read fully (retried at each sync).
    pub problems: Vec<String>,
    /// How far this kiosk's own clock is off the other kiosks' (ahead: positive, behind:
    /// negative), when they agree that it is this one that is wrong.
    pub own_clock_ms: Option<i64>,
}

/// What one sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Changes published.
    pub published: usize,
    /// Changes received that were new here.
    pub ingested: usize,
    /// Publishing failed (read-only or full folder…): the changes wait for the next sync.
    pub publish_error: Option<String>,
    /// Files that could not be read fully (damaged lines); read again at the next sync.
    pub problems: Vec<String>,
}

/// The shared folder, as one kiosk sees it.
#[derive(Clone, Debug)]
pub struct Shared {
    /// The folder named by `--shared`.
    pub dir: PathBuf,
    /// This kiosk's name, written in its manifest for the others to show.
    pub name: String,
}

impl Shared {
    /// The shared folder `dir`, for a kiosk named after its host.
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            name: host_name(),
        }
    }

    /// The same folder, this kiosk named `name` there (the config file's `device_name`).
    #[must_use]
    pub fn named(mut self, name: &str) -> Self {
        if !name.trim().is_empty() {
            name.trim().clone_into(&mut self.name);
        }
        self
    }

    fn root(&self) -> PathBuf {
        self.dir.join(ROOT)
    }

    fn devices(&self) -> PathBuf {
        self.root().join("devices")
    }

    /// Publishes what this kiosk has not published yet, then reads what the others did.
    pub fn sync_once(&self, store: &mut Store, now: DateTime<Utc>) -> Result<Report, SyncError> {
        self.check(store, true)?;
        let healed = self.verify_own_segments(store)?;
        let mut report = Report::default();
        match self.publish(store, now) {
            Ok(n) => report.published = n,
            Err(PublishError::Io(e)) => {
                tracing::warn!("publishing to {}: {e}", self.dir.display());
                report.publish_error = Some(e);
            }
            Err(PublishError::Store(e)) => return Err(e.into()),
        }
        (report.ingested, report.problems) = self.ingest(store, now)?;
        report.problems.splice(0..0, healed);
        // Kept to the minute, as shown: a sync every few seconds must not write the database
        // every few seconds (SD cards wear out).
        let minute = now.format("%Y-%m-%dT%H:%M:00%:z").to_string();
        if store.meta(LAST_SYNC)?.as_deref() != Some(minute.as_str()) {
            store.set_meta(LAST_SYNC, &minute)?;
        }
        Ok(report)
    }

    /// Where sync stands, without writing anything anywhere.
    pub fn status(&self, store: &Store, now: DateTime<Utc>) -> SyncStatus {
        let problem = self.check(store, false).err();
        self.describe(store, now, problem.as_ref())
    }

    /// Where sync stands, once the folder was checked (by `status`, or by a sync) and gave
    /// `problem`: the other kiosks are read only when there was none.
    pub fn describe(
        &self,
        store: &Store,
        now: DateTime<Utc>,
        problem: Option<&SyncError>,
    ) -> SyncStatus {
        let mut status = SyncStatus {
            device: store.device().to_owned(),
            shared: Some(self.dir.clone()),
            last_sync: store
                .meta(LAST_SYNC)
                .ok()
                .flatten()
                .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
                .map(|t| t.with_timezone(&Utc)),
            ..SyncStatus::default()
        };
        let published = published(store).unwrap_or(0);
        status.waiting = store.last_own_seq().unwrap_or(0).saturating_sub(published);
        if let Some(e) = problem {
            status.refused = e.refusal();
            status.error = Some(e.to_string());
            return status;
        }
        let stored: BTreeMap<String, PeerChanges> = store
            .peers()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.device.clone(), p))
            .collect();
        let mut offsets = Vec::new();
        for (device, dir) in self.device_dirs().unwrap_or_default() {
            if device == store.device() {
                continue;
            }
            let manifest = read_manifest(&dir.join(files::MANIFEST));
            let here = stored.get(&device);
            if let Some(offset) = peer_clock(store, &device, now) {
                offsets.push((status.peers.len(), offset));
            }
            status.peers.push(Peer {
                name: manifest
                    .as_ref()
                    .map_or_else(|| device.clone(), |m| m.name.clone()),
                published: manifest.as_ref().and_then(|m| m.written),
                published_changes: manifest.as_ref().map_or(0, |m| m.last_seq),
                received: here.map_or(0, |p| p.count),
                ahead_ms: None,
                device,
            });
        }
        judge_clocks(&mut status, &offsets);
        status
    }

    /// The checks that come before anything is read or written: the folder is there, is a
    /// Huddle sync folder of a format we know, and this kiosk's own folder is as it left it.
    /// With `create`, a folder where this kiosk never published is made a sync folder.
    fn check(&self, store: &Store, create: bool) -> Result<(), SyncError> {
        let unreachable = |reason: String| SyncError::Unreachable {
            path: self.dir.clone(),
            reason,
        };
        match std::fs::metadata(&self.dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(unreachable("it is a file, not a folder".into())),
            Err(e) => return Err(unreachable(io_reason(&e))),
        }
        if let Some(db) = store.path() {
            let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_owned());
            let dir = std::fs::canonicalize(&self.dir).unwrap_or_else(|_| self.dir.clone());
            if db.starts_with(&dir) {
                return Err(SyncError::DatabaseInShare {
                    path: self.dir.clone(),
                    db,
                });
            }
        }
        let published = published(store)?;
        let format_path = self.root().join(FORMAT_FILE);
        match disk::read_bounded(&format_path, files::SMALL_FILE_BYTES_MAX, Links::Refuse)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        {
            Ok(text) => {
                let found = text.trim().strip_prefix("huddle-sync ").unwrap_or("?");
                if found != FORMAT_VERSION.to_string() {
                    if found.parse::<u32>().is_ok_and(|v| v > FORMAT_VERSION) {
                        return Err(SyncError::TooNew {
                            path: self.dir.clone(),
                            found: found.to_owned(),
                        });
                    }
                    // A marker still arriving, or damaged: wait for it.
                    return Err(unreachable(format!(
                        "{} does not read \"huddle-sync {FORMAT_VERSION}\" yet",
                        format_path.display()
                    )));
                }
            }
            Err(e) if e.is_not_found() => {
                if published > 0 {
                    return Err(SyncError::FolderReset {
                        path: self.dir.clone(),
                        what: format!("{ROOT}/{FORMAT_FILE} is missing"),
                        published,
                    });
                }
                if !create {
                    return Err(unreachable(format!(
                        "no kiosk has synced there yet ({ROOT}/{FORMAT_FILE} is missing)"
                    )));
                }
                std::fs::create_dir_all(self.devices())
                    .and_then(|()| {
                        files::publish(
                            &format_path,
                            format!("huddle-sync {FORMAT_VERSION}\n").as_bytes(),
                        )
                    })
                    .map_err(|e| unreachable(format!("cannot be written: {}", io_reason(&e))))?;
            }
            Err(ReadError::Io(e)) => return Err(unreachable(io_reason(&e))),
            Err(e) => {
                return Err(unreachable(format!("{}: {e}", format_path.display())));
            }
        }
        self.check_own_folder(store, published, create)
    }

    /// The folders of the kiosks in the shared folder, by device id.
    fn device_dirs(&self) -> std::io::Result<Vec<(String, PathBuf)>> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(self.devices())?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_device_id(&name) && entry.file_type().is_ok_and(|t| t.is_dir()) {
                out.push((name, entry.path()));
            }
        }
        out.sort();
        Ok(out)
    }

    /// Reads every other kiosk's segments that changed since they were last read, and
    /// ingests their changes, in batches, each with the marks of the files it finished.
    fn ingest(
        &self,
        store: &mut Store,
        now: DateTime<Utc>,
    ) -> Result<(usize, Vec<String>), SyncError> {
        let now_ms = u64::try_from(now.timestamp_millis()).unwrap_or(0);
        let dirs = self.device_dirs().map_err(|e| SyncError::Unreachable {
            path: self.dir.clone(),
            reason: io_reason(&e),
        })?;
        let mut new = 0;
        let mut problems = Vec::new();
        let mut batch: Vec<Stamped> = Vec::new();
        let mut marks: Vec<(String, FileMark)> = Vec::new();
        let peers: BTreeMap<String, u64> = store
            .peers()?
            .into_iter()
            .map(|p| (p.device, p.last_seq))
            .collect();
        // Whether this kiosk reached the folder a moment ago: a manifest seen now was written
        // a moment ago at most, so its time says how far the kiosks' clocks are apart.
        let fresh = store
            .meta(LAST_SYNC)?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .is_some_and(|t| (now - t.with_timezone(&Utc)).num_seconds().abs() <= 120);
        for (device, dir) in dirs {
            if device == store.device() {
                continue;
            }
            note_peer_clock(store, &device, &dir, now, fresh)?;
            let Ok(entries) = std::fs::read_dir(&dir) else {
                // Gone between listing and reading (a sync engine replacing it): next time.
                continue;
            };
            // Segments (with the changes their names say they hold) and the engines' copies.
            let mut names: Vec<(Option<(u64, u64)>, String)> = entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter_map(|n| match files::classify(&n) {
                    FileKind::Segment { first, last } => Some((Some((first, last)), n)),
                    FileKind::SegmentCopy => Some((None, n)),
                    _ => None,
                })
                .collect();
            // Segments by first change, the widest first (a merged segment before the small
            // ones it replaces, so that they need no reading), then the engines' copies.
            names.sort_unstable_by(|(a, a_name), (b, b_name)| {
                let order = |range: &Option<(u64, u64)>| {
                    range.map_or((1, 0, 0), |(first, last)| (0, first, u64::MAX - last))
                };
                (order(a), a_name).cmp(&(order(b), b_name))
            });
            // The last change of this kiosk stored here: a segment that goes further holds
            // changes not read yet, and cannot have been read from other files.
            let stored_up_to = peers.get(&device).copied().unwrap_or(0);
            // What was read whole of this kiosk's segments, asked only for a segment that may
            // hold nothing new.
            let mut read: Option<Ranges> = None;
            for (range, name) in names {
                let path = dir.join(&name);
                let key = format!("{device}/{name}");
                let Some((mark, special)) = entry_mark(&path) else {
                    continue;
                };
                if mark.size == 0 && special.is_none() {
                    continue;
                }
                let seen = store.file_mark(&key)?;
                if let Some(seen) = &seen
                    && seen.complete
                    && seen.size == mark.size
                    && seen.modified == mark.modified
                {
                    continue;
                }
                // What is refused is said once, and again only if the file changes.
                let mut refuse = |why: String, mark: FileMark| {
                    let problem = format!("{}: {why}", path.display());
                    tracing::warn!("{problem}");
                    problems.push(problem);
                    marks.push((
                        key.clone(),
                        FileMark {
                            lines: 0,
                            complete: true,
                            ..mark
                        },
                    ));
                };
                if let Some(kind) = special {
                    refuse(
                        format!("it is {kind}, not a regular file; it was not read"),
                        mark,
                    );
                    continue;
                }
                // Only a name never seen: a file seen before that changed is read again.
                if let (Some((first, last)), None) = (range, &seen)
                    && last <= stored_up_to
                {
                    let read = match &mut read {
                        Some(read) => read,
                        None => read.insert(Ranges::of(
                            store
                                .files_read_whole(&format!("{device}/"))?
                                .iter()
                                .filter_map(|(name, lines)| match files::classify(name) {
                                    FileKind::Segment { first, last }
                                        if *lines == last - first + 1 =>
                                    {
                                        Some((first, last))
                                    }
                                    _ => None,
                                })
                                .collect(),
                        )),
                    };
                    if read.covers(first, last) {
                        // A kiosk merges its small segments into one: every change in it was
                        // read from them already. Its name is marked, its bytes not read.
                        marks.push((
                            key,
                            FileMark {
                                lines: last - first + 1,
                                complete: true,
                                ..mark
                            },
                        ));
                        continue;
                    }
                }
                let bytes = match disk::read_bounded(&path, files::SEGMENT_BYTES_MAX, Links::Refuse)
                {
                    Ok(bytes) => bytes,
                    // ENOENT and the like: a sync engine replacing the file; read next time.
                    Err(ReadError::Io(_)) => continue,
                    Err(e) => {
                        refuse(e.to_string(), mark);
                        continue;
                    }
                };
                let mut decoded = files::decode(&bytes);
                if !decoded.bad_lines.is_empty() {
                    let problem = format!(
                        "{}: line {} cannot be read (damaged, or still arriving); it is read again at each sync",
                        path.display(),
                        decoded
                            .bad_lines
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    tracing::warn!("{problem}");
                    problems.push(problem);
                }
                if !decoded.newer.is_empty() {
                    let problem = format!(
                        "{}: {} change(s) of a kind this version of Huddle does not know (line {}) were skipped: another kiosk runs a newer version; install it here too",
                        path.display(),
                        decoded.newer.len(),
                        decoded
                            .newer
                            .iter()
                            .take(5)
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    tracing::warn!("{problem}");
                    problems.push(problem);
                }
                let complete = decoded.complete();
                let lines = (decoded.changes.len() + decoded.newer.len()) as u64;
                if let (Some(read), Some((first, last))) = (&mut read, range)
                    && complete
                    && lines == last - first + 1
                {
                    read.add(first, last);
                }
                let mut refused: Vec<String> = decoded
                    .long_lines
                    .iter()
                    .map(|(line, len)| {
                        format!(
                            "line {line} holds {}, more than a change may ({})",
                            disk::bytes(*len as u64),
                            disk::bytes(files::LINE_BYTES_MAX as u64)
                        )
                    })
                    .collect();
                refused.extend(screen(&device, now_ms, &mut decoded.changes));
                if !refused.is_empty() {
                    // The first few reasons, and how many more.
                    const SHOWN: usize = 3;
                    let problem = format!(
                        "{}: refused: {}{}",
                        path.display(),
                        refused[..refused.len().min(SHOWN)].join("; "),
                        if refused.len() > SHOWN {
                            format!(" (and {} more changes refused)", refused.len() - SHOWN)
                        } else {
                            String::new()
                        }
                    );
                    tracing::warn!("{problem}");
                    problems.push(problem);
                }
                batch.extend(decoded.changes);
                marks.push((
                    key,
                    FileMark {
                        size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
                        lines,
                        complete,
                        ..mark
                    },
                ));
                if batch.len() >= INGEST_BATCH {
                    new += store.ingest(&batch, &marks)?;
                    batch.clear();
                    marks.clear();
                }
            }
        }
        if !batch.is_empty() || !marks.is_empty() {
            new += store.ingest(&batch, &marks)?;
        }
        Ok((new, problems))
    }
}

/// Takes out of `changes` those that must not be stored, and says why for each: a change
/// whose stamp names another kiosk than the folder it was found in (a kiosk speaking for
/// another, or for this one), whose stamp is further ahead of this kiosk's clock than
/// [`crate::model::AHEAD_MAX_MS`], or that the model refuses ([`crate::model::Change::check`]).
fn screen(device: &str, now_ms: u64, changes: &mut Vec<Stamped>) -> Vec<String> {
    let mut refused = Vec::new();
    changes.retain(|shipped| {
        let why = if shipped.stamp.device != device {
            format!(
                "change {} says it was made by kiosk {}, but it is in kiosk {device}'s folder",
                disk::excerpt(&shipped.change.id, 40),
                shipped.stamp.device
            )
        } else if shipped.stamp.too_far_ahead(now_ms) {
            format!(
                "change {} is stamped {}, more than a day ahead of this kiosk's clock",
                disk::excerpt(&shipped.change.id, 40),
                stamp_time(shipped.stamp.ms)
            )
        } else if let Err(refused) = shipped.change.check() {
            format!(
                "change {}: {refused}",
                disk::excerpt(&shipped.change.id, 40)
            )
        } else {
            return true;
        };
        refused.push(why);
        false
    });
    refused
}

/// A stamp's time in words (its raw number when it is beyond any calendar).
fn stamp_time(ms: u64) -> String {
    i64::try_from(ms)
        .ok()
        .and_then(DateTime::<Utc>::from_timestamp_millis)
        .map_or_else(
            || format!("{ms} ms"),
            |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
}

/// Size and modification time of a file (`None` if it is gone or is not a regular file;
/// a link is not followed).
fn file_mark(path: &Path) -> Option<FileMark> {
    match entry_mark(path)? {
        (mark, None) => Some(mark),
        (_, Some(_)) => None,
    }
}

/// Size and modification time of what is at `path`, without following a link, and what it is
/// when it is not a regular file.
fn entry_mark(path: &Path) -> Option<(FileMark, Option<&'static str>)> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let special = disk::special_kind(&meta);
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    Some((
        FileMark {
            size: meta.len(),
            modified,
            lines: 0,
            complete: false,
        },
        special,
    ))
}

/// What a kiosk's manifest says.
#[derive(Clone, Debug)]
struct Manifest {
    name: String,
    last_seq: u64,
    written: Option<DateTime<Utc>>,
}

fn read_manifest(path: &Path) -> Option<Manifest> {
    let bytes = disk::read_bounded(path, files::SMALL_FILE_BYTES_MAX, Links::Refuse).ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    Some(Manifest {
        name: value["name"].as_str().unwrap_or("?").to_owned(),
        last_seq: value["last_seq"].as_u64()?,
        written: value["written"]
            .as_str()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc)),
    })
}

/// An I/O error in plain words.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "it does not exist (not mounted, or not created yet)".into(),
        K::PermissionDenied => "permission denied".into(),
        K::ReadOnlyFilesystem => "it is read-only".into(),
        K::StorageFull => "the disk is full".into(),
        _ => e.to_string(),
    }
}

/// This machine's name, for the other kiosks' status.
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "kiosk".to_owned())
}
