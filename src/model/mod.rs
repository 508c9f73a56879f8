//! Domain types of a huddle board: its layout as validated from a board file, the entries it
//! holds, and the changes that edit them.
//!
//! Architecture invariant: this module knows nothing of egui, SQL, TOML or files. Its types
//! are plain data that every other layer can build, compare and print.

mod board;
pub mod calendar;
mod change;
mod edit;
pub mod entry;
pub mod huddle;
mod stamp;

pub use board::{
    AgendaItem, Board, ChangeMark, ChartKind, Direction, Frequency, Grid, HuddleSpec, IdeaColumn,
    IndicatorCategory, IndicatorSpec, Lang, Level, Place, Section, SectionKind, Status,
};
pub use change::{
    Change, EntryKind, FIELDS_MAX, Fields, LIST_MAX, NAME_MAX, Op, Origin, Refused, Stamped,
    TEXT_MAX, TooLong, new_id,
};
pub use edit::{
    ActionStatus, Edit, EscalationRef, EscalationStatus, InputError, SafetyLevel,
    complete_escalation, looks_like_a_name, non_empty, parse_date, parse_number,
};
pub use entry::{
    ActionEntry, AttendanceEntry, ClientEntry, Entry, EscalationEntry, IdeaEntry, MoodEntry,
    NoteEntry, SafetyEntry, TestedEntry, ValueEntry, day_of,
};
pub use stamp::{Stamp, is_device_id};
