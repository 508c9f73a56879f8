//! The database's identity and schema migrations.

use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::StoreError;

/// `PRAGMA application_id` of a Huddle database: "HUDL".
pub const APPLICATION_ID: i64 = 0x4855_444C;

/// Schema migrations, oldest first. Never edit one that has shipped: add another.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(
            "CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            board TEXT NOT NULL,
            section TEXT NOT NULL,
            record TEXT NOT NULL,
            kind TEXT NOT NULL,
            op TEXT NOT NULL,
            before TEXT,
            author TEXT NOT NULL,
            origin TEXT NOT NULL,
            at TEXT NOT NULL,
            undoes TEXT,
            undone_by TEXT
        );
        CREATE INDEX changes_by_board ON changes (board, seq);
        CREATE INDEX changes_by_record ON changes (record, seq);
        CREATE TABLE records (
            id TEXT PRIMARY KEY,
            board TEXT NOT NULL,
            section TEXT NOT NULL,
            kind TEXT NOT NULL,
            fields TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        );
        CREATE INDEX records_by_board ON records (board, deleted, created_at);",
        ),
        // Sync between kiosks: a device id made once per data folder, a hybrid logical clock
        // stamp and a per-device number on every change, a stamp per field of every record
        // (last writer wins, field by field), and what was read of each shared file.
        // Changes made before it get stamps from their time and this device.
        M::up(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta (key, value) VALUES ('device', lower(hex(randomblob(8))));
        ALTER TABLE changes ADD COLUMN device TEXT NOT NULL DEFAULT '';
        ALTER TABLE changes ADD COLUMN dseq INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE changes ADD COLUMN stamp TEXT NOT NULL DEFAULT '';
        UPDATE changes SET
            device = (SELECT value FROM meta WHERE key = 'device'),
            dseq = seq,
            stamp = printf('%018d-%06d-%s',
                CAST(round(unixepoch(at, 'subsec') * 1000) AS INTEGER),
                seq % 1000000,
                (SELECT value FROM meta WHERE key = 'device'));
        CREATE UNIQUE INDEX changes_by_device ON changes (device, dseq);
        CREATE INDEX changes_by_stamp ON changes (stamp);
        ALTER TABLE records ADD COLUMN stamps TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE records ADD COLUMN put_stamp TEXT NOT NULL DEFAULT '';
        ALTER TABLE records ADD COLUMN del_stamp TEXT NOT NULL DEFAULT '';
        ALTER TABLE records ADD COLUMN created_stamp TEXT NOT NULL DEFAULT '';
        ALTER TABLE records ADD COLUMN updated_stamp TEXT NOT NULL DEFAULT '';
        UPDATE records SET
            put_stamp = coalesce((SELECT max(stamp) FROM changes c
                WHERE c.record = records.id AND c.op <> '\"delete\"'), ''),
            del_stamp = coalesce((SELECT max(stamp) FROM changes c
                WHERE c.record = records.id AND c.op = '\"delete\"'), ''),
            created_stamp = coalesce((SELECT min(stamp) FROM changes c
                WHERE c.record = records.id), ''),
            updated_stamp = coalesce((SELECT max(stamp) FROM changes c
                WHERE c.record = records.id), '');
        UPDATE records SET stamps = coalesce(
            (SELECT json_group_object(key, records.put_stamp) FROM json_each(records.fields)),
            '{}');
        CREATE TABLE sync_files (
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            modified INTEGER NOT NULL,
            lines INTEGER NOT NULL,
            complete INTEGER NOT NULL
        );",
        ),
        // What each kiosk's changes come to (how many, its last number and stamp), kept as
        // changes arrive: the sync status asked it of the whole changes table every round.
        M::up(
            "CREATE TABLE device_changes (
            device TEXT PRIMARY KEY,
            count INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            last_stamp TEXT NOT NULL
        );
        INSERT INTO device_changes (device, count, last_seq, last_stamp)
            SELECT device, count(*), max(dseq), max(stamp) FROM changes
            WHERE dseq > 0 GROUP BY device;",
        ),
    ])
}

/// The newest schema version this program knows.
pub fn latest_version() -> i64 {
    // One migration per version.
    3
}

/// Refuses a file that is not a Huddle database (another application's SQLite file, or not
/// SQLite at all) before anything is written to it.
pub fn check_identity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let id: i64 = match conn.pragma_query_value(None, "application_id", |r| r.get(0)) {
        Ok(id) => id,
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            return Err(StoreError::NotHuddle(path.to_owned()));
        }
        Err(e) => return Err(e.into()),
    };
    if id == APPLICATION_ID {
        return Ok(());
    }
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::NotHuddle(path.to_owned())
            }
            other => other.into(),
        })?;
    if id != 0 {
        return Err(StoreError::NotHuddle(path.to_owned()));
    }
    if tables > 0 {
        // Another process may have just made our tables and not yet marked the file as ours.
        let ours: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('changes', 'records')",
            [],
            |r| r.get(0),
        )?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if ours < 2 || version == 0 {
            return Err(StoreError::NotHuddle(path.to_owned()));
        }
    }
    Ok(())
}

/// Brings the schema up to date; refuses a database from a newer Huddle.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > latest_version() {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found,
            known: latest_version(),
        });
    }
    // The kiosk, its sync worker and the command line may open a new data folder at the same
    // moment: the one that loses the race finds the tables made by the other.
    let mut attempt = 0;
    while let Err(e) = migrations().to_latest(conn) {
        let now: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if now >= latest_version() {
            break;
        }
        attempt += 1;
        if attempt >= 5 {
            return Err(e.into());
        }
        std::thread::sleep(std::time::Duration::from_millis(50 * attempt));
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn latest_version_matches_the_migrations() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, latest_version());
    }
}
