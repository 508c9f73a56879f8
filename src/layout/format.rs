//! The board format as one table: every table and key a board file may hold, the value each
//! key takes, whether it must be written, its default, and what it is for.
//!
//! The reader (`parse`) reads a key only through this table: it cannot accept a key, a word or
//! a range that the table does not give. `huddle schema` describes the format to editors from
//! the same table (`schema.rs`), so what an editor offers and checks and what the kiosk accepts
//! cannot disagree.

use crate::i18n::T;

#[cfg(doc)]
use super::ID_MAX;

/// A key of a board file.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// The key as written.
    pub name: &'static str,
    /// The value it takes.
    pub shape: Shape,
    /// Whether it must be written.
    pub need: Need,
    /// The value it has when it is not written, if it has one.
    pub default: Option<Lit>,
    /// What it is for.
    pub doc: T,
}

/// Whether a key must be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// It may be left out.
    Optional,
    /// It must be written; the example is what the reader's message offers to write.
    Required(&'static str),
    /// It must be written unless the key `key` of the same table is the word `value`.
    RequiredUnless {
        key: &'static str,
        value: &'static str,
        example: &'static str,
    },
}

/// The value a key takes.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// Any text.
    Text,
    /// A text with something besides spaces.
    Filled,
    /// An id: lowercase letters without accents, digits, `-` and `_`, starting with a letter or
    /// a digit, [`ID_MAX`] characters at most.
    Id,
    /// One of these words.
    Choice(&'static [&'static str]),
    /// Any text; these are the usual ones.
    Usual(&'static [&'static str]),
    /// A whole number from the first to the second, both included.
    Whole(u32, u32),
    /// A number, whole or with decimals.
    Number,
    /// `true` or `false`.
    Flag,
    /// A time of day in quotes: "08:30", "8h30".
    Time,
    /// A date in quotes: "2026-10-05", "05/10/2026".
    Date,
    /// A table of these keys.
    Table(&'static [Key]),
    /// A list of values of one shape.
    List {
        item: &'static Shape,
        /// The fewest items it may have.
        min: u32,
        /// Whether an item may not be written twice.
        unique: bool,
    },
    /// Either of two shapes: a short form (a name, a date) or the whole table.
    Either(&'static Shape, &'static Shape),
}

/// A key's value when it is not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lit {
    Whole(u32),
    Word(&'static str),
    Flag(bool),
}

/// A table of a board file: `[board]`, `[team]`, `[huddle]`, and each `[[section]]`.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// The table's name as written.
    pub name: &'static str,
    /// Whether the file must have it.
    pub required: bool,
    /// Whether it is written as many `[[name]]` tables (a list) rather than one `[name]`.
    pub many: bool,
    /// Its keys (for a section, those of every kind; each kind adds its own).
    pub keys: &'static [Key],
    /// What it is for.
    pub doc: T,
}

/// A kind of section as board files name it, with the keys of its own settings.
#[derive(Clone, Copy, Debug)]
pub struct Kind {
    /// The kind's name, as `kind = "…"` writes it.
    pub name: &'static str,
    /// Its own keys, on top of the keys of every section.
    pub keys: &'static [Key],
    /// What a section of this kind shows.
    pub doc: T,
}

const fn key(name: &'static str, shape: Shape, doc: T) -> Key {
    Key {
        name,
        shape,
        need: Need::Optional,
        default: None,
        doc,
    }
}

impl Key {
    /// The key must be written; `example` is what the reader's message offers to write.
    const fn required(mut self, example: &'static str) -> Self {
        self.need = Need::Required(example);
        self
    }

    /// The key's value when it is not written.
    const fn default(mut self, value: Lit) -> Self {
        self.default = Some(value);
        self
    }
}

/// The usual levels of a board; any other name is kept as written.
pub const LEVELS: &[&str] = &["team", "manager", "director", "steering"];
/// The languages a board's screen speaks.
pub const LANGUAGES: &[&str] = &["fr", "en"];
/// The largest grid, in columns and in rows.
pub const MAX_GRID: u32 = 12;

const NAME: Shape = Shape::Filled;
const NAMES: Shape = Shape::List {
    item: &NAME,
    min: 0,
    unique: true,
};

/// The keys of a grid's size: `[board]` and its `portrait`.
const GRID_COLUMNS: Key = key("columns", Shape::Whole(1, MAX_GRID), T::FmtColumns);
const GRID_ROWS: Key = key("rows", Shape::Whole(1, MAX_GRID), T::FmtRows);

/// The keys of a section's place: on the main grid, and in its `portrait`.
const COLUMN: Key = key("column", Shape::Whole(1, MAX_GRID), T::FmtColumn).required("1");
const ROW: Key = key("row", Shape::Whole(1, MAX_GRID), T::FmtRow).required("1");
const WIDTH: Key = key("width", Shape::Whole(1, MAX_GRID), T::FmtWidth).default(Lit::Whole(1));
const HEIGHT: Key = key("height", Shape::Whole(1, MAX_GRID), T::FmtHeight).default(Lit::Whole(1));

/// `[board] portrait = { columns = 2, rows = 7 }`.
pub const PORTRAIT_GRID: &[Key] = &[GRID_COLUMNS.required("2"), GRID_ROWS.required("6")];
/// A section's `portrait = { column = 1, row = 2, width = 2, height = 1 }`.
pub const PLACE: &[Key] = &[COLUMN, ROW, WIDTH, HEIGHT];

/// `[board]`.
pub const BOARD: Table = Table {
    name: "board",
    required: true,
    many: false,
    doc: T::FmtBoard,
    keys: &[
        key("id", Shape::Id, T::FmtBoardId).required("\"my-team\""),
        key("title", Shape::Text, T::FmtBoardTitle).required("\"Accueil jeunesse\""),
        key("team", Shape::Text, T::FmtBoardTeam),
        key("level", Shape::Usual(LEVELS), T::FmtLevel).default(Lit::Word("team")),
        key("parent", Shape::Text, T::FmtParent),
        key("trajectory", Shape::Text, T::FmtTrajectory),
        key("language", Shape::Choice(LANGUAGES), T::FmtLanguage).default(Lit::Word("fr")),
        GRID_COLUMNS.required("4"),
        GRID_ROWS.required("3"),
        key("short_title", Shape::Text, T::FmtShortTitle),
        key("portrait", Shape::Table(PORTRAIT_GRID), T::FmtBoardPortrait),
    ],
};

/// `[team]`.
pub const TEAM: Table = Table {
    name: "team",
    required: false,
    many: false,
    doc: T::FmtTeam,
    keys: &[key("members", NAMES, T::FmtMembers)],
};

/// An item of `[huddle] agenda`.
pub const AGENDA_ITEM: &[Key] = &[
    key("section", Shape::Text, T::FmtAgendaSection).required("\"waiting-list\""),
    key("minutes", Shape::Whole(1, 60), T::FmtAgendaMinutes).required("3"),
    key("title", Shape::Text, T::FmtAgendaTitle),
];

/// `[huddle]`.
pub const HUDDLE: Table = Table {
    name: "huddle",
    required: false,
    many: false,
    doc: T::FmtHuddle,
    keys: &[
        key("time", Shape::Time, T::FmtTime).required("\"08:30\""),
        key("minutes", Shape::Whole(1, 120), T::FmtMinutes).required("15"),
        key(
            "agenda",
            Shape::List {
                item: &Shape::Table(AGENDA_ITEM),
                min: 0,
                unique: false,
            },
            T::FmtAgenda,
        ),
    ],
};

/// `[[section]]`: the keys of every section, whatever its kind.
pub const SECTION: Table = Table {
    name: "section",
    required: false,
    many: true,
    doc: T::FmtSection,
    keys: &[
        key("id", Shape::Id, T::FmtSectionId).required("\"waiting-list\""),
        key("kind", Shape::Choice(KIND_NAMES), T::FmtKind).required("\"indicator\""),
        key("title", Shape::Filled, T::FmtSectionTitle).required("\"Liste d'attente\""),
        COLUMN,
        ROW,
        WIDTH,
        HEIGHT,
        key("portrait", Shape::Table(PLACE), T::FmtSectionPortrait),
    ],
};

/// The tables of a board file, in the order the documentation gives them.
pub const FILE: &[Table] = &[BOARD, TEAM, HUDDLE, SECTION];

/// A change written in an indicator's `changes`, as a table.
pub const CHANGE: &[Key] = &[
    key("date", Shape::Date, T::FmtChangeDate).required("\"2026-10-05\""),
    key("label", Shape::Text, T::FmtChangeLabel),
];

/// A column of an ideas section, as a table.
pub const IDEA_COLUMN: &[Key] = &[
    key("name", Shape::Filled, T::FmtIdeaColumnName).required("\"À l'essai\""),
    key("limit", Shape::Whole(1, 999), T::FmtIdeaColumnLimit),
];

const STALE_AFTER_DAYS: Key = key(
    "stale_after_days",
    Shape::Whole(1, 365),
    T::FmtStaleAfterDays,
)
.default(Lit::Whole(7));

/// Every kind of section as board files name it, in the order the documentation gives them,
/// with the keys of its own settings. A key of another kind is named as such by the reader,
/// and flagged by editors.
pub const KINDS: &[Kind] = &[
    Kind {
        name: "indicator",
        doc: T::FmtKindIndicator,
        keys: &[
            key("unit", Shape::Text, T::FmtUnit),
            Key {
                need: Need::RequiredUnless {
                    key: "direction",
                    value: "neutral",
                    example: "12",
                },
                ..key("target", Shape::Number, T::FmtTarget)
            },
            key(
                "direction",
                Shape::Choice(&["lower", "higher", "neutral"]),
                T::FmtDirection,
            )
            .required("\"lower\""),
            key("warning", Shape::Number, T::FmtWarning),
            key(
                "frequency",
                Shape::Choice(&["daily", "weekly", "monthly"]),
                T::FmtFrequency,
            )
            .default(Lit::Word("daily")),
            key(
                "category",
                Shape::Choice(&["access", "continuity", "well-being", "safety", "quality"]),
                T::FmtCategory,
            ),
            key("chart", Shape::Choice(&["run", "xmr"]), T::FmtChart).default(Lit::Word("run")),
            key("baseline", Shape::Whole(2, 10_000), T::FmtBaseline),
            key(
                "changes",
                Shape::List {
                    item: &Shape::Either(&Shape::Date, &Shape::Table(CHANGE)),
                    min: 0,
                    unique: false,
                },
                T::FmtChanges,
            ),
        ],
    },
    Kind {
        name: "actions",
        doc: T::FmtKindActions,
        keys: &[STALE_AFTER_DAYS],
    },
    Kind {
        name: "ideas",
        doc: T::FmtKindIdeas,
        keys: &[
            key(
                "columns",
                Shape::List {
                    item: &Shape::Either(&NAME, &Shape::Table(IDEA_COLUMN)),
                    min: 2,
                    unique: false,
                },
                T::FmtIdeaColumns,
            ),
            STALE_AFTER_DAYS,
        ],
    },
    Kind {
        name: "escalations",
        doc: T::FmtKindEscalations,
        keys: &[key(
            "answer_within_days",
            Shape::Whole(1, 365),
            T::FmtAnswerWithinDays,
        )
        .default(Lit::Whole(7))],
    },
    Kind {
        name: "mood",
        doc: T::FmtKindMood,
        keys: &[],
    },
    Kind {
        name: "attendance",
        doc: T::FmtKindAttendance,
        keys: &[],
    },
    Kind {
        name: "trajectory",
        doc: T::FmtKindTrajectory,
        keys: &[
            key(
                "stages",
                Shape::List {
                    item: &NAME,
                    min: 1,
                    unique: true,
                },
                T::FmtStages,
            )
            .required("[\"Réception\", \"Évaluation\"]"),
            key(
                "wait_warning_days",
                Shape::Whole(1, 3650),
                T::FmtWaitWarningDays,
            ),
            key("other_teams", Shape::Flag, T::FmtOtherTeams).default(Lit::Flag(false)),
            key("private", Shape::Flag, T::FmtPrivate).default(Lit::Flag(false)),
        ],
    },
    Kind {
        name: "notes",
        doc: T::FmtKindNotes,
        keys: &[],
    },
    Kind {
        name: "safety",
        doc: T::FmtKindSafety,
        keys: &[],
    },
    Kind {
        name: "units",
        doc: T::FmtKindUnits,
        keys: &[key(
            "boards",
            Shape::List {
                item: &Shape::Text,
                min: 0,
                unique: false,
            },
            T::FmtUnitsBoards,
        )],
    },
];

/// Every kind's name, from [`KINDS`].
pub const KIND_NAMES: &[&str] = &{
    let mut names = [""; KINDS.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = KINDS[i].name;
        i += 1;
    }
    names
};

/// The kind of this name.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}
