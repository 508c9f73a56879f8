//! Feed files imported on a worker thread with its own connection to the store, so that a
//! file of millions of rows never holds the screen or the watchdog: the screen keeps answering
//! taps while the rows go in, in batches of one transaction each.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use chrono::{DateTime, Utc};

use crate::feed::{Row, Summary};
use crate::store::Store;

/// A feed file's rows to import.
pub struct Job {
    /// The file.
    pub path: PathBuf,
    /// Its board.
    pub board: String,
    /// Its indicator.
    pub indicator: String,
    /// Its good rows.
    pub rows: Vec<Row>,
    /// Who the changes are signed by (`feed (file.csv)`).
    pub source: String,
    /// When the rows are imported.
    pub at: DateTime<Utc>,
}

/// What importing a file did.
pub struct Done {
    /// The file.
    pub path: PathBuf,
    /// What was stored, or why nothing was.
    pub result: Result<Summary, String>,
}

/// The worker thread that imports feed files.
pub struct Importer {
    jobs: Sender<Job>,
    done: Receiver<Done>,
}

impl Importer {
    /// Starts the worker on the store in `data_dir`; `wake` is called after each file (the
    /// kiosk repaints to show the values).
    pub fn start(data_dir: PathBuf, wake: Arc<dyn Fn() + Send + Sync>) -> std::io::Result<Self> {
        let (jobs, inbox) = channel::<Job>();
        let (outbox, done) = channel();
        std::thread::Builder::new()
            .name("feeds-import".into())
            .spawn(move || {
                let mut store: Option<Store> = None;
                for job in inbox {
                    let result = match &mut store {
                        Some(store) => import(store, &job),
                        None => match Store::open(&data_dir) {
                            Ok(opened) => import(store.insert(opened), &job),
                            Err(e) => Err(e.to_string()),
                        },
                    };
                    if outbox
                        .send(Done {
                            path: job.path,
                            result,
                        })
                        .is_err()
                    {
                        return;
                    }
                    wake();
                }
            })?;
        Ok(Self { jobs, done })
    }

    /// Hands a file's rows to the worker; gives them back if it has stopped.
    pub fn send(&self, job: Job) -> Option<Job> {
        self.jobs.send(job).err().map(|e| e.0)
    }

    /// The files imported since the last call.
    pub fn finished(&self) -> Vec<Done> {
        self.done.try_iter().collect()
    }
}

/// Imports a job's rows into `store`.
pub fn import(store: &mut Store, job: &Job) -> Result<Summary, String> {
    crate::feed::import(
        store,
        &job.board,
        &job.indicator,
        &job.rows,
        &job.source,
        job.at,
    )
    .map_err(|e| e.to_string())
}
