//! The kiosk's configuration file, `huddle.toml`: what IT sets once per machine (the boards
//! folder, the shared folder, the device's name, the boards shown, the language, the display
//! schedule, the facilitator PIN's hash). Read with the same reader as board files, so a
//! mistake is reported as `file:line:column: what to write instead`, in English and French.
//!
//! Each effective value says where it came from: a command-line flag, the file (with its line),
//! or the default.

mod read;

use std::path::{Path, PathBuf};

use crate::layout::Problem;
use crate::layout::problem::{Diags, LineIndex, Msg};
use crate::layout::read::{Context, TableReader};
use crate::model::Lang;
use crate::sync::worker::WatchMode;

use read::DAYS;
pub use read::parse;

/// The file's name in the platform's config folder.
pub const FILE_NAME: &str = "huddle.toml";

/// The environment variable that names another config file.
pub const ENV: &str = "HUDDLE_CONFIG";

/// Where a value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A command-line option.
    Flag(&'static str),
    /// The config file, at this line.
    File { path: PathBuf, line: usize },
    /// Built in.
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "{flag}"),
            Source::File { path, line } => write!(f, "{}:{line}", path.display()),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

/// When the screen is on: outside these hours it dims or goes black until touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplaySchedule {
    /// Screen on from (hour, minute).
    pub on: (u8, u8),
    /// Screen off from (hour, minute).
    pub off: (u8, u8),
    /// Days the screen is on (0 = Monday … 6 = Sunday).
    pub days: Vec<u8>,
    /// `dim` or `black` outside the hours.
    pub mode: String,
}

/// How large the kiosk draws: chosen from the screen, or a fixed number of pixels per point.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Scale {
    /// From the screen's size in pixels (see `ui::theme::auto_scale`).
    #[default]
    Auto,
    /// This many pixels per point (1 = drawn as on a 1080p screen, 2 = twice as large).
    Fixed(f32),
}

impl std::fmt::Display for Scale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scale::Auto => f.write_str("auto (from the screen's size)"),
            Scale::Fixed(n) => write!(f, "{n}"),
        }
    }
}

/// The shortest and longest turn of each board when boards are shown in turn, in seconds:
/// long enough to read a board, short enough to come round within the hour.
pub const ROTATE_RANGE: (u32, u32) = (10, 3_600);

/// The smallest and largest fixed scale a config file may set.
pub const SCALE_RANGE: (f32, f32) = (0.5, 4.0);

impl DisplaySchedule {
    /// Whether the screen is on at `at` (local time). Hours that run past midnight (`on` after
    /// `off`, a night shift's board) belong to the day they started on.
    pub fn is_on(&self, at: chrono::NaiveDateTime) -> bool {
        use chrono::{Datelike as _, Timelike as _};
        let minute = |(h, m): (u8, u8)| u32::from(h) * 60 + u32::from(m);
        let (on, off) = (minute(self.on), minute(self.off));
        let now = at.hour() * 60 + at.minute();
        let day = |d: chrono::NaiveDate| {
            u8::try_from(d.weekday().num_days_from_monday()).is_ok_and(|n| self.days.contains(&n))
        };
        if on == off {
            return day(at.date());
        }
        if on < off {
            return day(at.date()) && (on..off).contains(&now);
        }
        (now >= on && day(at.date())) || (now < off && at.date().pred_opt().is_some_and(day))
    }

    /// Outside the hours the screen goes black (rather than dim).
    pub fn black(&self) -> bool {
        self.mode == "black"
    }
}

/// Changes the config file through `edit` (keeping its comments and layout), written to a temp
/// file and renamed over it; a missing file is made.
pub fn update_file(
    path: &Path,
    edit: impl FnOnce(&mut toml_edit::DocumentMut) -> Result<(), String>,
) -> Result<(), String> {
    let text = match read_text(path) {
        Ok(text) => text,
        Err(e) if e.is_not_found() => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|_| {
        format!(
            "{} is not valid TOML; mend it first (`huddle config` says where)",
            path.display()
        )
    })?;
    edit(&mut doc)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    // The file keeps its mode (a config made private stays private); a new one is private.
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::metadata(path).map_or(0o600, |m| m.permissions().mode() & 0o7777)
    };
    #[cfg(not(unix))]
    let mode = 0;
    crate::disk::write_atomic_mode(path, doc.to_string().as_bytes(), mode)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The largest config file read, in bytes.
pub const CONFIG_FILE_MAX: u64 = 256 << 10;

/// Reads a config file's text: a regular file of a bounded size, in UTF-8.
fn read_text(path: &Path) -> Result<String, crate::disk::ReadError> {
    let bytes = crate::disk::read_bounded(path, CONFIG_FILE_MAX, crate::disk::Links::Follow)?;
    String::from_utf8(bytes).map_err(|_| {
        crate::disk::ReadError::Io(std::io::Error::other(
            "it is not UTF-8 text; save it as UTF-8",
        ))
    })
}

/// What the config file sets (each with its line), before flags and defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileConfig {
    /// The boards folder.
    pub boards: Option<Setting<PathBuf>>,
    /// The data folder.
    pub data_dir: Option<Setting<PathBuf>>,
    /// The shared folder.
    pub shared: Option<Setting<PathBuf>>,
    /// How the shared folder is watched.
    pub watch: Option<Setting<WatchMode>>,
    /// The feeds folder.
    pub feeds: Option<Setting<PathBuf>>,
    /// This kiosk's name, as other kiosks and snapshots say it.
    pub device_name: Option<Setting<String>>,
    /// The boards this kiosk shows (the first is shown first); none: every board.
    pub boards_shown: Option<Setting<Vec<String>>>,
    /// The language of messages that belong to no board.
    pub language: Option<Setting<Lang>>,
    /// The display schedule.
    pub display: Option<Setting<DisplaySchedule>>,
    /// How large the kiosk draws (`[display] scale`).
    pub scale: Option<Setting<Scale>>,
    /// Seconds each board shows in turn when nobody touches the screen (`[display]
    /// rotate_seconds`).
    pub rotate_seconds: Option<Setting<u32>>,
    /// The facilitator PIN's hash (argon2, PHC string); never the PIN itself.
    pub pin_hash: Option<Setting<String>>,
}

/// The config file read: its path, whether it exists, what it sets and its problems.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// The file.
    pub path: PathBuf,
    /// Whether it exists (a missing file is fine: everything takes its default).
    pub exists: bool,
    /// What it sets (the valid keys, when some are not).
    pub file: FileConfig,
    /// What is wrong in it, as `file:line:column: message`.
    pub problems: Vec<Problem>,
}

/// The config file to read: `explicit` (from `--config`), else `$HUDDLE_CONFIG`, else
/// `huddle.toml` in the platform's config folder.
pub fn path(explicit: Option<&Path>) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_owned();
    }
    if let Some(p) = std::env::var_os(ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    crate::paths::config_dir().join(FILE_NAME)
}

/// Reads the config file at `path`. A missing file sets nothing; an unreadable or broken one
/// gives problems (and what could be read of it).
pub fn load(path: &Path) -> Loaded {
    let mut loaded = Loaded {
        path: path.to_owned(),
        ..Loaded::default()
    };
    let text = match read_text(path) {
        Ok(text) => text,
        Err(e) if e.is_not_found() => return loaded,
        Err(e) => {
            loaded.exists = true;
            loaded.problems.push(Problem {
                file: path.to_owned(),
                line: 1,
                column: 1,
                severity: crate::layout::Severity::Error,
                message: format!("cannot be read: {e}"),
                message_fr: format!("ne peut pas être lu : {e}"),
            });
            return loaded;
        }
    };
    loaded.exists = true;
    let (file, problems) = parse(path, &text);
    loaded.file = file;
    loaded.problems = problems;
    loaded
}

/// The settings in effect: each from a flag, the config file or its default.
#[derive(Clone, Debug, PartialEq)]
pub struct Effective {
    /// The config file read.
    pub file: PathBuf,
    /// Whether it exists.
    pub file_exists: bool,
    /// The boards folder.
    pub boards: Setting<PathBuf>,
    /// The data folder.
    pub data_dir: Setting<PathBuf>,
    /// The shared folder, if any.
    pub shared: Setting<Option<PathBuf>>,
    /// How the shared folder is watched.
    pub watch: Setting<WatchMode>,
    /// The feeds folder.
    pub feeds: Setting<PathBuf>,
    /// This kiosk's name.
    pub device_name: Setting<String>,
    /// The boards shown (empty: every board).
    pub boards_shown: Setting<Vec<String>>,
    /// The language of messages that belong to no board.
    pub language: Setting<Lang>,
    /// The display schedule (none: always on).
    pub display: Setting<Option<DisplaySchedule>>,
    /// How large the kiosk draws.
    pub scale: Setting<Scale>,
    /// Seconds each of the boards shown stays on screen when nobody touches it (none: the
    /// board stays until someone changes it).
    pub rotate_seconds: Setting<Option<u32>>,
    /// Whether a facilitator PIN is set (its hash is never printed).
    pub pin_set: Setting<bool>,
}

/// The command-line options that override the file.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    /// `--boards`.
    pub boards: Option<PathBuf>,
    /// `--data-dir`.
    pub data_dir: Option<PathBuf>,
    /// `--shared`.
    pub shared: Option<PathBuf>,
    /// `--watch`.
    pub watch: Option<WatchMode>,
    /// `--feeds`.
    pub feeds: Option<PathBuf>,
}

/// Flags over the file over the defaults.
pub fn effective(loaded: &Loaded, flags: &Flags) -> Effective {
    fn pick<T>(
        flag: Option<T>,
        name: &'static str,
        file: Option<Setting<T>>,
    ) -> Option<Setting<T>> {
        flag.map(|value| Setting {
            value,
            source: Source::Flag(name),
        })
        .or(file)
    }
    fn default<T>(value: T) -> Setting<T> {
        Setting {
            value,
            source: Source::Default,
        }
    }
    let f = loaded.file.clone();
    let data_dir = pick(flags.data_dir.clone(), "--data-dir", f.data_dir)
        .unwrap_or_else(|| default(crate::paths::default_data_dir()));
    let feeds = pick(flags.feeds.clone(), "--feeds", f.feeds)
        .unwrap_or_else(|| default(data_dir.value.join("feeds")));
    let shared = match pick(flags.shared.clone(), "--shared", f.shared) {
        Some(s) => Setting {
            value: Some(s.value),
            source: s.source,
        },
        None => default(None),
    };
    Effective {
        file: loaded.path.clone(),
        file_exists: loaded.exists,
        boards: pick(flags.boards.clone(), "--boards", f.boards)
            .unwrap_or_else(|| default(crate::paths::default_boards_dir())),
        data_dir,
        shared,
        watch: pick(flags.watch, "--watch", f.watch).unwrap_or_else(|| default(WatchMode::Auto)),
        feeds,
        device_name: f
            .device_name
            .unwrap_or_else(|| default(crate::sync::host_name())),
        boards_shown: f.boards_shown.unwrap_or_else(|| default(Vec::new())),
        language: f.language.unwrap_or_else(|| default(Lang::Fr)),
        display: match f.display {
            Some(d) => Setting {
                value: Some(d.value),
                source: d.source,
            },
            None => default(None),
        },
        scale: f.scale.unwrap_or_else(|| default(Scale::Auto)),
        rotate_seconds: match f.rotate_seconds {
            Some(s) => Setting {
                value: Some(s.value),
                source: s.source,
            },
            None => default(None),
        },
        pin_set: match f.pin_hash {
            Some(p) => Setting {
                value: true,
                source: p.source,
            },
            None => default(false),
        },
    }
}

impl Effective {
    /// Each setting as (key, value in words, where it came from), in the file's order.
    pub fn rows(&self) -> Vec<(&'static str, String, String)> {
        let path = |p: &Path| p.display().to_string();
        let time = |(h, m): (u8, u8)| format!("{h:02}:{m:02}");
        vec![
            (
                "boards",
                path(&self.boards.value),
                self.boards.source.to_string(),
            ),
            (
                "data_dir",
                path(&self.data_dir.value),
                self.data_dir.source.to_string(),
            ),
            (
                "shared",
                self.shared.value.as_deref().map_or_else(
                    || "(none: this kiosk keeps its data to itself)".to_owned(),
                    path,
                ),
                self.shared.source.to_string(),
            ),
            (
                "watch",
                format!("{:?}", self.watch.value).to_lowercase(),
                self.watch.source.to_string(),
            ),
            (
                "feeds",
                path(&self.feeds.value),
                self.feeds.source.to_string(),
            ),
            (
                "device_name",
                self.device_name.value.clone(),
                self.device_name.source.to_string(),
            ),
            (
                "boards_shown",
                if self.boards_shown.value.is_empty() {
                    "(every board)".to_owned()
                } else {
                    self.boards_shown.value.join(", ")
                },
                self.boards_shown.source.to_string(),
            ),
            (
                "language",
                self.language.value.code().to_owned(),
                self.language.source.to_string(),
            ),
            (
                "display",
                self.display.value.as_ref().map_or_else(
                    || "(always on)".to_owned(),
                    |d| {
                        let days: Vec<&str> = d
                            .days
                            .iter()
                            .filter_map(|i| DAYS.get(usize::from(*i)).copied())
                            .collect();
                        format!(
                            "on {} to {}, {}; {} outside",
                            time(d.on),
                            time(d.off),
                            days.join(" "),
                            d.mode
                        )
                    },
                ),
                self.display.source.to_string(),
            ),
            (
                "display.scale",
                self.scale.value.to_string(),
                self.scale.source.to_string(),
            ),
            (
                "display.rotate_seconds",
                self.rotate_seconds
                    .value
                    .map_or_else(|| "(none: no boards in turn)".to_owned(), |s| s.to_string()),
                self.rotate_seconds.source.to_string(),
            ),
            (
                "facilitator.pin_hash",
                if self.pin_set.value {
                    "(set)"
                } else {
                    "(none)"
                }
                .to_owned(),
                self.pin_set.source.to_string(),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (FileConfig, Vec<String>) {
        let (config, problems) = parse(Path::new("/etc/huddle/huddle.toml"), text);
        (config, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn a_full_file_is_read_with_each_values_line() {
        let (c, problems) = parsed(
            "boards = \"boards\"\nshared = \"/mnt/partage\"\nwatch = \"poll\"\n\
             device_name = \"Accueil 2e étage\"\nboards_shown = [\"accueil-jeunesse\"]\n\
             language = \"en\"\n\n[display]\non = \"07:00\"\noff = \"18:30\"\nmode = \"black\"\n\n\
             [facilitator]\npin_hash = \"$argon2id$v=19$m=19456,t=2,p=1$abc$def\"\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let boards = c.boards.unwrap_or_else(|| unreachable!());
        assert_eq!(boards.value, Path::new("/etc/huddle/boards"));
        assert_eq!(
            boards.source,
            Source::File {
                path: "/etc/huddle/huddle.toml".into(),
                line: 1
            }
        );
        assert_eq!(c.watch.map(|w| w.value), Some(WatchMode::Poll));
        let display = c.display.map(|d| d.value);
        assert_eq!(
            display,
            Some(DisplaySchedule {
                on: (7, 0),
                off: (18, 30),
                days: vec![0, 1, 2, 3, 4],
                mode: "black".into()
            })
        );
        assert!(c.pin_hash.is_some());
        assert_eq!(c.language.map(|l| l.value), Some(Lang::En));
    }

    #[test]
    fn unknown_keys_and_wrong_values_say_where_and_what_to_write() {
        let (c, problems) = parsed(
            "shraed = \"/mnt/x\"\nwatch = \"sometimes\"\n[display]\non = \"7h\"\noff = \"soir\"\n\
             [facilitator]\npin_hash = \"1234\"\n",
        );
        assert!(c.shared.is_none() && c.display.is_none() && c.pin_hash.is_none());
        let all = problems.join("\n");
        assert!(
            all.contains("huddle.toml:1:1: unknown key `shraed`"),
            "{all}"
        );
        assert!(all.contains("`shared`"), "did you mean: {all}");
        assert!(all.contains("huddle.toml:2:"), "{all}");
        assert!(all.contains("\"auto\", \"native\" or \"poll\""), "{all}");
        assert!(
            all.contains("huddle.toml:5:") && all.contains("\"07:30\""),
            "{all}"
        );
        assert!(all.contains("never the PIN itself"), "{all}");
    }

    #[test]
    fn flags_win_over_the_file_which_wins_over_defaults() {
        let (file, _) = parsed("shared = \"/mnt/partage\"\ndata_dir = \"/var/lib/huddle\"\n");
        let loaded = Loaded {
            path: "/etc/huddle/huddle.toml".into(),
            exists: true,
            file,
            problems: Vec::new(),
        };
        let e = effective(
            &loaded,
            &Flags {
                shared: Some("/tmp/other".into()),
                ..Flags::default()
            },
        );
        assert_eq!(e.shared.value.as_deref(), Some(Path::new("/tmp/other")));
        assert_eq!(e.shared.source, Source::Flag("--shared"));
        assert_eq!(e.data_dir.value, Path::new("/var/lib/huddle"));
        assert_eq!(e.feeds.value, Path::new("/var/lib/huddle/feeds"));
        assert_eq!(e.feeds.source, Source::Default);
        assert_eq!(e.watch.value, WatchMode::Auto);
    }

    #[test]
    fn the_display_schedule_says_when_the_screen_is_on() {
        let at = |d: u32, h: u32, m: u32| {
            chrono::NaiveDate::from_ymd_opt(2026, 11, d)
                .and_then(|d| d.and_hms_opt(h, m, 0))
                .unwrap_or_default()
        };
        // Monday 23 November 2026 … Sunday 29.
        let day = DisplaySchedule {
            on: (7, 0),
            off: (18, 30),
            days: vec![0, 1, 2, 3, 4],
            mode: "dim".into(),
        };
        assert!(!day.is_on(at(23, 6, 59)));
        assert!(day.is_on(at(23, 7, 0)));
        assert!(day.is_on(at(23, 18, 29)));
        assert!(!day.is_on(at(23, 18, 30)));
        assert!(!day.is_on(at(28, 10, 0)), "Saturday is off");
        assert!(!day.black());
        let night = DisplaySchedule {
            on: (22, 0),
            off: (7, 0),
            days: vec![4],
            mode: "black".into(),
        };
        assert!(night.is_on(at(27, 23, 0)), "Friday night");
        assert!(
            night.is_on(at(28, 6, 59)),
            "the small hours belong to Friday"
        );
        assert!(!night.is_on(at(28, 7, 0)));
        assert!(!night.is_on(at(28, 23, 0)), "Saturday night is off");
        assert!(night.black());
    }

    #[test]
    fn boards_take_turns_only_when_the_file_says_how_long_each_shows() {
        let (c, problems) = parsed("[display]\nrotate_seconds = 45\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(c.display.is_none(), "no schedule for it");
        let settings = effective(
            &Loaded {
                file: c,
                ..Loaded::default()
            },
            &Flags::default(),
        );
        assert_eq!(settings.rotate_seconds.value, Some(45));
        let row = settings
            .rows()
            .into_iter()
            .find(|r| r.0 == "display.rotate_seconds");
        let (_, value, from) = row.unwrap_or_else(|| unreachable!());
        assert_eq!(value, "45");
        assert!(from.ends_with(":2"), "{from}");
        let default = effective(&Loaded::default(), &Flags::default());
        assert_eq!(default.rotate_seconds.value, None);
        for (text, says) in [
            ("[display]\nrotate_seconds = 3\n", "from 10 to 3600"),
            ("[display]\nrotate_seconds = \"30\"\n", "without quotes"),
            ("[display]\nrotate_seconds = 7.5\n", "whole number"),
        ] {
            let (c, problems) = parsed(text);
            assert!(c.rotate_seconds.is_none(), "{text}");
            let said = format!("{problems:?}");
            assert!(said.contains(says), "{text}: {said}");
        }
    }

    #[test]
    fn the_scale_is_auto_unless_the_file_sets_a_number() {
        let (c, problems) = parsed("[display]\nscale = 1.5\n");
        assert!(problems.is_empty(), "{problems:?}");
        // Scale alone: no display schedule.
        assert!(c.display.is_none());
        let scale = c.scale.clone().unwrap_or_else(|| unreachable!());
        assert_eq!(scale.value, Scale::Fixed(1.5));
        let settings = effective(
            &Loaded {
                file: c,
                ..Loaded::default()
            },
            &Flags::default(),
        );
        let row = settings.rows().into_iter().find(|r| r.0 == "display.scale");
        let (_, value, from) = row.unwrap_or_else(|| unreachable!());
        assert_eq!(value, "1.5");
        assert!(from.ends_with(":2"), "{from}");

        let (c, problems) =
            parsed("[display]\nscale = \"auto\"\non = \"07:00\"\noff = \"18:00\"\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.scale.map(|s| s.value), Some(Scale::Auto));
        assert!(c.display.is_some());
        let default = effective(&Loaded::default(), &Flags::default());
        assert_eq!(default.scale.value, Scale::Auto);
        assert_eq!(default.scale.source, Source::Default);

        for (text, says) in [
            ("[display]\nscale = 12\n", "a number from 0.5 to 4"),
            ("[display]\nscale = \"big\"\n", "not \"auto\" or a number"),
        ] {
            let (c, problems) = parsed(text);
            assert!(c.scale.is_none());
            assert!(
                problems
                    .iter()
                    .any(|p| p.contains(says) && p.contains(":2:")),
                "{text}: {problems:?}"
            );
        }
    }
}
