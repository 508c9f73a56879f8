//! Board layouts: TOML files in the boards folder → validated [`Board`]s, with every problem
//! located by file, line and column.
//!
//! `huddle check` and the kiosk share this code: [`load_dir`] and [`load_paths`] read files,
//! [`LiveBoards`] keeps the last good version of every board across reloads, and [`watch`]
//! reloads the folder when a file is saved. [`format`] is the one table of the tables and keys
//! a board file may hold: the reader reads through it, and [`board_schema`] describes it to
//! editors as a JSON Schema (`huddle schema`).
//!
//! Architecture invariant: nothing here knows egui; problems are plain data.

pub mod format;
mod live;
mod load;
pub(crate) mod parse;
pub(crate) mod problem;
pub(crate) mod read;
mod schema;
mod set;
pub mod watch;

pub use live::{LiveBoards, Notice};
pub use load::{BOARD_FILE_MAX, board_files, is_board_file, load_dir, load_paths, read_file};
pub use parse::{FileReport, ID_MAX, parse_board, parse_time, slugify};
pub use problem::{Problem, Severity, did_you_mean};
pub use schema::{SCHEMA_FILE, board_schema};
