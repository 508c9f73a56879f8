//! Finding and reading board files on disk.

use crate::i18n::T;
use std::path::{Path, PathBuf};

use super::parse::{FileReport, parse_board};
use super::problem::Msg;
use super::set::check_set;

/// Whether a file name is a board file, and not an editor's or a sync engine's litter
/// (`.#x.toml`, `x.toml~`, `.x.toml.swp`, `x.sync-conflict-….toml`, `~$x.toml`).
pub fn is_board_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    // Any case: a file saved as `IPO.TOML` by an editor on another system is a board file too.
    name.to_ascii_lowercase().ends_with(".toml") && !crate::paths::is_litter(name)
}

/// The largest board file read, in bytes: a board of a hundred sections with long comments
/// is a few tens of kilobytes. A larger file is refused before a byte of it is read.
pub const BOARD_FILE_MAX: u64 = 1 << 20;

/// The board files of a folder, sorted by name. Anything but a folder under a board file's
/// name is listed (a named pipe, a device), so that reading it says why it was not read.
pub fn board_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_board_file(p) && !p.is_dir())
        .collect();
    files.sort();
    Ok(files)
}

/// Reads one file; a file that cannot be read becomes a report with one problem.
pub fn read_file(path: &Path) -> FileReport {
    match crate::disk::read_bounded(path, BOARD_FILE_MAX, crate::disk::Links::Follow) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse_board(path, &text),
            Err(_) => FileReport::unreadable(path, Msg::text(T::NotUtf8, &[])),
        },
        Err(crate::disk::ReadError::TooLarge { size, max }) => FileReport::unreadable(
            path,
            Msg::text(
                T::FileTooLarge,
                &[
                    ("max", &crate::disk::bytes(max)),
                    ("size", &crate::disk::bytes(size)),
                ],
            ),
        ),
        Err(crate::disk::ReadError::NotRegular(kind)) => FileReport::unreadable(
            path,
            Msg::text_both(T::NotAFile, &[], &[("kind", kind_fr(kind), kind)]),
        ),
        Err(err) => FileReport::unreadable(path, Msg::text(T::FileUnreadable, &[("err", &err)])),
    }
}

/// What a file that is not a regular file is, in French.
fn kind_fr(kind: &str) -> &'static str {
    match kind {
        "a named pipe (FIFO)" => "un tube nommé (FIFO)",
        "a device" => "un périphérique",
        "a socket" => "un socket",
        "a folder" => "un dossier",
        "a symbolic link" => "un lien symbolique",
        _ => "un fichier spécial",
    }
}

/// Reads every board file of a folder and checks them as a set.
pub fn load_dir(dir: &Path) -> std::io::Result<Vec<FileReport>> {
    let mut reports: Vec<FileReport> = board_files(dir)?.iter().map(|p| read_file(p)).collect();
    check_set(&mut reports, None);
    Ok(reports)
}

/// Reads the given files and folders, for `huddle check`. A file is checked against the other
/// boards of its folder (its parent may live there), but only the named files are reported.
pub fn load_paths(paths: &[PathBuf]) -> std::io::Result<Vec<FileReport>> {
    let mut all: Vec<PathBuf> = Vec::new();
    let mut wanted: Vec<PathBuf> = Vec::new();
    for path in paths {
        if path.is_dir() {
            for file in board_files(path)? {
                push_unique(&mut all, &file);
                push_unique(&mut wanted, &file);
            }
        } else if path.exists() {
            push_unique(&mut wanted, path);
            push_unique(&mut all, path);
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            for file in board_files(dir)? {
                push_unique(&mut all, &file);
            }
        } else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{} does not exist", path.display()),
            ));
        }
    }
    let mut reports: Vec<FileReport> = all.iter().map(|p| read_file(p)).collect();
    let only: Vec<usize> = reports
        .iter()
        .enumerate()
        .filter(|(_, r)| wanted.contains(&r.path))
        .map(|(i, _)| i)
        .collect();
    check_set(&mut reports, Some(&only));
    let mut i = 0;
    reports.retain(|_| {
        i += 1;
        only.contains(&(i - 1))
    });
    Ok(reports)
}

fn push_unique(list: &mut Vec<PathBuf>, path: &Path) {
    if !list.iter().any(|p| p == path) {
        list.push(path.to_owned());
    }
}
