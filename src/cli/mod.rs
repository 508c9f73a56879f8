//! The command line: `huddle [kiosk]`, `huddle check`, `huddle boards`, …
//!
//! Each command is a function that returns an exit code; errors meant for people are printed
//! here, at the edge, and nowhere else.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::layout::{self, FileReport};
use crate::sync::worker::WatchMode;

mod doctor;
mod entries;
mod escalation;
mod kinds;
mod pin;
mod schema;
mod spc;
mod sync;

/// Huddle: the kiosk for a team's visual management board and its daily huddle.
#[derive(Parser, Debug)]
#[command(name = "huddle", version, about, long_about = None)]
pub struct Cli {
    /// The configuration file. Default: $HUDDLE_CONFIG, else huddle.toml in the platform's
    /// config folder (~/.config/huddle/huddle.toml). Options given here win over it.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Folder of board files (*.toml). Default: ./boards if it exists, else the user's
    /// config folder, else the installed examples.
    #[arg(long, global = true, value_name = "DIR")]
    pub boards: Option<PathBuf>,
    /// Folder for this kiosk's data (database, logs). Default: the platform's data folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Folder the kiosk watches for CSV feeds, one file per indicator at
    /// DIR/<board>/<indicator>.csv. Default: the `feeds` folder of the data folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub feeds: Option<PathBuf>,
    /// Shared folder through which kiosks exchange their changes: a network share, or a
    /// Syncthing, OneDrive or Dropbox folder. Without it, the kiosk keeps its data to itself.
    #[arg(long, global = true, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// How to notice changes in the shared folder: `native` events (local disk, sync
    /// engines), `poll` every few seconds (network shares send no events), or `auto`.
    /// Default: auto.
    #[arg(long, global = true, value_enum)]
    pub watch: Option<WatchMode>,
    /// Board to show first (its id, as `huddle boards` lists them).
    #[arg(long, global = true, value_name = "ID")]
    pub board: Option<String>,
    /// Open a normal window instead of taking the whole screen.
    #[arg(long, global = true)]
    pub windowed: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands. Without one, `huddle` starts the kiosk.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start the kiosk (the default).
    Kiosk,
    /// Check board files and print every problem as file:line:column: message.
    /// Exit 0 when all are valid, 1 when any is not, 2 on usage errors.
    Check {
        /// Files or folders to check. Default: the boards folder.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the boards found, with their sections.
    Boards {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the JSON Schema of board files, made from the table the board reader checks
    /// against: editors that read a `#:schema` first line (VS Code's Even Better TOML, Helix,
    /// Zed) then complete keys, show what each is for and flag mistakes (docs/boards.md).
    Schema {
        /// Write it to this file instead of printing it.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Record or list an indicator's values.
    #[command(subcommand)]
    Value(ValueCommand),
    /// Add, move, correct or list the actions of a board's action plan.
    #[command(subcommand)]
    Action(ActionCommand),
    /// Improvement ideas: add, list, move to another column.
    #[command(subcommand)]
    Idea(kinds::IdeaCommand),
    /// Announcements and recognitions: add, list.
    #[command(subcommand)]
    Note(kinds::NoteCommand),
    /// Clients along the trajectory: add, move on, list.
    #[command(subcommand)]
    Client(kinds::ClientCommand),
    /// The safety cross: set a day.
    #[command(subcommand)]
    Safety(kinds::SafetyCommand),
    /// The team's mood: the votes of a day.
    #[command(subcommand)]
    Mood(kinds::MoodCommand),
    /// Load an indicator's values from a CSV file (date,value or date;value; header optional;
    /// decimal commas accepted). Bad rows are reported by line; good rows still load; importing
    /// the same file again changes nothing. Exit 1 if any row was bad.
    Import {
        /// Board id.
        #[arg(long)]
        board: String,
        /// Indicator section id.
        #[arg(long)]
        indicator: String,
        /// The CSV file.
        file: PathBuf,
    },
    /// The huddles held at a board, newest first: when, how long, who came, roles, time per
    /// agenda item, decisions, actions and escalations created.
    Huddles {
        /// Board id.
        #[arg(long)]
        board: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Exchange changes with the other kiosks through the shared folder (--shared): without
    /// an option, keep syncing until stopped.
    Sync {
        /// Publish this kiosk's changes and read the others' once, then exit (exit 1 if the
        /// folder cannot be reached or written).
        #[arg(long)]
        once: bool,
        /// Publish every change of this kiosk again, into a new or restored shared folder.
        #[arg(long, conflicts_with = "once")]
        republish: bool,
        /// Give this data folder a new device id (when a copied data folder runs on a second
        /// machine).
        #[arg(long, conflicts_with_all = ["once", "republish"])]
        new_device_id: bool,
        #[command(subcommand)]
        action: Option<SyncCommand>,
    },
    /// Write a snapshot of a board for the level above: a JSON file (docs/snapshot.md) and a
    /// standalone HTML page, never overwriting an older one. Prints the two paths.
    Export {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The day described, YYYY-MM-DD (default: today): values and entries up to that day.
        #[arg(long)]
        date: Option<String>,
        /// Folder to write into. Default: the shared folder's huddle-snapshots/<board>/ with
        /// --shared (where the parent board's kiosks read it), else the data folder's
        /// snapshots/<board>/.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Raise, list, take, answer, send up or close escalations: problems a team cannot solve
    /// alone go up to the parent board, answers come back down.
    #[command(subcommand)]
    Escalation(EscalationCommand),
    /// An indicator's XmR chart as NHSRplotthedots computes it: each value's mean, process
    /// limits, special cause and reading, then the variation of the latest value and the
    /// assurance of the target. From a board's values, or from any CSV file `import` reads.
    Spc {
        /// Board id (with --indicator).
        #[arg(long, requires = "indicator", conflicts_with = "csv")]
        board: Option<String>,
        /// Indicator section id (with --board).
        #[arg(long, requires = "board")]
        indicator: Option<String>,
        /// A CSV file of date,value rows, as `huddle import` reads them.
        #[arg(long, value_name = "FILE", required_unless_present = "board")]
        csv: Option<PathBuf>,
        /// Which way is better. Default: the board's; higher for a CSV.
        #[arg(long, value_enum)]
        direction: Option<spc::DirectionArg>,
        /// The target. Default: the board's; none for a CSV.
        #[arg(long, allow_hyphen_values = true)]
        target: Option<String>,
        /// Dates that start a new phase, YYYY-MM-DD, comma-separated. Default: the changes
        /// written in the board file.
        #[arg(long, value_delimiter = ',', value_name = "DATE[,DATE…]")]
        rebase: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: spc::SpcFormat,
    },
    /// The configuration in effect: each setting, its value, and where it came from (an
    /// option, the config file and its line, or the default). Exit 1 if the file has mistakes.
    Config {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The facilitator PIN that opens facilitator mode on the screen (settings, deleting,
    /// boards shown, leaving full screen). Only its argon2 hash is written, to the config file.
    #[command(subcommand)]
    Pin(PinCommand),
    /// Makes today's copy of the database in the data folder's backups/ (the kiosk makes one
    /// each day by itself) and keeps the newest ones. Prints the copy made.
    Backup {
        /// How many daily copies to keep.
        #[arg(long, default_value_t = crate::store::backup::KEEP)]
        keep: usize,
    },
    /// Checks this kiosk and says in plain words what to fix: the board files, the data folder
    /// (free space, writable, database integrity), the shared folder (reachable, writable,
    /// other kiosks, clock skew), the display. Exit 1 if something must be fixed.
    Doctor,
    /// The audit trail: the changes made on a board (or on every board), newest first — when,
    /// who, from where (screen, cli, feed, sync), on which kiosk, what, and what it was before.
    History {
        /// Board id (default: every board).
        #[arg(long)]
        board: Option<String>,
        /// Only the changes made on or after this day, YYYY-MM-DD.
        #[arg(long)]
        since: Option<String>,
        /// How many changes at most.
        #[arg(long, default_value_t = 200)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = entries::HistoryFormat::Text)]
        format: entries::HistoryFormat,
    },
}

/// `huddle pin …`
#[derive(Subcommand, Debug)]
pub enum PinCommand {
    /// Sets the PIN: asked twice without echo on a terminal, or read as one line from stdin
    /// (`echo 4821 | huddle pin set`). 4 to 8 digits.
    Set,
    /// Removes the PIN: facilitator mode then opens with a tap.
    Clear,
}

/// `huddle sync …`
#[derive(Subcommand, Debug)]
pub enum SyncCommand {
    /// Where sync stands: this kiosk's id, last sync, changes waiting, kiosks seen, problems.
    /// Exit 1 when the folder cannot be reached or the sync is refused.
    Status {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// `huddle escalation …`
#[derive(Subcommand, Debug)]
pub enum EscalationCommand {
    /// Raise an escalation to the board's parent (or --to another board above); prints its
    /// id. Its answer is expected within the section's `answer_within_days` working days.
    Raise {
        /// Board raising it.
        #[arg(long)]
        board: String,
        /// What the problem is.
        #[arg(long)]
        title: String,
        /// Why the team cannot solve it alone (required).
        #[arg(long)]
        why: String,
        /// Board it goes to (default: the board's parent).
        #[arg(long)]
        to: Option<String>,
        /// The escalations section (default: the board's first).
        #[arg(long)]
        section: Option<String>,
    },
    /// What a board raised and what the boards below sent it, with ids, status and answers;
    /// those waiting for this board first.
    List {
        /// Board id.
        #[arg(long)]
        board: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Take in hand an escalation sent to the board.
    Take {
        /// Board holding it.
        #[arg(long)]
        board: String,
        /// Escalation id (or a unique start of it).
        #[arg(long)]
        id: String,
    },
    /// Answer an escalation sent to the board; the answer shows on the board that raised it.
    Answer {
        /// Board holding it.
        #[arg(long)]
        board: String,
        /// Escalation id (or a unique start of it).
        #[arg(long)]
        id: String,
        /// The answer.
        #[arg(long)]
        text: String,
    },
    /// Send an escalation the board holds one level up, to its parent board.
    Forward {
        /// Board holding it.
        #[arg(long)]
        board: String,
        /// Escalation id (or a unique start of it).
        #[arg(long)]
        id: String,
    },
    /// Close an answered escalation (by the board that raised it).
    Close {
        /// Board that raised it.
        #[arg(long)]
        board: String,
        /// Escalation id (or a unique start of it).
        #[arg(long)]
        id: String,
    },
}

/// `huddle value …`
#[derive(Subcommand, Debug)]
pub enum ValueCommand {
    /// Record an indicator's value (today's, or another date's).
    Set {
        /// Board id.
        #[arg(long)]
        board: String,
        /// Indicator section id.
        #[arg(long)]
        indicator: String,
        /// Date of the value, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// The value: digits, with a comma or a point for decimals.
        value: String,
    },
    /// List an indicator's values, oldest first.
    List {
        /// Board id.
        #[arg(long)]
        board: String,
        /// Indicator section id.
        #[arg(long)]
        indicator: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// `huddle action …`
#[derive(Subcommand, Debug)]
pub enum ActionCommand {
    /// Add an action to a board's action plan; prints its id.
    Add {
        /// Board id.
        #[arg(long)]
        board: String,
        /// What is to be done.
        #[arg(long)]
        title: String,
        /// Who does it (a team member).
        #[arg(long)]
        owner: Option<String>,
        /// By when, YYYY-MM-DD.
        #[arg(long)]
        due: Option<String>,
        /// The actions section (default: the board's first).
        #[arg(long)]
        section: Option<String>,
    },
    /// Move an action to a status: todo, doing, done or cancelled.
    Move {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The action's id (or a unique start of it).
        #[arg(long)]
        id: String,
        /// The status.
        #[arg(long, value_enum)]
        to: kinds::Status,
    },
    /// Correct an action's title, owner or due date (the others stay; `--owner ""` or
    /// `--due ""` clears it). It keeps its place and its history.
    Edit {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The action's id (or a unique start of it).
        #[arg(long)]
        id: String,
        /// What is to be done.
        #[arg(long)]
        title: Option<String>,
        /// Who does it.
        #[arg(long)]
        owner: Option<String>,
        /// By when.
        #[arg(long)]
        due: Option<String>,
    },
    /// List a board's actions: open ones first, overdue ones first among them.
    List {
        /// Board id.
        #[arg(long)]
        board: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// How a command prints its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Lines for people.
    Text,
    /// JSON for scripts.
    Json,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stops early (`huddle boards | head`) is not a failure.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("huddle: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // The format alone: no configuration, boards or data are read.
    if let Some(Command::Schema { output }) = &cli.command {
        return schema::run(output.as_deref(), locale_lang());
    }
    let loaded = crate::config::load(&crate::config::path(cli.config.as_deref()));
    let settings = crate::config::effective(
        &loaded,
        &crate::config::Flags {
            boards: cli.boards.clone(),
            data_dir: cli.data_dir.clone(),
            shared: cli.shared.clone(),
            watch: cli.watch,
            feeds: cli.feeds.clone(),
        },
    );
    if let Some(Command::Config { format }) = cli.command {
        return print_config(&loaded, &settings, format);
    }
    // A mistake in the config file is said, and the valid settings still apply: a kiosk on the
    // wall must start even so.
    for problem in &loaded.problems {
        eprintln!("huddle: {}", problem.in_lang(locale_lang()));
    }
    let boards_dir = settings.boards.value.clone();
    let data_dir = settings.data_dir.value.clone();
    let shared = settings.shared.value.clone();
    let watch = settings.watch.value;
    let places = entries::Places {
        boards: &boards_dir,
        data: &data_dir,
    };
    match cli.command {
        Some(Command::Value(ValueCommand::Set {
            board,
            indicator,
            date,
            value,
        })) => entries::value_set(&places, &board, &indicator, date.as_deref(), &value),
        Some(Command::Value(ValueCommand::List {
            board,
            indicator,
            format,
        })) => entries::value_list(&places, &board, &indicator, format),
        Some(Command::Action(ActionCommand::Add {
            board,
            title,
            owner,
            due,
            section,
        })) => entries::action_add(
            &places,
            &board,
            &title,
            owner.as_deref(),
            due.as_deref(),
            section.as_deref(),
        ),
        Some(Command::Action(ActionCommand::List { board, format })) => {
            entries::action_list(&places, &board, format)
        }
        Some(Command::Action(ActionCommand::Move { board, id, to })) => {
            kinds::action_move(&places, &board, &id, to)
        }
        Some(Command::Action(ActionCommand::Edit {
            board,
            id,
            title,
            owner,
            due,
        })) => kinds::action_edit(
            &places,
            &board,
            &id,
            (title.as_deref(), owner.as_deref(), due.as_deref()),
        ),
        Some(Command::Idea(command)) => match command {
            kinds::IdeaCommand::Add {
                board,
                title,
                by,
                column,
                section,
            } => kinds::idea_add(
                &places,
                &board,
                &title,
                (by.as_deref(), column.as_deref(), section.as_deref()),
            ),
            kinds::IdeaCommand::List { board, format } => kinds::idea_list(&places, &board, format),
            kinds::IdeaCommand::Move { board, id, to } => {
                kinds::idea_move(&places, &board, &id, &to)
            }
        },
        Some(Command::Note(command)) => match command {
            kinds::NoteCommand::Add {
                board,
                text,
                recognition,
                until,
                section,
            } => kinds::note_add(
                &places,
                &board,
                &text,
                (recognition, until.as_deref(), section.as_deref()),
            ),
            kinds::NoteCommand::List { board, format } => kinds::note_list(&places, &board, format),
        },
        Some(Command::Client(command)) => match command {
            kinds::ClientCommand::Add {
                board,
                code,
                stage,
                since,
                next_step,
                owner,
                section,
            } => kinds::client_add(
                &places,
                &board,
                &code,
                &kinds::NewClient {
                    stage: stage.as_deref(),
                    since: since.as_deref(),
                    next_step: next_step.as_deref(),
                    owner: owner.as_deref(),
                    section: section.as_deref(),
                },
            ),
            kinds::ClientCommand::Move {
                board,
                id,
                to,
                since,
            } => kinds::client_move(&places, &board, &id, (to.as_deref(), since.as_deref())),
            kinds::ClientCommand::List { board, format } => {
                kinds::client_list(&places, &board, format)
            }
        },
        Some(Command::Safety(kinds::SafetyCommand::Set {
            board,
            date,
            level,
            note,
            section,
        })) => kinds::safety_set(
            &places,
            &board,
            (date.as_deref(), level),
            (note.as_deref(), section.as_deref()),
        ),
        Some(Command::Mood(kinds::MoodCommand::List {
            board,
            date,
            format,
        })) => kinds::mood_list(&places, &board, date.as_deref(), format),
        Some(Command::Export { board, date, out }) => entries::export(
            &places,
            &board,
            date.as_deref(),
            out.as_deref(),
            shared.as_deref(),
        ),
        Some(Command::Escalation(command)) => match command {
            EscalationCommand::Raise {
                board,
                title,
                why,
                to,
                section,
            } => escalation::raise(
                &places,
                &escalation::Raise {
                    board: &board,
                    title: &title,
                    why: &why,
                    to: to.as_deref(),
                    section: section.as_deref(),
                },
            ),
            EscalationCommand::List { board, format } => escalation::list(&places, &board, format),
            EscalationCommand::Take { board, id } => escalation::take(&places, &board, &id),
            EscalationCommand::Answer { board, id, text } => {
                escalation::answer(&places, &board, &id, &text)
            }
            EscalationCommand::Forward { board, id } => escalation::forward(&places, &board, &id),
            EscalationCommand::Close { board, id } => escalation::close(&places, &board, &id),
        },
        Some(Command::History {
            board,
            since,
            limit,
            format,
        }) => entries::history(&places, board.as_deref(), since.as_deref(), format, limit),
        Some(Command::Import {
            board,
            indicator,
            file,
        }) => entries::import(&places, &board, &indicator, &file),
        Some(Command::Huddles { board, format }) => entries::huddles(&places, &board, format),
        Some(Command::Spc {
            board,
            indicator,
            csv,
            direction,
            target,
            rebase,
            format,
        }) => spc::spc(
            &places,
            &spc::Request {
                indicator: board.as_deref().zip(indicator.as_deref()),
                csv: csv.as_deref(),
                direction,
                target: target.as_deref(),
                rebase: &rebase,
                format,
            },
        ),
        Some(Command::Sync {
            once,
            republish,
            new_device_id,
            action,
        }) => {
            let request = sync::Request {
                data: &data_dir,
                shared: shared.as_deref(),
                watch,
                name: &settings.device_name.value,
            };
            match action {
                Some(SyncCommand::Status { format }) => sync::status(&request, format),
                None if new_device_id => sync::new_device_id(&request),
                None if republish => sync::republish(&request),
                None if once => sync::once(&request),
                None => sync::forever(&request),
            }
        }
        None | Some(Command::Kiosk) => {
            crate::app::run_kiosk(crate::app::KioskOptions {
                boards_dir: boards_dir.clone(),
                data_dir: data_dir.clone(),
                board: cli.board,
                windowed: cli.windowed,
                feeds_dir: settings.feeds.value.clone(),
                shared: shared.clone(),
                watch,
                device_name: settings.device_name.value.clone(),
                boards_shown: settings.boards_shown.value.clone(),
                settings: settings.rows(),
                language: settings.language.value,
                pin_hash: loaded.file.pin_hash.as_ref().map(|p| p.value.clone()),
                display: settings.display.value.clone(),
                scale: settings.scale.value,
                rotate_seconds: settings.rotate_seconds.value,
                config_path: Some(loaded.path.clone()),
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Config { .. } | Command::Schema { .. }) => Ok(ExitCode::SUCCESS),
        Some(Command::Pin(PinCommand::Set)) => pin::set(&loaded.path),
        Some(Command::Pin(PinCommand::Clear)) => pin::clear(&loaded.path),
        Some(Command::Doctor) => Ok(doctor::run(&settings, &loaded)),
        Some(Command::Backup { keep }) => {
            let store = crate::store::Store::open(&data_dir)?;
            let today = chrono::Local::now().date_naive();
            match crate::store::backup::daily(&store, &data_dir, today, keep)? {
                Some(path) => println!("{}", path.display()),
                None => println!(
                    "{} (already made today)",
                    data_dir
                        .join(crate::store::backup::DIR)
                        .join(crate::store::backup::name(today))
                        .display()
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { paths, format }) => {
            let paths = if paths.is_empty() {
                vec![boards_dir]
            } else {
                paths
            };
            let reports = match layout::load_paths(&paths) {
                Ok(reports) => reports,
                Err(err) => {
                    eprintln!("huddle check: {err}");
                    return Ok(ExitCode::from(2));
                }
            };
            print_check(&reports, format)?;
            Ok(if reports.iter().any(FileReport::has_errors) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Boards { format }) => {
            let reports = match layout::load_dir(&boards_dir) {
                Ok(r) => r,
                Err(err) => {
                    eprintln!("huddle boards: cannot read {}: {err}", boards_dir.display());
                    return Ok(ExitCode::from(2));
                }
            };
            print_boards(&reports, format)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints `huddle config`: the file read, its problems, and every setting with its source.
fn print_config(
    loaded: &crate::config::Loaded,
    settings: &crate::config::Effective,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let rows = settings.rows();
    match format {
        Format::Json => {
            let values: serde_json::Map<String, serde_json::Value> = rows
                .iter()
                .map(|(k, v, from)| {
                    (
                        (*k).to_owned(),
                        serde_json::json!({"value": v, "from": from}),
                    )
                })
                .collect();
            let json = serde_json::json!({
                "file": loaded.path,
                "file_exists": loaded.exists,
                "problems": loaded.problems,
                "settings": values,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        Format::Text => {
            let state = if loaded.exists {
                ""
            } else {
                " (not found: defaults apply)"
            };
            writeln!(out, "config file: {}{state}", loaded.path.display())?;
            for p in &loaded.problems {
                writeln!(out, "{}", p.in_lang(locale_lang()))?;
            }
            let width = rows.iter().map(|(k, _, _)| k.len()).max().unwrap_or(0);
            for (key, value, from) in rows {
                writeln!(out, "{key:width$}  {value}    ({from})")?;
            }
        }
    }
    Ok(if loaded.problems.iter().any(layout::Problem::is_error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints what `huddle check` found.
fn print_check(reports: &[FileReport], format: Format) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let problems: Vec<&layout::Problem> = reports.iter().flat_map(|r| &r.problems).collect();
    match format {
        Format::Json => {
            let files: Vec<serde_json::Value> = reports
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "file": r.path,
                        "valid": !r.has_errors(),
                        "board": r.board.as_ref().map(|b| &b.id),
                    })
                })
                .collect();
            let json = serde_json::json!({
                "valid": !reports.iter().any(FileReport::has_errors),
                "files": files,
                "problems": problems,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        Format::Text => {
            let lang = locale_lang();
            for p in &problems {
                writeln!(out, "{}", p.in_lang(lang))?;
            }
            let errors = problems.iter().filter(|p| p.is_error()).count();
            let warnings = problems.len() - errors;
            let bad = reports.iter().filter(|r| r.has_errors()).count();
            let checked = reports.len();
            use crate::i18n::T;
            let summary = match (errors, warnings) {
                (0, 0) => T::CheckAllValid.with(lang, &[("checked", &checked)]),
                (0, w) => {
                    T::CheckValidWithWarnings.with(lang, &[("checked", &checked), ("warnings", &w)])
                }
                (e, 0) => T::CheckErrors.with(
                    lang,
                    &[("checked", &checked), ("bad", &bad), ("errors", &e)],
                ),
                (e, w) => T::CheckErrorsAndWarnings.with(
                    lang,
                    &[
                        ("checked", &checked),
                        ("bad", &bad),
                        ("errors", &e),
                        ("warnings", &w),
                    ],
                ),
            };
            writeln!(out, "{summary}")?;
        }
    }
    Ok(())
}

/// The user's language, as for any command-line tool: French when the locale (`LC_ALL`,
/// `LC_MESSAGES` or `LANG`) starts with `fr`, English otherwise; `huddle check` and the config
/// file's problems speak it.
fn locale_lang() -> crate::model::Lang {
    let french = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .is_some_and(|locale| locale.starts_with("fr"));
    if french {
        crate::model::Lang::Fr
    } else {
        crate::model::Lang::En
    }
}

/// Prints what `huddle boards` found.
fn print_boards(reports: &[FileReport], format: Format) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let boards: Vec<&crate::model::Board> =
        reports.iter().filter_map(|r| r.board.as_ref()).collect();
    match format {
        Format::Json => {
            let list: Vec<serde_json::Value> = boards
                .iter()
                .map(|b| {
                    serde_json::json!({
                        "id": b.id,
                        "title": b.title,
                        "team": b.team,
                        "level": b.level.code(),
                        "parent": b.parent,
                        "language": b.lang.code(),
                        "file": b.source,
                        "sections": b.sections.iter().map(|s| serde_json::json!({
                            "id": s.id, "kind": s.kind.name(), "title": s.title,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        }
        Format::Text => {
            for b in &boards {
                writeln!(
                    out,
                    "{}  {}  [{}]  parent: {}  ({})",
                    b.id,
                    b.title,
                    b.level.code(),
                    b.parent.as_deref().unwrap_or("-"),
                    b.source.display()
                )?;
                for s in &b.sections {
                    writeln!(out, "    {:<20} {:<12} {}", s.id, s.kind.name(), s.title)?;
                }
            }
        }
    }
    let broken = reports.iter().filter(|r| r.board.is_none()).count();
    if broken > 0 {
        eprintln!("{broken} board file(s) have errors and are not listed; run `huddle check`");
    }
    Ok(())
}
