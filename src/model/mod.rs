//! Domain types of a huddle board, as the rest of the program sees them once a board file
//! has been read and validated.
//!
//! Architecture invariant: this module knows nothing of egui, SQL, TOML or files. Its types
//! are plain data that every other layer can build, compare and print.

mod board;

pub use board::{
    AgendaItem, Board, Direction, Frequency, HuddleSpec, IdeaColumn, IndicatorCategory,
    IndicatorSpec, Lang, Level, Section, SectionKind,
};
