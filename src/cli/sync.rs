//! `huddle sync`: publish and read the shared folder once, print where sync stands, or keep
//! syncing (a machine without a screen that relays a board's changes).

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use chrono::{DateTime, Local, Utc};

use super::Format;
use crate::store::Store;
use crate::sync::worker::{SyncWorker, WatchMode};
use crate::sync::{Shared, SyncStatus};

/// What `huddle sync` was asked to do.
pub struct Request<'a> {
    /// The data folder.
    pub data: &'a Path,
    /// The shared folder (`--shared`).
    pub shared: Option<&'a Path>,
    /// How to watch it.
    pub watch: WatchMode,
    /// This kiosk's name, as the other kiosks say it.
    pub name: &'a str,
}

fn shared(request: &Request<'_>) -> anyhow::Result<Shared> {
    match request.shared {
        Some(dir) => Ok(Shared::new(dir.to_owned()).named(request.name)),
        None => bail!(
            "no shared folder: name it with --shared DIR (a network share, or a Syncthing, OneDrive or Dropbox folder)"
        ),
    }
}

/// `huddle sync --once`: publishes, reads, prints what it did and where sync stands. Exit 1
/// when the folder could not be reached or written, or the sync is refused.
pub fn once(request: &Request<'_>) -> anyhow::Result<ExitCode> {
    let shared = shared(request)?;
    let mut store = Store::open(request.data)?;
    let now = Utc::now();
    let result = shared.sync_once(&mut store, now);
    let mut out = std::io::stdout().lock();
    let code = match result {
        Ok(report) => {
            writeln!(
                out,
                "published {} change(s); received {} new change(s)",
                report.published, report.ingested
            )?;
            for problem in &report.problems {
                writeln!(out, "problem: {problem}")?;
            }
            match report.publish_error {
                Some(e) => {
                    eprintln!(
                        "huddle sync: the shared folder {} cannot be written: {e}; the changes made here wait, nothing is lost",
                        shared.dir.display()
                    );
                    ExitCode::from(1)
                }
                None => ExitCode::SUCCESS,
            }
        }
        Err(e) => {
            eprintln!("huddle sync: {e}");
            ExitCode::from(1)
        }
    };
    Ok(code)
}

/// `huddle sync status`: where sync stands, without writing anything. Exit 1 when the folder
/// cannot be reached or the sync is refused.
pub fn status(request: &Request<'_>, format: Format) -> anyhow::Result<ExitCode> {
    let shared = shared(request)?;
    let store = Store::open(request.data)?;
    let status = shared.status(&store, Utc::now());
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&to_json(&status))?)?,
        Format::Text => write!(out, "{}", to_text(&status, &shared.name))?,
    }
    Ok(if status.error.is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `huddle sync`: keeps syncing until stopped.
pub fn forever(request: &Request<'_>) -> anyhow::Result<ExitCode> {
    let shared = shared(request)?;
    let name = shared.name.clone();
    let worker = SyncWorker::start(request.data.to_owned(), shared, request.watch, || {})?;
    // Changes made with the command line beside it (`huddle value set`…) go out within a
    // second.
    let store = Store::open(request.data)?;
    let mut last = None;
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
        worker.notice(&store);
        let status = worker.status();
        if last.as_ref() != Some(&status) {
            print!("{}", to_text(&status, &name));
            std::io::stdout().flush()?;
            last = Some(status);
        }
    }
}

/// `huddle sync --republish`
pub fn republish(request: &Request<'_>) -> anyhow::Result<ExitCode> {
    let shared = shared(request)?;
    let mut store = Store::open(request.data)?;
    shared.republish(&mut store)?;
    println!(
        "every change made on this kiosk will be published again in {}",
        shared.dir.display()
    );
    once(request)
}

/// `huddle sync --new-device-id`
pub fn new_device_id(request: &Request<'_>) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(request.data)?;
    let old = store.device().to_owned();
    let new = store.new_device_id()?;
    if let Some(dir) = request.shared {
        Shared::new(dir.to_owned())
            .named(request.name)
            .republish(&mut store)?;
    }
    println!("this kiosk's id was {old}; it is now {new}");
    Ok(ExitCode::SUCCESS)
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// The status in lines for people.
pub fn to_text(status: &SyncStatus, name: &str) -> String {
    let mut s = String::new();
    let shared = status
        .shared
        .as_ref()
        .map_or_else(|| "-".to_owned(), |p| p.display().to_string());
    s += &format!("this kiosk:     {} ({name})\n", status.device);
    s += &format!("shared folder:  {shared}\n");
    s += &format!(
        "last sync:      {}\n",
        status.last_sync.map_or_else(|| "never".to_owned(), local)
    );
    s += &format!(
        "waiting:        {} change(s) made here not yet in the shared folder\n",
        status.waiting
    );
    s += &format!("kiosks seen:    {}\n", status.peers.len());
    for peer in &status.peers {
        let missing = match peer.missing() {
            0 => "all here".to_owned(),
            n => format!("{n} on their way"),
        };
        s += &format!(
            "  {}  {}  last published {}, {} change(s), {missing}\n",
            peer.name,
            peer.device,
            peer.published.map_or_else(|| "?".to_owned(), local),
            peer.published_changes,
        );
        if let Some(ahead) = peer.ahead_ms {
            s += &format!(
                "    its clock is {} min ahead of this one: set that machine to network time (NTP)\n",
                ahead / 60_000
            );
        }
    }
    if let Some(own) = status.own_clock_ms {
        s += &format!(
            "clock:          this kiosk's clock runs {} min {} the other kiosks': set this machine to network time (NTP)\n",
            own.unsigned_abs() / 60_000,
            if own > 0 { "ahead of" } else { "behind" }
        );
    }
    if let Some(error) = &status.error {
        s += &format!("problem:        {error}\n");
    }
    for problem in &status.problems {
        s += &format!("problem:        {problem}\n");
    }
    s
}

fn to_json(status: &SyncStatus) -> serde_json::Value {
    serde_json::json!({
        "device": status.device,
        "shared": status.shared,
        "last_sync": status.last_sync.map(|t| t.to_rfc3339()),
        "waiting": status.waiting,
        "error": status.error,
        "refused": status.refused.is_some(),
        "problems": status.problems,
        "own_clock_ms": status.own_clock_ms,
        "peers": status.peers.iter().map(|p| serde_json::json!({
            "device": p.device,
            "name": p.name,
            "published": p.published.map(|t| t.to_rfc3339()),
            "published_changes": p.published_changes,
            "received": p.received,
            "missing": p.missing(),
            "clock_ahead_ms": p.ahead_ms,
        })).collect::<Vec<_>>(),
    })
}
