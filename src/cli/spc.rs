//! `huddle spc`: an indicator's XmR chart as `NHSRplotthedots` computes it, from a board's
//! stored values or from any CSV file `huddle import` reads, so that an analyst can check a
//! series without a board.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::ValueEnum;

use super::entries::{Places, find_board, find_section, open_store};
use crate::model::{ChangeMark, Direction, SectionKind};
use crate::spc::Xmr;

/// How `huddle spc` prints the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SpcFormat {
    /// A line per point, then the variation and the assurance.
    Text,
    /// A header line, then a line per point.
    Csv,
    /// `{"points": […], "variation": …, "assurance": …}`.
    Json,
}

/// Which way is better, as `--direction` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Higher values are better.
    Higher,
    /// Lower values are better.
    Lower,
    /// Neither.
    Neutral,
}

/// Where the series comes from, and how to read it.
pub struct Request<'a> {
    /// A board and one of its indicators.
    pub indicator: Option<(&'a str, &'a str)>,
    /// Or a CSV file.
    pub csv: Option<&'a Path>,
    /// Which way is better (default: the board's, or higher for a CSV).
    pub direction: Option<DirectionArg>,
    /// The target (default: the board's).
    pub target: Option<&'a str>,
    /// Dates that start a new phase (default: the changes of the board file).
    pub rebase: &'a [String],
    /// How to print.
    pub format: SpcFormat,
}

/// Runs `huddle spc`.
pub fn spc(places: &Places<'_>, request: &Request<'_>) -> anyhow::Result<ExitCode> {
    let (series, direction, target, mut rebases, baseline) = match (request.indicator, request.csv)
    {
        (Some((board, indicator)), None) => {
            let board = find_board(places.boards, board)?;
            let section = find_section(&board, indicator, "indicator")?;
            let SectionKind::Indicator(spec) = &section.kind else {
                bail!("`{indicator}` is not an indicator");
            };
            let store = open_store(places.data)?;
            let records = store.records(&board.id)?;
            let series: Vec<(NaiveDate, f64)> =
                super::entries::stored_values(&records, &section.id)
                    .into_iter()
                    .map(|(date, value, _)| (date, value))
                    .collect();
            let changes: Vec<NaiveDate> =
                spec.changes.iter().map(|c: &ChangeMark| c.date).collect();
            (
                series,
                spec.direction,
                spec.target,
                changes,
                spec.baseline.map(|b| b as usize),
            )
        }
        (None, Some(file)) => {
            let bytes = crate::disk::read_bounded(
                file,
                crate::feed::FEED_FILE_MAX,
                crate::disk::Links::Follow,
            )
            .with_context(|| format!("cannot read {}", file.display()))?;
            let (rows, bad) = crate::feed::parse_csv(&crate::feed::decode(bytes));
            super::entries::print_bad_rows(file, &bad);
            // The last row of a date is its value, as `huddle import` keeps it.
            let series = crate::feed::last_per_date(&rows)
                .into_iter()
                .map(|r| (r.date, r.value))
                .collect();
            (series, Direction::Higher, None, Vec::new(), None)
        }
        _ => bail!("give either --board and --indicator, or --csv FILE"),
    };
    let direction = match request.direction {
        Some(DirectionArg::Higher) => Direction::Higher,
        Some(DirectionArg::Lower) => Direction::Lower,
        Some(DirectionArg::Neutral) => Direction::Neutral,
        None => direction,
    };
    let target = match request.target {
        Some(text) => Some(
            crate::model::parse_number(text)
                .with_context(|| format!("--target {text}: write a number, such as 12 or 92.5"))?,
        ),
        None => target,
    };
    if !request.rebase.is_empty() {
        rebases = request
            .rebase
            .iter()
            .map(|d| {
                crate::feed::parse_feed_date(d).with_context(|| {
                    format!("--rebase {d}: write a date as YYYY-MM-DD, such as 2026-10-05")
                })
            })
            .collect::<anyhow::Result<_>>()?;
    }
    let xmr = Xmr::new(&series, &rebases, baseline, direction);
    let assurance = xmr.assurance(target, direction);
    let mut out = std::io::stdout().lock();
    match request.format {
        SpcFormat::Json => {
            let points: Vec<serde_json::Value> = xmr
                .points
                .iter()
                .map(|p| {
                    let phase = xmr.phases.get(p.phase);
                    let limits = phase.and_then(|ph| ph.limits());
                    serde_json::json!({
                        "date": p.date,
                        "value": p.value,
                        "mean": phase.map(|ph| ph.mean),
                        "lpl": limits.map(|l| l.0),
                        "upl": limits.map(|l| l.1),
                        "special_cause": p.cause,
                        "point_type": p.point_type,
                    })
                })
                .collect();
            let json = serde_json::json!({
                "points": points,
                "variation": xmr.variation(),
                "assurance": assurance,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        SpcFormat::Csv => {
            writeln!(out, "date,value,mean,lpl,upl,special_cause,point_type")?;
            for p in &xmr.points {
                let phase = xmr.phases.get(p.phase);
                let limits = phase.and_then(|ph| ph.limits());
                let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
                writeln!(
                    out,
                    "{},{},{},{},{},{},{}",
                    p.date,
                    p.value,
                    num(phase.map(|ph| ph.mean)),
                    num(limits.map(|l| l.0)),
                    num(limits.map(|l| l.1)),
                    name(&p.cause),
                    name(&p.point_type),
                )?;
            }
        }
        SpcFormat::Text => {
            for (i, phase) in xmr.phases.iter().enumerate() {
                let limits = phase
                    .limits()
                    .map(|(lo, hi)| format!("limits {lo:.4} to {hi:.4}"))
                    .unwrap_or_else(|| "no limits (a single value)".to_owned());
                let reliable = if phase.reliable() {
                    ""
                } else {
                    " (fewer than 12 values: not reliable yet)"
                };
                writeln!(
                    out,
                    "phase {} from {}: {} values, mean {:.4}, {limits}{reliable}",
                    i + 1,
                    phase.from,
                    phase.len,
                    phase.mean
                )?;
            }
            for p in &xmr.points {
                writeln!(
                    out,
                    "{}  {:>12}  {:<18}  {}",
                    p.date,
                    p.value,
                    name(&p.cause),
                    name(&p.point_type)
                )?;
            }
            let variation = xmr.variation().map_or("-".to_owned(), |v| name(&v));
            let assurance = assurance.map_or("-".to_owned(), |a| name(&a));
            writeln!(out, "variation: {variation}")?;
            writeln!(out, "assurance: {assurance}")?;
            if xmr.points.is_empty() {
                writeln!(out, "no value to read")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The name the JSON gives a reading (`above_upl`, `improvement`…), for the text and CSV
/// forms.
fn name(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
