//! The merge: how a change, made here or by another kiosk, decides each field of its record
//! (the greater stamp wins, field by field), and the stamp a new change comes after.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension as _, params};

use super::*;

/// The stamp a new change made at `now_ms` comes after: the greatest stored, leaving out stamps
/// too far ahead (stored before they were refused), or `just_made` in a batch.
pub(super) fn last_stamp(
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

pub(super) fn is_known(tx: &rusqlite::Transaction<'_>, id: &str) -> Result<bool, StoreError> {
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
pub(super) fn merge(
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
