//! What the store keeps for sync: other kiosks' changes taken in, this kiosk's own changes
//! to publish, and what was read of each shared file.

use rusqlite::{OptionalExtension as _, params};

use super::*;

impl Store {
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
