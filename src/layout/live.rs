//! The boards on screen across reloads: a file that breaks or disappears keeps its last good
//! board, with a notice saying why.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::parse::FileReport;
use super::problem::Problem;
use crate::model::Board;

/// Something about the board files that the screen should say.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The file has an error; its last good board (if any) stays on screen.
    Broken(Problem),
    /// The file was deleted or moved away; its board stays as last loaded.
    Missing(PathBuf),
}

/// The last good board of every file, and what is wrong with the files now.
#[derive(Default)]
pub struct LiveBoards {
    /// Last good board of each file, by file.
    good: BTreeMap<PathBuf, Board>,
    /// Errors of the last scan (warnings are for `huddle check`, not for the hallway).
    notices: Vec<Notice>,
    /// Bumped at each change, so that views can tell when to rebuild.
    version: u64,
}

impl LiveBoards {
    /// Starts from a first scan.
    pub fn new(reports: Vec<FileReport>) -> Self {
        let mut live = Self::default();
        live.update(reports);
        live
    }

    /// Takes a new scan of the folder: valid files replace their board, broken and missing
    /// files keep the last good one.
    pub fn update(&mut self, reports: Vec<FileReport>) {
        let mut notices = Vec::new();
        let scanned: Vec<PathBuf> = reports.iter().map(|r| r.path.clone()).collect();
        for report in reports {
            if let Some(first) = report.problems.iter().find(|p| p.is_error()) {
                notices.push(Notice::Broken(first.clone()));
            }
            if let Some(board) = report.board {
                // A board that moved to another file replaces the copy kept for the old one.
                let id = board.id.clone();
                self.good
                    .retain(|path, b| b.id != id || *path == report.path);
                self.good.insert(report.path, board);
            }
        }
        for path in self.good.keys() {
            if !scanned.contains(path) {
                notices.push(Notice::Missing(path.clone()));
            }
        }
        self.notices = notices;
        self.version += 1;
    }

    /// Boards to show, ordered from the front line up, then by title.
    pub fn boards(&self) -> Vec<&Board> {
        let mut boards: Vec<&Board> = self.good.values().collect();
        boards.sort_by(|a, b| {
            a.level
                .rank()
                .cmp(&b.level.rank())
                .then_with(|| a.title.cmp(&b.title))
        });
        boards
    }

    /// The board with this id.
    pub fn board(&self, id: &str) -> Option<&Board> {
        self.good.values().find(|b| b.id == id)
    }

    /// What is wrong with the files now.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Changes at every update.
    pub fn version(&self) -> u64 {
        self.version
    }
}
