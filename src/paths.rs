//! Where things live on disk by default: the boards folder and the data folder.

use std::path::PathBuf;

/// The platform's folders for Huddle (`~/.local/share/huddle`, `%APPDATA%\Huddle\…`).
fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("ca", "Huddle", "huddle")
}

/// Default boards folder: `./boards` when it exists (a checkout, or a folder prepared by IT),
/// else the one in the user's config folder, else the examples installed with the package.
pub fn default_boards_dir() -> PathBuf {
    let local = PathBuf::from("boards");
    if local.is_dir() {
        return local;
    }
    if let Some(dirs) = project_dirs() {
        let user = dirs.config_dir().join("boards");
        if user.is_dir() {
            return user;
        }
    }
    let installed = PathBuf::from("/usr/share/huddle/boards");
    if installed.is_dir() {
        return installed;
    }
    local
}

/// Default data folder (SQLite store, logs): the platform's data folder.
pub fn default_data_dir() -> PathBuf {
    project_dirs().map_or_else(
        || PathBuf::from(".huddle-data"),
        |d| d.data_dir().to_owned(),
    )
}

/// Whether a file's name marks it as litter of an editor, a spreadsheet or a sync engine, not
/// a file a person put there: hidden and temporary files (`.x`, `.#x`, `.x.swp`), lock files
/// (`~$x.xlsx`), and conflict copies (`x.sync-conflict-…`, `x (conflicted copy …)`).
pub fn is_litter(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('~')
        || name.contains(".sync-conflict-")
        || name.contains("(conflicted copy")
}

/// The platform's config folder for Huddle (`~/.config/huddle`, `%APPDATA%\Huddle\huddle\config`),
/// where `huddle.toml` is read.
pub fn config_dir() -> PathBuf {
    project_dirs().map_or_else(
        || PathBuf::from(".huddle-config"),
        |d| d.config_dir().to_owned(),
    )
}
