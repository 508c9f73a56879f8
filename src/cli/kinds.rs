//! Commands for every kind of entry beyond values and escalations: an action's status and
//! fields, ideas, notices, the clients of the trajectory, the safety cross and the mood of a
//! day. They write through the same edits as the screen, so a script gets the same checks (a
//! client's name refused, an empty title refused) and leaves the same history.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{anyhow, bail};
use chrono::{Local, NaiveDate};
use clap::{Subcommand, ValueEnum};

use super::Format;
use super::entries::{
    Places, apply, by_id_start, find_board, open_store, section_of, warn_if_not_member,
};
use crate::layout::did_you_mean;
use crate::model::{
    ActionEntry, ActionStatus, Board, ClientEntry, Edit, Entry, EntryKind, MoodEntry, SafetyLevel,
    Section, SectionKind, parse_date,
};
use crate::store::Record;
use crate::view::{self, SectionView};

/// `huddle idea …`
#[derive(Subcommand, Debug)]
pub enum IdeaCommand {
    /// Add an improvement idea (to the first column, or `--column`); prints its id.
    Add {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The idea.
        #[arg(long)]
        title: String,
        /// Who proposed it (a team member).
        #[arg(long)]
        by: Option<String>,
        /// The column it starts in (default: the first).
        #[arg(long)]
        column: Option<String>,
        /// The ideas section (default: the board's first).
        #[arg(long)]
        section: Option<String>,
    },
    /// List a board's ideas, column by column.
    List {
        /// Board id.
        #[arg(long)]
        board: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Move an idea to another column.
    Move {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The idea's id (or a unique start of it).
        #[arg(long)]
        id: String,
        /// The column, as the board file names it.
        #[arg(long)]
        to: String,
    },
}

/// `huddle note …`
#[derive(Subcommand, Debug)]
pub enum NoteCommand {
    /// Add an announcement (or, with `--recognition`, a recognition); prints its id.
    Add {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The words shown.
        #[arg(long)]
        text: String,
        /// A recognition (shown with a star) rather than an announcement.
        #[arg(long)]
        recognition: bool,
        /// The last day it is shown (default: in a week).
        #[arg(long)]
        until: Option<String>,
        /// The notes section (default: the board's first).
        #[arg(long)]
        section: Option<String>,
    },
    /// List the notices shown today (expired ones are left out).
    List {
        /// Board id.
        #[arg(long)]
        board: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// `huddle client …`
#[derive(Subcommand, Debug)]
pub enum ClientCommand {
    /// Add a client's status sheet to the trajectory; prints its id. The code is a file
    /// number or initials, never a name: a name is refused.
    Add {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The client's code.
        #[arg(long)]
        code: String,
        /// The stage (default: the first).
        #[arg(long)]
        stage: Option<String>,
        /// Since when at that stage (default: today).
        #[arg(long)]
        since: Option<String>,
        /// The next step.
        #[arg(long)]
        next_step: Option<String>,
        /// Who carries the next step (a team member).
        #[arg(long)]
        owner: Option<String>,
        /// The trajectory section (default: the board's first).
        #[arg(long)]
        section: Option<String>,
    },
    /// Move a client on to the next stage (or `--to` a stage), from today (or `--since`).
    Move {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The client's code, or its sheet's id (or a unique start of it).
        #[arg(long)]
        id: String,
        /// The stage (default: the next one).
        #[arg(long)]
        to: Option<String>,
        /// Since when (default: today).
        #[arg(long)]
        since: Option<String>,
    },
    /// List the clients of the board's trajectory, the longest waits first.
    List {
        /// Board id.
        #[arg(long)]
        board: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// `huddle safety …`
#[derive(Subcommand, Debug)]
pub enum SafetyCommand {
    /// Set a day of the safety cross.
    Set {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The day (default: today).
        #[arg(long)]
        date: Option<String>,
        /// What the day records.
        #[arg(value_enum)]
        level: Level,
        /// A few words on what happened.
        #[arg(long)]
        note: Option<String>,
        /// The safety section (default: the board's first).
        #[arg(long)]
        section: Option<String>,
    },
}

/// `huddle mood …`
#[derive(Subcommand, Debug)]
pub enum MoodCommand {
    /// The mood of a day: how many votes each face got (votes are anonymous).
    List {
        /// Board id.
        #[arg(long)]
        board: String,
        /// The day (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// A day of the safety cross, as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Level {
    /// No safety event.
    #[value(alias = "aucun")]
    None,
    /// A minor event.
    #[value(alias = "mineur")]
    Minor,
    /// A serious event.
    #[value(alias = "grave")]
    Serious,
    /// Not recorded: clears the day.
    #[value(alias = "non-noté")]
    Unrecorded,
}

impl From<Level> for SafetyLevel {
    fn from(level: Level) -> Self {
        match level {
            Level::None => SafetyLevel::None,
            Level::Minor => SafetyLevel::Minor,
            Level::Serious => SafetyLevel::Serious,
            Level::Unrecorded => SafetyLevel::Unrecorded,
        }
    }
}

/// An action's status, as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Status {
    /// To do.
    #[value(alias = "à-faire")]
    Todo,
    /// Under way.
    #[value(alias = "en-cours")]
    Doing,
    /// Done.
    #[value(alias = "fait")]
    Done,
    /// Dropped.
    #[value(alias = "annulé")]
    Cancelled,
}

impl From<Status> for ActionStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::Todo => ActionStatus::Todo,
            Status::Doing => ActionStatus::Doing,
            Status::Done => ActionStatus::Done,
            Status::Cancelled => ActionStatus::Cancelled,
        }
    }
}

/// The live entry of `kind` on the board whose id is `id` or starts with it.
fn entry<'r>(records: &'r [Record], kind: EntryKind, id: &str) -> anyhow::Result<&'r Record> {
    let id = id.trim();
    if id.is_empty() {
        bail!("give the {} id (`--id`)", kind.name());
    }
    let of_kind = records.iter().filter(|r| r.kind == kind);
    by_id_start(of_kind, |r| &r.id, id).map_err(|found| match found {
        0 => anyhow!(
            "no {kind} `{id}` on this board (huddle {kind} list --board …)",
            kind = kind.name()
        ),
        n => anyhow!("`{id}` starts {n} {} ids; give more of it", kind.name()),
    })
}

/// `name` as one of `choices` (a column, a stage), else an error naming the closest.
fn one_of<'c>(name: &str, choices: &'c [String], what: &str) -> anyhow::Result<&'c str> {
    if let Some(c) = choices.iter().find(|c| *c == name) {
        return Ok(c);
    }
    // The same words in another case or without accents are what was meant.
    if let Some(c) = choices.iter().find(|c| fold(c) == fold(name)) {
        return Ok(c);
    }
    let hint = did_you_mean(name, choices.iter().map(String::as_str))
        .map(|c| format!("did you mean \"{c}\"? "))
        .unwrap_or_default();
    bail!(
        "there is no {what} \"{name}\"; {hint}the {what}s are: {}",
        choices.join(", ")
    )
}

/// A name as a person may type it: any case, with or without accents, either apostrophe.
fn fold(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '’' => '\'',
            c => c,
        })
        .collect()
}

fn day_or_today(date: Option<&str>) -> anyhow::Result<NaiveDate> {
    match date {
        Some(d) => parse_date(d).map_err(|e| anyhow!("{e}")),
        None => Ok(Local::now().date_naive()),
    }
}

/// Prints entries, each with its section: a JSON list of `json`, or a `line` each (`none` when
/// there is none).
fn print_list<T>(
    format: Format,
    entries: &[(&str, &T)],
    json: impl Fn(&str, &T) -> serde_json::Value,
    line: impl Fn(&T) -> String,
    none: &str,
) -> anyhow::Result<ExitCode> {
    match format {
        Format::Json => print_json(&entries.iter().map(|(s, e)| json(s, e)).collect::<Vec<_>>())?,
        Format::Text => {
            let mut out = std::io::stdout().lock();
            for (_, e) in entries {
                writeln!(out, "{}", line(e))?;
            }
            if entries.is_empty() {
                writeln!(out, "{none}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    writeln!(
        std::io::stdout().lock(),
        "{}",
        serde_json::to_string_pretty(value)?
    )?;
    Ok(())
}

/// `huddle action move --board B --id ID --to STATUS`
pub fn action_move(
    places: &Places<'_>,
    board: &str,
    id: &str,
    to: Status,
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let mut store = open_store(places.data)?;
    let records = store.records(&board.id)?;
    let action = entry(&records, EntryKind::Action, id)?;
    let (id, section) = (action.id.clone(), action.section.clone());
    let status = ActionStatus::from(to);
    apply(
        &mut store,
        &board,
        &section,
        Edit::SetActionStatus {
            id: id.clone(),
            status,
        },
    )?;
    println!("{id} {}", status.name());
    Ok(ExitCode::SUCCESS)
}

/// `huddle action edit --board B --id ID [--title T] [--owner O] [--due D]`: the fields given
/// change, the others stay; an empty `--owner ""` or `--due ""` clears it.
pub fn action_edit(
    places: &Places<'_>,
    board: &str,
    id: &str,
    (title, owner, due): (Option<&str>, Option<&str>, Option<&str>),
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    if title.is_none() && owner.is_none() && due.is_none() {
        bail!("give what changes: --title, --owner or --due (an empty --owner \"\" clears it)");
    }
    let mut store = open_store(places.data)?;
    let records = store.records(&board.id)?;
    let action = entry(&records, EntryKind::Action, id)?;
    let before = ActionEntry::from_fields(&action.fields);
    let mut after = before.clone();
    if let Some(title) = title {
        after.title = Some(title.trim().to_owned());
    }
    if let Some(owner) = owner {
        let owner = owner.trim();
        if !owner.is_empty() {
            warn_if_not_member(&board, owner);
        }
        after.owner = Some(owner.to_owned()).filter(|o| !o.is_empty());
    }
    if let Some(due) = due {
        after.due = match due.trim() {
            "" => None,
            d => Some(parse_date(d).map_err(|e| anyhow!("--due: {e}"))?),
        };
    }
    let (id, section) = (action.id.clone(), action.section.clone());
    let edit = Edit::correct(&id, &before, &after);
    if edit.changes_nothing() {
        println!("{id} unchanged");
        return Ok(ExitCode::SUCCESS);
    }
    apply(&mut store, &board, &section, edit)?;
    println!("{id}");
    Ok(ExitCode::SUCCESS)
}

/// `huddle idea add --board B --title T [--by M] [--column C] [--section S]`
pub fn idea_add(
    places: &Places<'_>,
    board: &str,
    title: &str,
    (by, column, section): (Option<&str>, Option<&str>, Option<&str>),
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let section = section_of(&board, section, "ideas")?;
    let SectionKind::Ideas { columns, .. } = &section.kind else {
        bail!("section `{}` holds no ideas", section.id);
    };
    let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let column = match column {
        Some(c) => one_of(c, &names, "column")?.to_owned(),
        None => names.first().cloned().unwrap_or_default(),
    };
    if let Some(by) = by {
        warn_if_not_member(&board, by);
    }
    let mut store = open_store(places.data)?;
    let change = apply(
        &mut store,
        &board,
        &section.id,
        Edit::AddIdea {
            title: title.to_owned(),
            by: by.map(str::to_owned),
            column,
        },
    )?;
    println!("{}", change.record);
    Ok(ExitCode::SUCCESS)
}

/// `huddle idea move --board B --id ID --to COLUMN`
pub fn idea_move(places: &Places<'_>, board: &str, id: &str, to: &str) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let mut store = open_store(places.data)?;
    let records = store.records(&board.id)?;
    let idea = entry(&records, EntryKind::Idea, id)?;
    let columns: Vec<String> = match board.section(&idea.section).map(|s| &s.kind) {
        Some(SectionKind::Ideas { columns, .. }) => {
            columns.iter().map(|c| c.name.clone()).collect()
        }
        _ => bail!(
            "idea {} is in section `{}`, which the board file no longer has",
            idea.id,
            idea.section
        ),
    };
    let column = one_of(to, &columns, "column")?.to_owned();
    let (id, section) = (idea.id.clone(), idea.section.clone());
    apply(
        &mut store,
        &board,
        &section,
        Edit::MoveIdea {
            id: id.clone(),
            column: column.clone(),
        },
    )?;
    println!("{id} {column}");
    Ok(ExitCode::SUCCESS)
}

/// The board as it shows today, and its records.
fn shown(places: &Places<'_>, board: &str) -> anyhow::Result<(Board, view::BoardView)> {
    let board = find_board(places.boards, board)?;
    let store = open_store(places.data)?;
    let records = store.records(&board.id)?;
    let today = Local::now().date_naive();
    let view = view::build(&board, &records, today);
    Ok((board, view))
}

/// `huddle idea list --board B [--format json]`
pub fn idea_list(places: &Places<'_>, board: &str, format: Format) -> anyhow::Result<ExitCode> {
    let (board, view) = shown(places, board)?;
    let mut ideas = Vec::new();
    for section in &board.sections {
        if let (SectionKind::Ideas { columns, .. }, Some(SectionView::Ideas(list))) =
            (&section.kind, view.sections.get(&section.id))
        {
            for column in columns {
                ideas.extend(
                    list.iter()
                        .filter(|i| i.column == column.name)
                        .map(|i| (section.id.as_str(), i)),
                );
            }
        }
    }
    print_list(
        format,
        &ideas,
        |s, i| {
            serde_json::json!({
                "id": i.id, "section": s, "title": i.title, "by": i.by,
                "column": i.column, "stale": i.stale,
            })
        },
        |i| {
            let stale = if i.stale { "  stale" } else { "" };
            format!(
                "{}  [{}]  {}  by: {}{stale}",
                i.id,
                i.column,
                i.title,
                i.by.as_deref().unwrap_or("-")
            )
        },
        &format!("no idea on {}", board.id),
    )
}

/// `huddle note add --board B --text T [--recognition] [--until D] [--section S]`
pub fn note_add(
    places: &Places<'_>,
    board: &str,
    text: &str,
    (recognition, until, section): (bool, Option<&str>, Option<&str>),
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let section = section_of(&board, section, "notes")?;
    // As on the screen: shown for a week unless told otherwise.
    let expires = match until {
        Some(d) => parse_date(d).map_err(|e| anyhow!("--until: {e}"))?,
        None => Local::now().date_naive() + chrono::Duration::days(7),
    };
    let mut store = open_store(places.data)?;
    let change = apply(
        &mut store,
        &board,
        &section.id,
        Edit::AddNote {
            text: text.to_owned(),
            recognition,
            expires: Some(expires),
        },
    )?;
    println!("{}", change.record);
    Ok(ExitCode::SUCCESS)
}

/// `huddle note list --board B [--format json]`
pub fn note_list(places: &Places<'_>, board: &str, format: Format) -> anyhow::Result<ExitCode> {
    let (board, view) = shown(places, board)?;
    let mut notes = Vec::new();
    for section in &board.sections {
        if let Some(SectionView::Notes(list)) = view.sections.get(&section.id) {
            notes.extend(list.iter().map(|n| (section.id.as_str(), n)));
        }
    }
    print_list(
        format,
        &notes,
        |s, n| {
            serde_json::json!({
                "id": n.id, "section": s, "text": n.text,
                "recognition": n.recognition, "until": n.expires,
            })
        },
        |n| {
            let mark = if n.recognition { "★" } else { "•" };
            let until = n.expires.map_or("-".to_owned(), |d| d.to_string());
            format!("{}  {mark} {}  until: {until}", n.id, n.text)
        },
        &format!("no notice shown on {} today", board.id),
    )
}

/// What `client add` takes beyond the board and the code.
pub struct NewClient<'a> {
    /// The stage (default: the first).
    pub stage: Option<&'a str>,
    /// Since when (default: today).
    pub since: Option<&'a str>,
    /// The next step.
    pub next_step: Option<&'a str>,
    /// Who carries it.
    pub owner: Option<&'a str>,
    /// The trajectory section (default: the first).
    pub section: Option<&'a str>,
}

fn stages_of(section: &Section) -> anyhow::Result<&[String]> {
    match &section.kind {
        SectionKind::Trajectory { stages, .. } => Ok(stages),
        _ => bail!("section `{}` is not a trajectory", section.id),
    }
}

/// `huddle client add --board B --code C [--stage S] [--since D] [--next-step T] [--owner O]`
pub fn client_add(
    places: &Places<'_>,
    board: &str,
    code: &str,
    new: &NewClient<'_>,
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let section = section_of(&board, new.section, "trajectory")?;
    let stages = stages_of(section)?;
    let stage = match new.stage {
        Some(s) => one_of(s, stages, "stage")?.to_owned(),
        None => stages.first().cloned().unwrap_or_default(),
    };
    if let Some(owner) = new.owner {
        warn_if_not_member(&board, owner);
    }
    let since = day_or_today(new.since)?;
    let mut store = open_store(places.data)?;
    let change = apply(
        &mut store,
        &board,
        &section.id,
        Edit::AddClient {
            code: code.to_owned(),
            stage,
            since,
            next_step: new.next_step.unwrap_or_default().to_owned(),
            owner: new.owner.map(str::to_owned),
        },
    )?;
    println!("{}", change.record);
    Ok(ExitCode::SUCCESS)
}

/// `huddle client move --board B --id CODE|ID [--to STAGE] [--since D]`
pub fn client_move(
    places: &Places<'_>,
    board: &str,
    id: &str,
    (to, since): (Option<&str>, Option<&str>),
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let mut store = open_store(places.data)?;
    let records = store.records(&board.id)?;
    // A client is known by its code on the board: that is what a script has.
    let by_code: Vec<&Record> = records
        .iter()
        .filter(|r| r.kind == EntryKind::Client)
        .filter(|r| ClientEntry::from_fields(&r.fields).code.as_deref() == Some(id.trim()))
        .collect();
    let client = match by_code.as_slice() {
        [one] => *one,
        [] => entry(&records, EntryKind::Client, id)?,
        _ => bail!(
            "{} clients have the code `{id}`; give the sheet's id (huddle client list)",
            by_code.len()
        ),
    };
    let section = board.section(&client.section).ok_or_else(|| {
        anyhow!(
            "client {} is in section `{}`, which the board file no longer has",
            client.id,
            client.section
        )
    })?;
    let stages = stages_of(section)?;
    let now = ClientEntry::from_fields(&client.fields).stage;
    let stage = match to {
        Some(s) => one_of(s, stages, "stage")?.to_owned(),
        None => {
            let at = now
                .as_deref()
                .and_then(|s| stages.iter().position(|x| x == s));
            match at.map(|i| stages.get(i + 1)) {
                Some(Some(next)) => next.clone(),
                Some(None) => bail!(
                    "client {} is at the last stage; its follow-up ends on the screen with ✓",
                    client.id
                ),
                None => stages.first().cloned().unwrap_or_default(),
            }
        }
    };
    let since = day_or_today(since)?;
    let (id, section) = (client.id.clone(), client.section.clone());
    apply(
        &mut store,
        &board,
        &section,
        Edit::MoveClient {
            id: id.clone(),
            stage: stage.clone(),
            since,
        },
    )?;
    println!("{id} {stage} {since}");
    Ok(ExitCode::SUCCESS)
}

/// `huddle client list --board B [--format json]`: this board's clients (not the other teams').
pub fn client_list(places: &Places<'_>, board: &str, format: Format) -> anyhow::Result<ExitCode> {
    let (board, view) = shown(places, board)?;
    let mut clients = Vec::new();
    for section in &board.sections {
        if let Some(SectionView::Trajectory(list)) = view.sections.get(&section.id) {
            clients.extend(
                list.iter()
                    .filter(|c| c.team.is_none())
                    .map(|c| (section.id.as_str(), c)),
            );
        }
    }
    print_list(
        format,
        &clients,
        |s, c| {
            serde_json::json!({
                "id": c.id, "section": s, "code": c.code, "stage": c.stage,
                "since": c.since, "days_waiting": c.days_waiting,
                "next_step": c.next_step, "owner": c.owner,
            })
        },
        |c| {
            let next = if c.next_step.is_empty() {
                "-"
            } else {
                &c.next_step
            };
            format!(
                "{}  {}  [{}]  {} days  next: {next}  owner: {}",
                c.id,
                c.code,
                c.stage,
                c.days_waiting,
                c.owner.as_deref().unwrap_or("-")
            )
        },
        &format!("no client on {}", board.id),
    )
}

/// `huddle safety set --board B [--date D] LEVEL [--note T] [--section S]`
pub fn safety_set(
    places: &Places<'_>,
    board: &str,
    (date, level): (Option<&str>, Level),
    (note, section): (Option<&str>, Option<&str>),
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let section = section_of(&board, section, "safety")?;
    let date = day_or_today(date)?;
    if date > Local::now().date_naive() {
        bail!("{date} is still to come: the safety cross records days that have passed");
    }
    let level = SafetyLevel::from(level);
    let mut store = open_store(places.data)?;
    apply(
        &mut store,
        &board,
        &section.id,
        Edit::SetSafety {
            date,
            level,
            note: note
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned),
        },
    )?;
    println!("{} {date} {}", board.id, level.name());
    Ok(ExitCode::SUCCESS)
}

/// `huddle mood list --board B [--date D] [--format json]`: the votes of a day, by face.
pub fn mood_list(
    places: &Places<'_>,
    board: &str,
    date: Option<&str>,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    section_of(&board, None, "mood")?;
    let date = day_or_today(date)?;
    let store = open_store(places.data)?;
    let mut faces = [0u32; 5];
    for r in store.records(&board.id)? {
        let vote = MoodEntry::from_fields(&r.fields);
        if r.kind == EntryKind::Mood
            && vote.date == Some(date)
            && let Some(slot) = vote.face.and_then(|f| faces.get_mut(usize::from(f)))
        {
            *slot += 1;
        }
    }
    let votes: u32 = faces.iter().sum();
    let lang = board.lang;
    let names: Vec<&str> = (0..5u8).map(|f| crate::i18n::mood_name(lang, f)).collect();
    match format {
        Format::Json => print_json(&serde_json::json!({
            "board": board.id, "date": date, "votes": votes,
            "faces": faces.iter().zip(&names).enumerate().map(|(i, (n, name))| {
                serde_json::json!({ "face": i, "name": name, "votes": n })
            }).collect::<Vec<_>>(),
        }))?,
        Format::Text => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{} {date}: {votes} vote(s)", board.id)?;
            for (n, name) in faces.iter().zip(&names).rev() {
                writeln!(out, "  {n:>3}  {name}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
