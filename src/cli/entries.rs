//! Commands that read and write a board's entries: `value`, `action`, `history`, `huddles`.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};
use chrono::{Local, Utc};

use super::Format;
use crate::layout::{self, did_you_mean};
use crate::model::{
    Board, Edit, Entry as _, EntryKind, Origin, SectionKind, ValueEntry, parse_date, parse_number,
};
use crate::store::{EditError, Store};
use crate::view::{self, SectionView};

/// Where the command finds boards and data.
pub struct Places<'a> {
    /// Boards folder.
    pub boards: &'a Path,
    /// Data folder.
    pub data: &'a Path,
}

/// The board with this id, or a clear error naming the closest one.
pub fn find_board(boards_dir: &Path, id: &str) -> anyhow::Result<Board> {
    let reports = layout::load_dir(boards_dir)
        .with_context(|| format!("cannot read the boards folder {}", boards_dir.display()))?;
    let boards: Vec<Board> = reports.into_iter().filter_map(|r| r.board).collect();
    if let Some(board) = boards.iter().find(|b| b.id == id) {
        return Ok(board.clone());
    }
    let hint = did_you_mean(id, boards.iter().map(|b| b.id.as_str()))
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default();
    bail!(
        "there is no board `{id}` in {}{hint} (`huddle boards` lists them)",
        boards_dir.display()
    )
}

/// The section with this id and kind, or a clear error listing the sections of that kind.
pub(super) fn find_section<'b>(
    board: &'b Board,
    id: &str,
    kind: &'static str,
) -> anyhow::Result<&'b crate::model::Section> {
    let of_kind: Vec<&str> = board
        .sections
        .iter()
        .filter(|s| s.kind.name() == kind)
        .map(|s| s.id.as_str())
        .collect();
    match board.section(id) {
        Some(s) if s.kind.name() == kind => Ok(s),
        Some(s) => bail!(
            "section `{id}` of board `{}` is of kind {}, not {kind}; the {kind} sections are: {}",
            board.id,
            s.kind.name(),
            of_kind.join(", ")
        ),
        None => {
            let hint = did_you_mean(id, of_kind.iter().copied())
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            bail!(
                "board `{}` has no section `{id}`; {hint}its {kind} sections are: {}",
                board.id,
                of_kind.join(", ")
            )
        }
    }
}

/// The section of `kind` named `wanted`, or the board's first of that kind.
pub(super) fn section_of<'b>(
    board: &'b Board,
    wanted: Option<&str>,
    kind: &'static str,
) -> anyhow::Result<&'b crate::model::Section> {
    match wanted {
        Some(id) => find_section(board, id, kind),
        None => board
            .sections
            .iter()
            .find(|s| s.kind.name() == kind)
            .ok_or_else(|| {
                anyhow!(
                    "board `{}` has no {kind} section: add one to its file (kind = \"{kind}\")",
                    board.id
                )
            }),
    }
}

/// The one of `all` whose id (`id_of`) is `wanted` or, failing that, the only one whose id
/// starts with it (a script may give the first characters of an id it printed); else how many
/// start with it: none, or too many to choose.
pub(super) fn by_id_start<'a, T>(
    all: impl IntoIterator<Item = &'a T>,
    id_of: impl Fn(&T) -> &str,
    wanted: &str,
) -> Result<&'a T, usize> {
    let starting: Vec<&T> = all
        .into_iter()
        .filter(|t| id_of(t).starts_with(wanted))
        .collect();
    if let Some(exact) = starting.iter().find(|t| id_of(t) == wanted) {
        return Ok(exact);
    }
    match starting.as_slice() {
        [one] => Ok(one),
        _ => Err(starting.len()),
    }
}

pub(super) fn open_store(data: &Path) -> anyhow::Result<Store> {
    Ok(Store::open(data)?)
}

/// The command line's user, as recorded in the history: `$USER`, `$LOGNAME` or `$USERNAME`,
/// else (a cron job, a service with a bare environment) the account the process runs as.
pub fn cli_user() -> String {
    let name = ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.trim().is_empty()))
        .or_else(account_name);
    match name {
        Some(u) => format!("{} (cli)", crate::disk::excerpt(u.trim(), 60)),
        None => "cli".to_owned(),
    }
}

/// The name of the account this process runs as, from `/etc/passwd`; `uid N` when it has none.
fn account_name() -> Option<String> {
    use std::os::unix::fs::MetadataExt as _;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = crate::disk::read_bounded(
        Path::new("/etc/passwd"),
        4 << 20,
        crate::disk::Links::Follow,
    )
    .ok()
    .map(|b| String::from_utf8_lossy(&b).into_owned())
    .unwrap_or_default();
    Some(passwd_name(&passwd, uid).unwrap_or_else(|| format!("uid {uid}")))
}

/// The account name of `uid` in the text of a passwd file.
fn passwd_name(passwd: &str, uid: u32) -> Option<String> {
    passwd.lines().find_map(|line| {
        let mut parts = line.split(':');
        let name = parts.next()?;
        let id: u32 = parts.nth(1)?.parse().ok()?;
        (id == uid && !name.is_empty()).then(|| name.to_owned())
    })
}

/// Applies a command-line edit to a section of a board, as `$USER (cli)`.
pub(super) fn apply(
    store: &mut Store,
    board: &Board,
    section: &str,
    edit: Edit,
) -> anyhow::Result<crate::model::Change> {
    store
        .apply_edit(
            edit.in_period_of(board, section),
            (&board.id, section),
            (&cli_user(), Origin::Cli),
            Utc::now(),
        )
        .map_err(|e| match e {
            EditError::Input(e) => anyhow!("{e}"),
            EditError::Store(e) => e.into(),
        })
}

/// `huddle value set --board B --indicator I [--date D] VALUE`
pub fn value_set(
    places: &Places<'_>,
    board: &str,
    indicator: &str,
    date: Option<&str>,
    value: &str,
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    find_section(&board, indicator, "indicator")?;
    let value = parse_number(value).map_err(|e| anyhow!("{e}"))?;
    let date = match date {
        Some(d) => parse_date(d).map_err(|e| anyhow!("{e}"))?,
        None => Local::now().date_naive(),
    };
    let mut store = open_store(places.data)?;
    let change = apply(
        &mut store,
        &board,
        indicator,
        Edit::SetValue { date, value },
    )?;
    // The date the value is kept for: a weekly value's Monday, a monthly one's first.
    let date = match &change.op {
        crate::model::Op::Put(fields) => ValueEntry::from_fields(fields).date.unwrap_or(date),
        crate::model::Op::Delete => date,
    };
    println!("{} {indicator} {date}: {value}", board.id);
    Ok(ExitCode::SUCCESS)
}

/// An indicator's stored values, by date, each with its record.
pub(super) fn stored_values<'r>(
    records: &'r [crate::store::Record],
    section: &str,
) -> Vec<(chrono::NaiveDate, f64, &'r crate::store::Record)> {
    let mut values: Vec<_> = records
        .iter()
        .filter(|r| r.kind == EntryKind::Value && r.section == section)
        .filter_map(|r| {
            let v = ValueEntry::from_fields(&r.fields);
            Some((v.date?, v.value?, r))
        })
        .collect();
    values.sort_by_key(|v| v.0);
    values
}

/// `huddle value list --board B --indicator I [--format json]`
pub fn value_list(
    places: &Places<'_>,
    board: &str,
    indicator: &str,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let section = find_section(&board, indicator, "indicator")?;
    let store = open_store(places.data)?;
    let records = store.records(&board.id)?;
    let values = stored_values(&records, &section.id);
    let spec = match &section.kind {
        SectionKind::Indicator(spec) => spec,
        _ => bail!("not an indicator"),
    };
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let list: Vec<_> = values
                .iter()
                .map(|(d, v, r)| {
                    serde_json::json!({
                        "date": d, "value": v, "status": spec.status(*v).map(crate::model::Status::name),
                        "by": r.updated_by, "at": r.updated_at.to_rfc3339(),
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        }
        Format::Text => {
            for (d, v, r) in &values {
                let local = r.updated_at.with_timezone(&Local).format("%Y-%m-%d %H:%M");
                writeln!(
                    out,
                    "{d}  {v:>10}  {:<6}  {} at {local}",
                    spec.status(*v).map_or("-", crate::model::Status::name),
                    r.updated_by
                )?;
            }
            if values.is_empty() {
                writeln!(out, "no value yet for {} {indicator}", board.id)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `huddle action add --board B --title T [--owner O] [--due D] [--section S]`
pub fn action_add(
    places: &Places<'_>,
    board: &str,
    title: &str,
    owner: Option<&str>,
    due: Option<&str>,
    section: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let section = section_of(&board, section, "actions")?;
    if let Some(owner) = owner {
        warn_if_not_member(&board, owner);
    }
    let due = due
        .map(parse_date)
        .transpose()
        .map_err(|e| anyhow!("{e}"))?;
    let mut store = open_store(places.data)?;
    let change = apply(
        &mut store,
        &board,
        &section.id.clone(),
        Edit::AddAction {
            title: title.to_owned(),
            owner: owner.map(str::to_owned),
            due,
        },
    )?;
    println!("{}", change.record);
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr when `name` is not one of the board's members (it is kept all the same: a
/// replacement, someone from another team).
pub(super) fn warn_if_not_member(board: &Board, name: &str) {
    if !board.members.is_empty() && !board.members.iter().any(|m| m == name) {
        let hint = did_you_mean(name, board.members.iter().map(String::as_str))
            .map(|c| format!(" Did you mean \"{c}\"?"))
            .unwrap_or_default();
        eprintln!("note: \"{name}\" is not a member of {}.{hint}", board.id);
    }
}

/// `huddle action list --board B [--format json]`
pub fn action_list(places: &Places<'_>, board: &str, format: Format) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let store = open_store(places.data)?;
    let records = store.records(&board.id)?;
    let today = Local::now().date_naive();
    let board_view = view::build(&board, &records, today);
    let mut actions = Vec::new();
    for section in &board.sections {
        if let Some(SectionView::Actions(list)) = board_view.sections.get(&section.id) {
            actions.extend(list.iter().map(|a| (section.id.as_str(), a)));
        }
    }
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let list: Vec<_> = actions
                .iter()
                .map(|(s, a)| {
                    serde_json::json!({
                        "id": a.id, "section": s, "title": a.title, "owner": a.owner, "due": a.due,
                        "status": a.status.name(), "overdue": a.overdue, "stale": a.stale,
                        "changed_by": a.stamp.by, "changed_at": a.stamp.at.to_rfc3339(),
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        }
        Format::Text => {
            for (_, a) in &actions {
                let flags = [(a.overdue, "OVERDUE"), (a.stale, "stale")]
                    .iter()
                    .filter(|f| f.0)
                    .map(|f| f.1)
                    .collect::<Vec<_>>()
                    .join(" ");
                writeln!(
                    out,
                    "{}  [{}]  {}  owner: {}  due: {}  {flags}",
                    a.id,
                    a.status.name(),
                    a.title,
                    a.owner.as_deref().unwrap_or("-"),
                    a.due.map_or("-".to_owned(), |d| d.to_string())
                )?;
            }
            if actions.is_empty() {
                writeln!(out, "no action on {}", board.id)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `huddle history [--board B] [--since D] [--limit N] [--format text|json|csv]`: the audit
/// trail (who, when, what, from where), newest first.
pub fn history(
    places: &Places<'_>,
    board: Option<&str>,
    since: Option<&str>,
    format: HistoryFormat,
    limit: usize,
) -> anyhow::Result<ExitCode> {
    let board = board.map(|b| find_board(places.boards, b)).transpose()?;
    let since = since
        .map(|d| parse_date(d).map_err(|e| anyhow!("--since: {e}")))
        .transpose()?;
    let live = crate::layout::LiveBoards::new(layout::load_dir(places.boards).unwrap_or_default());
    let store = open_store(places.data)?;
    let mut entries = store.changes_newest_first(board.as_ref().map(|b| b.id.as_str()), limit)?;
    if let Some(since) = since {
        entries.retain(|h| h.change.at.with_timezone(&Local).date_naive() >= since);
    }
    let lines: Vec<_> = entries
        .iter()
        .map(|h| crate::view::audit::AuditLine::from_history(h, &live))
        .collect();
    let mut out = std::io::stdout().lock();
    match format {
        HistoryFormat::Json => {
            let list: Vec<_> = entries
                .iter()
                .zip(&lines)
                .map(|(h, line)| {
                    serde_json::json!({
                        "id": h.change.id, "at": h.change.at.to_rfc3339(), "by": h.change.author,
                        "origin": h.change.origin, "board": h.change.board,
                        "section": h.change.section, "section_title": line.section,
                        "record": h.change.record, "kind": h.change.kind, "op": h.change.op,
                        "before": h.before, "undoes": h.change.undoes, "undone_by": h.undone_by,
                        "device": h.device, "action": line.action, "entry": line.entry,
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        }
        HistoryFormat::Csv => {
            let mut csv = csv::Writer::from_writer(out);
            csv.write_record([
                "at",
                "by",
                "board",
                "section",
                "kind",
                "action",
                "entry",
                "fields",
                "origin",
                "device",
                "undone_by",
                "id",
            ])?;
            for line in &lines {
                let fields: Vec<String> = line
                    .fields
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                csv.write_record([
                    line.at
                        .with_timezone(&Local)
                        .format("%Y-%m-%d %H:%M:%S")
                        .to_string(),
                    line.who.clone(),
                    line.board.clone(),
                    line.section.clone(),
                    line.kind.clone(),
                    line.action.clone(),
                    line.entry.clone(),
                    fields.join("; "),
                    line.origin.clone(),
                    line.device.clone(),
                    line.undone_by.clone().unwrap_or_default(),
                    line.id.clone(),
                ])?;
            }
            csv.flush()?;
        }
        HistoryFormat::Text => {
            for h in &entries {
                let c = &h.change;
                let what = match &c.op {
                    crate::model::Op::Put(fields) => fields
                        .iter()
                        .map(|(k, v)| format!("{k}={v}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                    crate::model::Op::Delete => "removed".to_owned(),
                };
                let undo = if c.undoes.is_some() { "undo: " } else { "" };
                let undone = if h.undone_by.is_some() {
                    "  (undone)"
                } else {
                    ""
                };
                let place = if board.is_some() {
                    String::new()
                } else {
                    format!("{}/", c.board)
                };
                writeln!(
                    out,
                    "{}  {:<18} {:<6} {place}{:<16} {undo}{} {what}{undone}",
                    c.at.with_timezone(&Local).format("%Y-%m-%d %H:%M:%S"),
                    c.author,
                    c.origin.name(),
                    c.section,
                    c.kind.name(),
                )?;
            }
            if entries.is_empty() {
                match &board {
                    Some(board) => writeln!(out, "no change yet on {}", board.id)?,
                    None => writeln!(out, "no change yet")?,
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How `huddle history` prints the trail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum HistoryFormat {
    /// Lines for people.
    Text,
    /// JSON for scripts.
    Json,
    /// CSV for a spreadsheet.
    Csv,
}

/// `huddle huddles --board B [--format json]`
pub fn huddles(places: &Places<'_>, board: &str, format: Format) -> anyhow::Result<ExitCode> {
    use crate::model::huddle::{HuddleRecord, clock_text};
    let board = find_board(places.boards, board)?;
    let store = open_store(places.data)?;
    let mut list: Vec<(String, HuddleRecord)> = store
        .records(&board.id)?
        .into_iter()
        .filter(|r| r.kind == EntryKind::Huddle)
        .filter_map(|r| Some((r.id.clone(), HuddleRecord::from_fields(&r.fields)?)))
        .collect();
    list.sort_by_key(|(_, h)| std::cmp::Reverse(h.started));
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let json: Vec<_> = list
                .iter()
                .map(|(id, h)| {
                    let mut value = serde_json::to_value(h).unwrap_or_default();
                    if let Some(map) = value.as_object_mut() {
                        map.insert("id".to_owned(), serde_json::json!(id));
                    }
                    value
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        Format::Text => {
            for (_, h) in &list {
                let roles = [
                    ("facilitator", &h.roles.facilitator),
                    ("secretary", &h.roles.secretary),
                    ("timekeeper", &h.roles.timekeeper),
                ]
                .iter()
                .filter_map(|(role, who)| who.as_ref().map(|w| format!("{role}: {w}")))
                .collect::<Vec<_>>()
                .join(", ");
                let state = if h.ended { "" } else { "  (not ended)" };
                writeln!(
                    out,
                    "{}  {:>7}  {} present  {} decision(s)  {} action(s)  {} escalation(s){state}",
                    h.started.format("%Y-%m-%d %H:%M"),
                    clock_text(h.duration_s),
                    h.attendees.len(),
                    h.decisions().count(),
                    h.actions.len(),
                    h.escalations.len(),
                )?;
                if !h.attendees.is_empty() {
                    writeln!(out, "    present: {}", h.attendees.join(", "))?;
                }
                if !roles.is_empty() {
                    writeln!(out, "    {roles}")?;
                }
                for item in h
                    .items
                    .iter()
                    .filter(|i| i.spent_s > 0 || !i.decisions.is_empty())
                {
                    writeln!(
                        out,
                        "    {:<32} {:>6} / {}",
                        item.title,
                        clock_text(item.spent_s),
                        clock_text(item.planned_s)
                    )?;
                    for d in &item.decisions {
                        let action = if d.action.is_some() {
                            "  → action"
                        } else {
                            ""
                        };
                        writeln!(out, "      decision: {}{action}", d.text)?;
                    }
                }
            }
            if list.is_empty() {
                writeln!(out, "no huddle recorded yet on {}", board.id)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `huddle import --board B --indicator I FILE.csv`
pub fn import(
    places: &Places<'_>,
    board: &str,
    indicator: &str,
    file: &Path,
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let section = find_section(&board, indicator, "indicator")?;
    let bytes =
        crate::disk::read_bounded(file, crate::feed::FEED_FILE_MAX, crate::disk::Links::Follow)
            .with_context(|| format!("cannot read {}", file.display()))?;
    let (mut rows, bad) = crate::feed::parse_csv(&crate::feed::decode(bytes));
    if let SectionKind::Indicator(spec) = &section.kind {
        crate::feed::in_periods(&mut rows, spec.frequency);
    }
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut store = open_store(places.data)?;
    let summary = crate::feed::import(
        &mut store,
        &board.id,
        indicator,
        &rows,
        &format!("feed ({name})"),
        Utc::now(),
    )?;
    print_bad_rows(file, &bad);
    println!(
        "{} value(s) imported, {} unchanged, {} bad row(s)",
        summary.imported,
        summary.unchanged,
        bad.len()
    );
    if summary.superseded > 0 {
        println!(
            "{} row(s) gave a date again further down: the last row of each date is its value",
            summary.superseded
        );
    }
    if rows.is_empty() && bad.is_empty() {
        eprintln!(
            "{}: no row found; a feed file holds lines of a date and a value (2026-11-20;12,5)",
            file.display()
        );
        return Ok(ExitCode::from(1));
    }
    Ok(if bad.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `huddle export --board B [--date D] [--out DIR]`
pub fn export(
    places: &Places<'_>,
    board: &str,
    date: Option<&str>,
    out: Option<&Path>,
    shared: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let date = match date {
        Some(d) => parse_date(d).map_err(|e| anyhow!("{e}"))?,
        None => Local::now().date_naive(),
    };
    let store = open_store(places.data)?;
    let records = store.board_records(&board.id)?;
    let view = crate::view::snapshot::view_as_of(&board, &records, date);
    let snapshot =
        crate::view::snapshot::build(&board, &view, date, Utc::now(), &crate::sync::host_name());
    let dir = match (out, shared) {
        (Some(out), _) => out.to_owned(),
        (None, Some(shared)) => shared.join(crate::snapshot::SHARED_DIR).join(&board.id),
        (None, None) => places.data.join("snapshots").join(&board.id),
    };
    let written = crate::snapshot::write(&snapshot, &dir)
        .with_context(|| format!("cannot write the snapshot into {}", dir.display()))?;
    println!("{}", written.json.display());
    println!("{}", written.html.display());
    Ok(ExitCode::SUCCESS)
}

/// The first bad rows of a CSV file as `FILE:line: message`, and how many more: a broken
/// export of a million rows must not print a million lines.
pub(super) fn print_bad_rows(file: &Path, bad: &[crate::feed::BadRow]) {
    const SHOWN: usize = 20;
    for b in bad.iter().take(SHOWN) {
        eprintln!("{}:{}: {}", file.display(), b.line, b.message);
    }
    if bad.len() > SHOWN {
        eprintln!(
            "{}: and {} more bad rows",
            file.display(),
            bad.len() - SHOWN
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_found_whole_or_by_a_start_only_one_id_has() {
        let ids = ["01ab-1", "01ab-12", "01cd-3"];
        let find = |wanted| by_id_start(ids.iter(), |s| s, wanted).copied();
        assert_eq!(
            find("01ab-1"),
            Ok("01ab-1"),
            "whole, though it starts another"
        );
        assert_eq!(find("01c"), Ok("01cd-3"));
        assert_eq!(find("01a"), Err(2));
        assert_eq!(find("99"), Err(0));
    }

    #[test]
    fn the_account_is_read_from_passwd() {
        let passwd = "root:x:0:0:root:/root:/bin/bash\nkiosk:x:1000:1000::/home/kiosk:/bin/sh\n";
        assert_eq!(passwd_name(passwd, 1000).as_deref(), Some("kiosk"));
        assert_eq!(passwd_name(passwd, 0).as_deref(), Some("root"));
        assert_eq!(passwd_name(passwd, 7), None);
        assert_eq!(passwd_name("garbage\n::\n", 0), None);
    }
}
