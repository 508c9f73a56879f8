//! `huddle escalation raise|list|take|answer|forward|close`: problems a team cannot solve
//! alone go up, answers come back down. Each escalation is one record, kept by the board that
//! raised it; the boards above write to that record through the same path as the screen.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{anyhow, bail};
use chrono::{Local, NaiveDate};

use super::Format;
use super::entries::{Places, apply, find_board};
use crate::model::{Board, Edit, EntryKind};
use crate::store::Store;
use crate::view::EscalationView;

/// What `huddle escalation raise` was given.
pub struct Raise<'a> {
    /// Board raising it.
    pub board: &'a str,
    /// What.
    pub title: &'a str,
    /// Why.
    pub why: &'a str,
    /// The board it goes to (default: the board's parent).
    pub to: Option<&'a str>,
    /// The escalations section (default: the board's first).
    pub section: Option<&'a str>,
}

/// `huddle escalation raise --board B --title T --why W [--to BOARD] [--section S]`
pub fn raise(places: &Places<'_>, args: &Raise<'_>) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, args.board)?;
    let section = escalations_section(&board, args.section)?;
    let mut to = args.to.map(str::to_owned);
    if let Some(to) = &to {
        find_board(places.boards, to)?;
    }
    let today = Local::now().date_naive();
    let mut due = None;
    crate::model::complete_escalation(&board, &section, &mut to, &mut due, today);
    let edit = Edit::RaiseEscalation {
        title: args.title.to_owned(),
        why: args.why.to_owned(),
        to: to.clone(),
        due,
    };
    let mut store = Store::open(places.data)?;
    let change = apply(&mut store, &board, &section, edit)?;
    println!("{}", change.record);
    match to {
        Some(to) => eprintln!(
            "raised on {} to {to}{}",
            board.id,
            due.map(|d| format!(", answer expected by {d}"))
                .unwrap_or_default()
        ),
        None => eprintln!(
            "raised on {} (a board with no parent: it stays here)",
            board.id
        ),
    }
    Ok(ExitCode::SUCCESS)
}

/// `huddle escalation list --board B [--format json]`: what the board raised, and what the
/// boards below sent it, with ids and status.
pub fn list(places: &Places<'_>, board: &str, format: Format) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let store = Store::open(places.data)?;
    let today = Local::now().date_naive();
    let all = escalations(&store, &board, today)?;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let list: Vec<serde_json::Value> = all.iter().map(|e| json(e, &board.id)).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        }
        Format::Text => {
            if all.is_empty() {
                writeln!(out, "no escalation raised on or sent to {}", board.id)?;
            }
            for e in &all {
                let direction = if e.received {
                    format!("received from {}", e.at.board)
                } else {
                    format!("raised, to {}", e.to.as_deref().unwrap_or("-"))
                };
                let late = if e.late { "  LATE" } else { "" };
                writeln!(
                    out,
                    "{}  [{}]  {}  ({direction}; due {}){late}",
                    e.at.id,
                    e.status.name(),
                    e.title,
                    e.due.map_or("-".to_owned(), |d| d.to_string()),
                )?;
                writeln!(out, "    why: {}", e.why)?;
                if let Some((text, by, _)) = &e.answer {
                    writeln!(out, "    answer from {by}: {text}")?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `huddle escalation take --board B --id ID`
pub fn take(places: &Places<'_>, board: &str, id: &str) -> anyhow::Result<ExitCode> {
    let (board, mut store, e) = held(places, board, id)?;
    let edit = Edit::TakeEscalation {
        at: e.at.clone(),
        by: board.id.clone(),
    };
    apply(&mut store, &board, &e.at.section, edit)?;
    println!("{} taken by {}", e.at.id, board.id);
    Ok(ExitCode::SUCCESS)
}

/// `huddle escalation answer --board B --id ID --text T`
pub fn answer(places: &Places<'_>, board: &str, id: &str, text: &str) -> anyhow::Result<ExitCode> {
    let (board, mut store, e) = held(places, board, id)?;
    let edit = Edit::AnswerEscalation {
        at: e.at.clone(),
        by: board.id.clone(),
        text: text.to_owned(),
    };
    apply(&mut store, &board, &e.at.section, edit)?;
    println!(
        "{} answered by {}; the answer goes back to {}",
        e.at.id, board.id, e.at.board
    );
    Ok(ExitCode::SUCCESS)
}

/// `huddle escalation forward --board B --id ID`: sends it to B's parent.
pub fn forward(places: &Places<'_>, board: &str, id: &str) -> anyhow::Result<ExitCode> {
    let (board, mut store, e) = held(places, board, id)?;
    let Some(parent) = board.parent.clone() else {
        bail!(
            "board `{}` has no parent board to send escalation {} to; answer it instead \
             (huddle escalation answer)",
            board.id,
            e.at.id
        );
    };
    find_board(places.boards, &parent)?;
    let mut route = e.route.clone();
    route.push(parent.clone());
    let days = board.answer_within_days().unwrap_or(3);
    let edit = Edit::ForwardEscalation {
        at: e.at.clone(),
        to: parent.clone(),
        route,
        due: Some(crate::model::calendar::add_working_days(
            Local::now().date_naive(),
            days,
        )),
    };
    apply(&mut store, &board, &e.at.section, edit)?;
    println!("{} sent up from {} to {parent}", e.at.id, board.id);
    Ok(ExitCode::SUCCESS)
}

/// `huddle escalation close --board B --id ID`: the board that raised it closes it.
pub fn close(places: &Places<'_>, board: &str, id: &str) -> anyhow::Result<ExitCode> {
    let board = find_board(places.boards, board)?;
    let mut store = Store::open(places.data)?;
    let today = Local::now().date_naive();
    let e = find(&escalations(&store, &board, today)?, id)?;
    if e.received {
        bail!(
            "escalation {} was raised by `{}`: only that board closes it",
            e.at.id,
            e.at.board
        );
    }
    apply(
        &mut store,
        &board,
        &e.at.section,
        Edit::CloseEscalation { at: e.at.clone() },
    )?;
    println!("{} closed", e.at.id);
    Ok(ExitCode::SUCCESS)
}

/// The escalation `id` (or a unique start of it) that `board` holds now.
fn held(
    places: &Places<'_>,
    board: &str,
    id: &str,
) -> anyhow::Result<(Board, Store, EscalationView)> {
    let board = find_board(places.boards, board)?;
    let store = Store::open(places.data)?;
    let today = Local::now().date_naive();
    let e = find(&escalations(&store, &board, today)?, id)?;
    if !e.held_by(&board.id) {
        let with = match (&e.to, e.status) {
            (_, s) if !s.awaits_answer() => format!("it is already {}", s.name()),
            (Some(to), _) => format!("it is with `{to}`"),
            (None, _) => "it was sent to no board".to_owned(),
        };
        bail!(
            "board `{}` does not hold escalation {}: {with} (huddle escalation list --board {})",
            board.id,
            e.at.id,
            board.id
        );
    }
    Ok((board, store, e))
}

/// Everything `board` raised or was sent, waiting ones first.
fn escalations(
    store: &Store,
    board: &Board,
    today: NaiveDate,
) -> anyhow::Result<Vec<EscalationView>> {
    let mut records = store.board_records(&board.id)?;
    records.retain(|r| r.kind == EntryKind::Escalation);
    let mut all: Vec<EscalationView> = records
        .iter()
        .map(|r| EscalationView::from_record(r, &board.id, today))
        .collect();
    all.sort_by_key(|e| {
        (
            !e.held_by(&board.id),
            !e.status.awaits_answer(),
            e.raised.at,
        )
    });
    Ok(all)
}

fn find(all: &[EscalationView], id: &str) -> anyhow::Result<EscalationView> {
    match super::entries::by_id_start(all, |e| &e.at.id, id) {
        Ok(one) => Ok(one.clone()),
        Err(0) => Err(anyhow!(
            "no escalation `{id}` was raised on or sent to this board (huddle escalation list)"
        )),
        Err(n) => Err(anyhow!("`{id}` starts {n} escalation ids; give more of it")),
    }
}

fn escalations_section(board: &Board, wanted: Option<&str>) -> anyhow::Result<String> {
    super::entries::section_of(board, wanted, "escalations").map(|s| s.id.clone())
}

fn json(e: &EscalationView, board: &str) -> serde_json::Value {
    serde_json::json!({
        "id": e.at.id,
        "title": e.title,
        "why": e.why,
        "status": e.status.name(),
        "direction": if e.received { "received" } else { "raised" },
        "from": e.at.board,
        "to": e.to,
        "route": e.route,
        "held_here": e.held_by(board),
        "raised_by": e.raised.by,
        "raised_at": e.raised.at.to_rfc3339(),
        "due": e.due,
        "late": e.late,
        "taken_by": e.taken_by,
        "answer": e.answer.as_ref().map(|(text, by, at)| serde_json::json!({
            "text": text, "by": by, "at": at.map(|t| t.to_rfc3339()),
        })),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EscalationStatus;
    use chrono::Utc;

    #[test]
    fn an_escalation_id_can_be_shortened_while_it_stays_unique() {
        let e = |id: &str| EscalationView {
            at: crate::model::EscalationRef {
                id: id.to_owned(),
                board: "a".into(),
                section: "s".into(),
            },
            title: String::new(),
            why: String::new(),
            status: EscalationStatus::Open,
            raised: crate::view::Stamp {
                by: String::new(),
                at: Utc::now(),
            },
            to: None,
            route: Vec::new(),
            due: None,
            late: false,
            taken_by: None,
            answer: None,
            received: false,
        };
        let all = [e("0192abc"), e("0192abd")];
        assert_eq!(
            find(&all, "0192abd").map(|e| e.at.id).ok(),
            Some("0192abd".into())
        );
        assert!(find(&all, "0192ab").is_err());
        assert!(find(&all, "zz").is_err());
    }
}
