//! Nightly copies of the database, kept in the data folder (`backups/`): the last few days,
//! each a whole, consistent SQLite file that opens on its own.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Store, StoreError};

/// How many daily copies are kept by default.
pub const KEEP: usize = 7;

/// The folder of the copies, inside the data folder.
pub const DIR: &str = "backups";

/// The copy of `day`'s name.
pub fn name(day: NaiveDate) -> String {
    format!("huddle-{day}.sqlite3")
}

impl Store {
    /// Writes a consistent copy of the database to `dest` (a new file): SQLite's `VACUUM INTO`
    /// reads one snapshot of the database while others keep writing. Written under a temporary
    /// name first, so that a copy cut short by a power cut is never taken for a good one.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        let dir = dest.parent().unwrap_or(Path::new("."));
        let folder = |source: std::io::Error| StoreError::Folder {
            path: dir.to_owned(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(folder)?;
        crate::disk::make_private(dir).map_err(folder)?;
        // An empty private file under a new random name: SQLite fills it, its mode stays.
        let (file, temp) = crate::disk::create_temp(dir, true).map_err(folder)?;
        drop(file);
        let result = self
            .conn
            .execute("VACUUM INTO ?1", [temp.to_string_lossy().as_ref()])
            .map_err(StoreError::from)
            .and_then(|_| std::fs::rename(&temp, dest).map_err(folder));
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }
}

/// Makes `day`'s copy in `data_dir/backups/` unless it is there, then keeps the `keep` newest.
/// Returns the copy made, if one was.
pub fn daily(
    store: &Store,
    data_dir: &Path,
    day: NaiveDate,
    keep: usize,
) -> Result<Option<PathBuf>, StoreError> {
    let dir = data_dir.join(DIR);
    let dest = dir.join(name(day));
    let made = if dest.exists() {
        None
    } else {
        store.backup_to(&dest)?;
        Some(dest)
    };
    // A copy cut short by a power cut or a kill left its temp file behind.
    crate::disk::remove_stale_temps(&dir, std::time::Duration::from_secs(3600));
    // Copies made before they were made private.
    for copy in copies(&dir) {
        if let Err(e) = crate::disk::make_private(&copy) {
            tracing::warn!("cannot make {} private: {e}", copy.display());
        }
    }
    for old in copies(&dir).into_iter().skip(keep.max(1)) {
        if let Err(e) = std::fs::remove_file(&old) {
            tracing::warn!("cannot remove the old copy {}: {e}", old.display());
        }
    }
    Ok(made)
}

/// The copies in `dir`, newest first.
pub fn copies(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix("huddle-"))
                .and_then(|n| n.strip_suffix(".sqlite3"))
                .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
        })
        .collect();
    copies.sort_unstable_by(|a, b| b.cmp(a));
    copies
}
