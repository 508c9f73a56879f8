//! This kiosk's own folder in the shared folder: what it publishes (segments of its changes
//! and a manifest), how it compacts them, and how it checks and heals what a sync engine did
//! to them.

use super::*;

impl Shared {
    /// Our folder must hold what we published and nothing we did not. A sync engine's copy
    /// of one of our segments whose changes are all ours, as we made them, is litter: it goes
    /// (with `heal`) and is no sign of a second writer.
    pub(super) fn check_own_folder(
        &self,
        store: &Store,
        published: u64,
        heal: bool,
    ) -> Result<(), SyncError> {
        let own = self.devices().join(store.device());
        let entries = match std::fs::read_dir(&own) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if published > 0 {
                    return Err(SyncError::FolderReset {
                        path: self.dir.clone(),
                        what: format!("this kiosk's folder devices/{} is missing", store.device()),
                        published,
                    });
                }
                return Ok(());
            }
            Err(e) => {
                return Err(SyncError::Unreachable {
                    path: self.dir.clone(),
                    reason: io_reason(&e),
                });
            }
        };
        let last_own = store.last_own_seq()?;
        let duplicate = |what: String| SyncError::DuplicateDevice {
            device: store.device().to_owned(),
            what,
        };
        let mut segments = 0;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            match files::classify(&name) {
                FileKind::Segment { last, .. } => {
                    segments += 1;
                    if last > last_own {
                        return Err(duplicate(format!(
                            "{name} holds changes up to {last}, this kiosk has made {last_own}"
                        )));
                    }
                }
                FileKind::SegmentCopy => {
                    if let Some(change) = foreign_change(store, &entry.path())? {
                        return Err(duplicate(format!(
                            "{name} is a sync engine's conflict copy holding change {change}, which this kiosk did not make: two machines wrote one file"
                        )));
                    }
                    if heal {
                        tracing::info!("removed {name}: a sync engine's copy of our own changes");
                        let _ = std::fs::remove_file(entry.path());
                    }
                }
                _ => {}
            }
        }
        if let Some(manifest) = read_manifest(&own.join(files::MANIFEST))
            && manifest.last_seq > last_own
        {
            return Err(duplicate(format!(
                "its manifest lists {} changes, this kiosk has made {last_own}",
                manifest.last_seq
            )));
        }
        if published > 0 && segments == 0 {
            return Err(SyncError::FolderReset {
                path: self.dir.clone(),
                what: format!("this kiosk's folder devices/{} is empty", store.device()),
                published,
            });
        }
        Ok(())
    }

    /// Our segments must hold our changes: a second machine running a copy of this data
    /// folder numbers its changes as we do, and its segments carry other change ids under our
    /// names. Each file is read once, and again only if its size or time changes.
    ///
    /// A segment whose bytes are not those we wrote (a sync engine's bad copy replicated
    /// back, cut short or altered) is published again from the store, and said once.
    pub(super) fn verify_own_segments(&self, store: &mut Store) -> Result<Vec<String>, SyncError> {
        let own = self.devices().join(store.device());
        let mut healed = Vec::new();
        let Ok(entries) = std::fs::read_dir(&own) else {
            return Ok(healed);
        };
        let mut checked = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let FileKind::Segment { first, last } = files::classify(&name) else {
                continue;
            };
            let key = format!("own/{name}");
            let Some(mark) = file_mark(&entry.path()) else {
                continue;
            };
            if store
                .file_mark(&key)?
                .is_some_and(|seen| seen.size == mark.size && seen.modified == mark.modified)
            {
                continue;
            }
            let Ok(bytes) =
                disk::read_bounded(&entry.path(), files::SEGMENT_BYTES_MAX, Links::Refuse)
            else {
                continue;
            };
            let decoded = files::decode(&bytes);
            if let Some(change) = not_ours(store, &decoded.changes)? {
                return Err(SyncError::DuplicateDevice {
                    device: store.device().to_owned(),
                    what: format!(
                        "{name} holds change {} as number {}, which this kiosk did not make",
                        change.change.id, change.seq
                    ),
                });
            }
            let mut mark = FileMark {
                lines: decoded.changes.len() as u64,
                complete: decoded.complete(),
                ..mark
            };
            let wrote = own_segment_bytes(store, first, last)?;
            if let Some(wrote) = wrote
                && wrote != bytes
            {
                match files::publish(&entry.path(), &wrote) {
                    Ok(()) => {
                        let problem = format!(
                            "{}: not the bytes this kiosk wrote ({} of {}; a sync engine's bad copy); published again",
                            entry.path().display(),
                            disk::bytes(bytes.len() as u64),
                            disk::bytes(wrote.len() as u64),
                        );
                        tracing::warn!("{problem}");
                        healed.push(problem);
                        let Some(again) = file_mark(&entry.path()) else {
                            continue;
                        };
                        mark = FileMark {
                            lines: last - first + 1,
                            complete: true,
                            ..again
                        };
                    }
                    // Read-only or full: tried again at the next sync.
                    Err(e) => {
                        tracing::warn!("publishing {name} again: {}", io_reason(&e));
                        continue;
                    }
                }
            }
            checked.push((key, mark));
        }
        if !checked.is_empty() {
            store.ingest(&[], &checked)?;
        }
        Ok(healed)
    }

    /// Makes this kiosk's folder if needed; refuses to write when it, `devices/` or
    /// `huddle-sync/` is a symbolic link (a planted link would send our files elsewhere).
    pub(super) fn make_own_folder(&self, own: &Path) -> std::io::Result<()> {
        disk::make_own_folder(own)?;
        disk::check_own_folder(&self.devices())?;
        disk::check_own_folder(&self.root())
    }

    /// Writes this kiosk's unpublished changes as new segments, then its manifest.
    pub(super) fn publish(
        &self,
        store: &mut Store,
        now: DateTime<Utc>,
    ) -> Result<usize, PublishError> {
        let own = self.devices().join(store.device());
        // Temp files a killed sync left behind (any younger one may be another process's).
        disk::remove_stale_temps(&own, STALE_TEMP);
        let mut done = published(store)?;
        let mut count = 0;
        loop {
            let batch = store.outbox(done, SEGMENT_MAX)?;
            let (Some(first), Some(last)) = (batch.first(), batch.last()) else {
                break;
            };
            let (first, last) = (first.seq, last.seq);
            let bytes = encode(&batch)?;
            self.make_own_folder(&own)?;
            if !own.join(files::DEVICE).exists() {
                let device = serde_json::json!({
                    "format": FORMAT_VERSION,
                    "device": store.device(),
                    "name": self.name,
                    "created": now.to_rfc3339(),
                });
                files::publish(&own.join(files::DEVICE), device.to_string().as_bytes())?;
            }
            files::publish(&own.join(files::segment_name(first, last)), &bytes)?;
            done = last;
            count += batch.len();
            // Recorded only once the segment is in place: a crash before this line publishes
            // the same segment again, under the same name, with the same bytes.
            store.set_meta(PUBLISHED, &done.to_string())?;
        }
        if count > 0 || !own.join(files::MANIFEST).exists() {
            // A kiosk that has made no change yet still says it is there.
            self.make_own_folder(&own)?;
            self.compact(store, &own)?;
            self.write_manifest(store, &own, done, now)?;
        }
        Ok(count)
    }

    /// Merges this kiosk's oldest small segments into one when there are many, so that a
    /// folder read by hundreds of kiosks for years stays a few files per kiosk. The merged
    /// segment is published before the small ones are removed: a reader always finds every
    /// change in one file or another.
    pub(super) fn compact(&self, store: &Store, own: &Path) -> Result<(), PublishError> {
        let mut segments = own_segments(own)?;
        if segments.len() <= COMPACT_ABOVE {
            return Ok(());
        }
        // Widest first among those that start together.
        segments.sort_unstable_by_key(|&(first, last)| (first, u64::MAX - last));
        // A small segment left inside a merged one (a merge interrupted before its small
        // segments were removed) holds nothing the merged one does not: it goes.
        let mut kept: Vec<(u64, u64)> = Vec::with_capacity(segments.len());
        for (first, last) in segments {
            if kept.last().is_some_and(|&(_, end)| last <= end) {
                let _ = std::fs::remove_file(own.join(files::segment_name(first, last)));
            } else {
                kept.push((first, last));
            }
        }
        // The oldest run of two or more segments, one after the other, whose changes fit in
        // one segment. Full segments stay as they are, and the runs after them get merged.
        // The newest segment is left out: the other kiosks have read the others already, and
        // do not read a merged segment whose changes they all have.
        let older = &kept[..kept.len() - 1];
        let run = (0..older.len()).find_map(|from| {
            let start = older[from].0;
            let mut end = older[from].1;
            let mut len = 1;
            for &(first, last) in &older[from + 1..] {
                if first != end + 1 || last - start + 1 > SEGMENT_MAX as u64 {
                    break;
                }
                end = last;
                len += 1;
            }
            (len >= 2).then(|| (start, end, &older[from..from + len]))
        });
        let Some((start, end, merged)) = run else {
            return Ok(());
        };
        let changes = store.outbox(start - 1, usize::try_from(end - start + 1).unwrap_or(0))?;
        if changes.first().map(|c| c.seq) != Some(start)
            || changes.last().map(|c| c.seq) != Some(end)
        {
            return Ok(());
        }
        files::publish(
            &own.join(files::segment_name(start, end)),
            &encode(&changes)?,
        )?;
        for &(first, last) in merged {
            let _ = std::fs::remove_file(own.join(files::segment_name(first, last)));
        }
        Ok(())
    }

    pub(super) fn write_manifest(
        &self,
        store: &Store,
        own: &Path,
        last_seq: u64,
        now: DateTime<Utc>,
    ) -> Result<(), PublishError> {
        let mut segments = own_segments(own)?;
        segments.sort_unstable();
        let manifest = serde_json::json!({
            "format": FORMAT_VERSION,
            "device": store.device(),
            "name": self.name,
            "last_seq": last_seq,
            "written": now.to_rfc3339(),
            "segments": segments
                .iter()
                .map(|(first, last)| serde_json::json!({
                    "file": files::segment_name(*first, *last),
                    "first_seq": first,
                    "last_seq": last,
                }))
                .collect::<Vec<_>>(),
        });
        files::publish(&own.join(files::MANIFEST), manifest.to_string().as_bytes())?;
        Ok(())
    }

    /// Starts over in a new (or restored) shared folder: publishes every change this kiosk
    /// has made again. Changes are idempotent, so kiosks that had them lose nothing.
    pub fn republish(&self, store: &mut Store) -> Result<(), SyncError> {
        store.set_meta(PUBLISHED, "0")?;
        Ok(())
    }
}

/// Ranges of change numbers, merged where they touch.
#[derive(Debug, Default)]
pub(super) struct Ranges(Vec<(u64, u64)>);

impl Ranges {
    pub(super) fn of(mut ranges: Vec<(u64, u64)>) -> Self {
        ranges.sort_unstable();
        Self(Self::merged(ranges))
    }

    pub(super) fn add(&mut self, first: u64, last: u64) {
        let at = self.0.partition_point(|&r| r < (first, last));
        self.0.insert(at, (first, last));
        self.0 = Self::merged(std::mem::take(&mut self.0));
    }

    /// Sorted ranges, those that overlap or touch made one.
    pub(super) fn merged(sorted: Vec<(u64, u64)>) -> Vec<(u64, u64)> {
        let mut merged: Vec<(u64, u64)> = Vec::with_capacity(sorted.len());
        for (f, l) in sorted {
            match merged.last_mut() {
                Some((_, end)) if f <= end.saturating_add(1) => *end = (*end).max(l),
                _ => merged.push((f, l)),
            }
        }
        merged
    }

    pub(super) fn covers(&self, first: u64, last: u64) -> bool {
        self.0.iter().any(|&(f, l)| f <= first && last <= l)
    }
}

/// The changes this kiosk has published.
pub(super) fn published(store: &Store) -> Result<u64, StoreError> {
    Ok(store
        .meta(PUBLISHED)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// The bytes of our segment of changes `first..=last` as this kiosk wrote them (the encoding
/// is the same every time), if the store holds them all.
pub(super) fn own_segment_bytes(
    store: &Store,
    first: u64,
    last: u64,
) -> Result<Option<Vec<u8>>, SyncError> {
    let Some(count) = last
        .checked_sub(first)
        .and_then(|n| usize::try_from(n + 1).ok())
        .filter(|n| *n <= SEGMENT_MAX)
    else {
        return Ok(None);
    };
    let changes = store.outbox(first.saturating_sub(1), count)?;
    if changes.first().map(|c| c.seq) != Some(first) || changes.last().map(|c| c.seq) != Some(last)
    {
        return Ok(None);
    }
    match encode(&changes) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(PublishError::Store(e)) => Err(e.into()),
        Err(PublishError::Io(_)) => Ok(None),
    }
}

/// A change in a file of our folder that this kiosk did not make (its id under one of our
/// numbers is not ours), if there is one. A file that cannot be read holds none we know of.
pub(super) fn foreign_change(store: &Store, path: &Path) -> Result<Option<String>, SyncError> {
    let Ok(bytes) = disk::read_bounded(path, files::SEGMENT_BYTES_MAX, Links::Refuse) else {
        return Ok(None);
    };
    let changes = files::decode(&bytes).changes;
    Ok(not_ours(store, &changes)?.map(|change| disk::excerpt(&change.change.id, 40)))
}

/// The first of `changes` found in our folder that this kiosk did not make: the change this
/// kiosk numbered as it is not that one (change ids are unique, so a change that is ours under
/// its number carries our stamp too).
pub(super) fn not_ours<'a>(
    store: &Store,
    changes: &'a [Stamped],
) -> Result<Option<&'a Stamped>, StoreError> {
    for change in changes {
        if store.own_change_id(change.seq)?.as_deref() != Some(change.change.id.as_str()) {
            return Ok(Some(change));
        }
    }
    Ok(None)
}

/// The segments in our own folder, as (first, last).
pub(super) fn own_segments(own: &Path) -> std::io::Result<Vec<(u64, u64)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(own)?.flatten() {
        if let FileKind::Segment { first, last } =
            files::classify(&entry.file_name().to_string_lossy())
        {
            out.push((first, last));
        }
    }
    Ok(out)
}

pub(super) fn encode(batch: &[Stamped]) -> Result<Vec<u8>, PublishError> {
    let mut bytes = Vec::new();
    for change in batch {
        let line = files::encode_line(change)
            .map_err(|e| PublishError::Store(StoreError::Corrupt(e.to_string())))?;
        bytes.extend_from_slice(line.as_bytes());
    }
    Ok(bytes)
}

pub(super) enum PublishError {
    Io(String),
    Store(StoreError),
}

impl From<std::io::Error> for PublishError {
    fn from(e: std::io::Error) -> Self {
        PublishError::Io(io_reason(&e))
    }
}

impl From<StoreError> for PublishError {
    fn from(e: StoreError) -> Self {
        PublishError::Store(e)
    }
}
