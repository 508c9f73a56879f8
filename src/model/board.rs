use chrono::NaiveDate;
use std::path::PathBuf;

/// The language a board speaks, chosen in its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français (the default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The code written in board files: `fr` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// Where a board stands in the hierarchy. The four usual levels have names of their own; any
/// other name a network uses ("programme", "CIUSSS", …) is kept as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// A front-line team.
    Team,
    /// A manager's board (the teams below report to it).
    Manager,
    /// A director's board.
    Director,
    /// An inter-organisation steering committee.
    Steering,
    /// Any other level, named as in the board file.
    Other(String),
}

impl Level {
    /// The level as written in a board file.
    pub fn code(&self) -> &str {
        match self {
            Level::Team => "team",
            Level::Manager => "manager",
            Level::Director => "director",
            Level::Steering => "steering",
            Level::Other(name) => name,
        }
    }

    /// Reads a level as written in a board file; unknown names become [`Level::Other`].
    pub fn from_code(code: &str) -> Self {
        match code {
            "team" => Level::Team,
            "manager" => Level::Manager,
            "director" => Level::Director,
            "steering" => Level::Steering,
            other => Level::Other(other.to_owned()),
        }
    }

    /// Orders levels from the front line up, for grouping boards in the switcher.
    pub fn rank(&self) -> u8 {
        match self {
            Level::Team => 0,
            Level::Other(_) => 1,
            Level::Manager => 2,
            Level::Director => 3,
            Level::Steering => 4,
        }
    }
}

/// A validated board: what the kiosk shows and what later layers attach data to.
#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    /// Stable identifier, used by the command line, sync and snapshots.
    pub id: String,
    /// Title shown at the top of the screen.
    pub title: String,
    /// The team (or committee) that meets at this board.
    pub team: String,
    /// Hierarchical level.
    pub level: Level,
    /// The board that snapshots and escalations go up to.
    pub parent: Option<String>,
    /// The service trajectory this board belongs to, if any (horizontal integration).
    pub trajectory: Option<String>,
    /// Language of the board's screen.
    pub lang: Lang,
    /// Grid size: columns.
    pub columns: u32,
    /// Grid size: rows.
    pub rows: u32,
    /// A shorter title for the top bar, when the whole one does not fit.
    pub short_title: Option<String>,
    /// A grid of the facilitator's own for narrow and portrait screens; each section then has
    /// its place on it (`Section::portrait`). None: the kiosk reflows the main grid itself.
    pub portrait: Option<Grid>,
    /// Team members (display names or initials), for attendance and owners.
    pub members: Vec<String>,
    /// The daily huddle held at this board, if the file describes one.
    pub huddle: Option<HuddleSpec>,
    /// Sections in file order.
    pub sections: Vec<Section>,
    /// The file the board was read from.
    pub source: PathBuf,
}

impl Board {
    /// The section with this id, if any.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The answer delay (working days) of the board's first escalations section: how soon it
    /// expects answers to what it raises or sends up.
    pub fn answer_within_days(&self) -> Option<u32> {
        self.sections.iter().find_map(|s| match s.kind {
            SectionKind::Escalations { answer_within_days } => Some(answer_within_days),
            _ => None,
        })
    }
}

/// The daily huddle: when, how long, and its agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct HuddleSpec {
    /// Time of day, as hours and minutes.
    pub time: (u8, u8),
    /// Planned length in minutes.
    pub minutes: u32,
    /// Ordered agenda items.
    pub agenda: Vec<AgendaItem>,
}

/// One item of the huddle agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct AgendaItem {
    /// The section discussed (always a section of the same board).
    pub section: String,
    /// Minutes given to the item.
    pub minutes: u32,
    /// Title shown for the item; defaults to the section's title.
    pub title: Option<String>,
}

/// A grid's size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Columns.
    pub columns: u32,
    /// Rows.
    pub rows: u32,
}

/// A place on a grid: first column and row (from 1), columns and rows spanned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// First column (1-based).
    pub column: u32,
    /// First row (1-based).
    pub row: u32,
    /// Columns spanned.
    pub width: u32,
    /// Rows spanned.
    pub height: u32,
}

impl Section {
    /// Its place on the board's main grid.
    pub fn place(&self) -> Place {
        Place {
            column: self.column,
            row: self.row,
            width: self.width,
            height: self.height,
        }
    }
}

/// A section placed on the board grid. Columns and rows count from 1, as a facilitator counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Identifier, unique on the board.
    pub id: String,
    /// Title shown on the section.
    pub title: String,
    /// First column (1-based).
    pub column: u32,
    /// First row (1-based).
    pub row: u32,
    /// Columns spanned.
    pub width: u32,
    /// Rows spanned.
    pub height: u32,
    /// Its place on the board's portrait grid, when the board has one.
    pub portrait: Option<Place>,
    /// What the section holds, with the settings of that kind.
    pub kind: SectionKind,
}

/// The kinds of section a board can hold, each with its own settings.
#[derive(Clone, Debug, PartialEq)]
pub enum SectionKind {
    /// One performance indicator against its target.
    Indicator(IndicatorSpec),
    /// The action plan.
    Actions {
        /// Days without change after which an action is flagged as stale.
        stale_after_days: u32,
    },
    /// Improvement ideas moving through columns.
    Ideas {
        /// The columns an idea moves through, in order.
        columns: Vec<IdeaColumn>,
        /// Days without change after which an idea is flagged as stale.
        stale_after_days: u32,
    },
    /// Problems the team cannot solve alone, raised to the next level.
    Escalations {
        /// Days within which an answer is expected.
        answer_within_days: u32,
    },
    /// The team's well-being, voted anonymously each day.
    Mood,
    /// Who is at today's huddle.
    Attendance,
    /// Status sheets of clients along the service trajectory.
    Trajectory {
        /// Stages a client goes through, in order.
        stages: Vec<String>,
        /// Days in one stage after which a client's wait stands out.
        wait_warning_days: Option<u32>,
        /// Also show, read-only, the clients of the other teams on the board's trajectory
        /// (horizontal integration: a hand-over is visible to both teams).
        other_teams: bool,
        /// Hidden behind a tap (a privacy screen for a hallway), and hidden again after a
        /// minute without touch.
        private: bool,
    },
    /// Announcements and recognition.
    Notes,
    /// The safety cross: a month where each day is coloured by the team's safety events.
    Safety,
    /// For upper levels: the boards below this one.
    Units {
        /// The boards shown, in order; empty means every board whose parent is this one.
        boards: Vec<String>,
    },
}

impl SectionKind {
    /// The kind's name as written in board files.
    pub fn name(&self) -> &'static str {
        match self {
            SectionKind::Indicator(_) => "indicator",
            SectionKind::Actions { .. } => "actions",
            SectionKind::Ideas { .. } => "ideas",
            SectionKind::Escalations { .. } => "escalations",
            SectionKind::Mood => "mood",
            SectionKind::Attendance => "attendance",
            SectionKind::Trajectory { .. } => "trajectory",
            SectionKind::Notes => "notes",
            SectionKind::Safety => "safety",
            SectionKind::Units { .. } => "units",
        }
    }
}

/// Settings of an indicator section.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorSpec {
    /// Unit shown after values ("jours", "%", "clients").
    pub unit: String,
    /// The target value; none only for an indicator with no good side (`neutral`).
    pub target: Option<f64>,
    /// Whether higher or lower values are better, or neither.
    pub direction: Direction,
    /// Threshold between "watch" and "off target"; values between target and warning are a
    /// warning, values past it are off target.
    pub warning: Option<f64>,
    /// How often a value is recorded.
    pub frequency: Frequency,
    /// The family of the indicator in the performance management system.
    pub category: Option<IndicatorCategory>,
    /// How its chart reads its values: a run chart, or an XmR chart with its limits.
    pub chart: ChartKind,
    /// The limits of each phase of an XmR chart come from its first this many values (the
    /// rest are read against them); all its values when none.
    pub baseline: Option<u32>,
    /// Changes written in the board file: each starts a new phase of the XmR chart.
    pub changes: Vec<ChangeMark>,
}

/// The chart an indicator is read with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChartKind {
    /// Median, shifts and trends (the run-chart rules).
    #[default]
    Run,
    /// Mean and process limits, special causes and the two summary icons.
    Xmr,
}

/// A change the team tested, from the date it began: it starts a new phase of the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeMark {
    /// The day the change began.
    pub date: NaiveDate,
    /// What was changed ("Nouveau triage au téléphone").
    pub label: String,
    /// The entry that marked it on the screen; none for a change written in the board file.
    pub record: Option<String>,
}

/// Which way is better for an indicator.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Higher values are better (e.g. % of clients seen within the delay).
    Higher,
    /// Lower values are better (e.g. waiting list, days of delay).
    Lower,
    /// Neither way is better (a volume of requests, a number of referrals): special causes
    /// read as high or low, not as improvement or concern, and no target status is given.
    Neutral,
}

impl Direction {
    /// The sign written before the target: "≤ 20" when lower is better, "≥ 90" when higher
    /// is, "≈ 120" for a reference level of an indicator with no good side.
    pub fn target_sign(self) -> &'static str {
        match self {
            Direction::Lower => "≤",
            Direction::Higher => "≥",
            Direction::Neutral => "≈",
        }
    }
}

/// How often an indicator is measured.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
}

/// Where a value stands against its indicator's target.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// On target.
    Good,
    /// Between the target and the warning threshold.
    Watch,
    /// Past the warning threshold (or off target when there is none).
    Bad,
}

impl Status {
    /// The name a file or a script reads: `good`, `watch`, `bad`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Good => "good",
            Status::Watch => "watch",
            Status::Bad => "bad",
        }
    }
}

impl IndicatorSpec {
    /// Where `value` stands against this indicator's target and warning threshold; none for
    /// an indicator with no good side.
    pub fn status(&self, value: f64) -> Option<Status> {
        let target = self.target?;
        let better = |a: f64, b: f64| match self.direction {
            Direction::Lower => Some(a <= b),
            Direction::Higher => Some(a >= b),
            Direction::Neutral => None,
        };
        Some(if better(value, target)? {
            Status::Good
        } else if self.warning.is_some_and(|w| better(value, w) == Some(true)) {
            Status::Watch
        } else {
            Status::Bad
        })
    }
}

/// The families of indicators of the integrated performance management system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndicatorCategory {
    /// Accessibility: waiting lists and delays.
    Access,
    /// Continuity of services.
    Continuity,
    /// Well-being at work.
    WellBeing,
    /// Safety.
    Safety,
    /// Quality.
    Quality,
}

impl IndicatorCategory {
    /// Every family, in the order the tables of units show them.
    pub const ALL: [IndicatorCategory; 5] = [
        IndicatorCategory::Access,
        IndicatorCategory::Continuity,
        IndicatorCategory::WellBeing,
        IndicatorCategory::Safety,
        IndicatorCategory::Quality,
    ];

    /// The code of the family, as board files and snapshots write it.
    pub fn code(self) -> &'static str {
        match self {
            IndicatorCategory::Access => "access",
            IndicatorCategory::Continuity => "continuity",
            IndicatorCategory::WellBeing => "well-being",
            IndicatorCategory::Safety => "safety",
            IndicatorCategory::Quality => "quality",
        }
    }

    /// The family of a code, as [`IndicatorCategory::code`] writes it.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// One column of an ideas section.
#[derive(Clone, Debug, PartialEq)]
pub struct IdeaColumn {
    /// Column name shown as its header.
    pub name: String,
    /// Work-in-progress limit, if the column has one.
    pub limit: Option<u32>,
}
