//! Logging: to stderr, which the journal keeps under systemd (and a terminal shows); and, when
//! nobody reads stderr (a desktop autostart, a kiosk session), also to files in the data folder
//! (`logs/huddle.log`), cut at [`FILE_LIMIT`] bytes with [`FILES_KEPT`] older files kept, so
//! that months on an SD card never fill it. Level from `RUST_LOG` (default `info`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::Layer as _;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// Size at which the log file is cut.
pub const FILE_LIMIT: u64 = 1024 * 1024;
/// Older log files kept (`huddle.log.1` … `huddle.log.3`): at most 4 MiB of logs in all.
pub const FILES_KEPT: usize = 3;

/// Sets up logging to stderr only; later calls do nothing.
pub fn init() {
    init_with(None);
}

/// Sets up logging; with `files`, also to the size-capped files in that folder. Later calls
/// do nothing.
pub fn init_with(files: Option<&Path>) {
    let filter = || {
        tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"))
    };
    // Colours only on a terminal: the journal would keep the escape codes as text.
    let stderr = tracing_subscriber::fmt::layer()
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr)
        .with_filter(filter());
    let file = files
        .and_then(|dir| RotatingFile::open(dir).ok())
        .map(|writer| {
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(Mutex::new(writer))
                .with_filter(filter())
        });
    tracing_subscriber::registry()
        .with(stderr)
        .with(file)
        .try_init()
        .ok();
}

/// Whether stderr goes somewhere people read: the journal (systemd sets `JOURNAL_STREAM`) or a
/// terminal.
pub fn stderr_is_read() -> bool {
    use std::io::IsTerminal as _;
    std::env::var_os("JOURNAL_STREAM").is_some() || std::io::stderr().is_terminal()
}

/// A log file cut at [`FILE_LIMIT`]: `huddle.log` becomes `huddle.log.1`, which becomes
/// `huddle.log.2`…, the oldest beyond [`FILES_KEPT`] removed. A write that fails (a full disk)
/// is dropped: logging never stops the kiosk.
pub struct RotatingFile {
    path: PathBuf,
    file: Option<std::fs::File>,
    written: u64,
}

impl RotatingFile {
    /// Opens (appends to) `dir/huddle.log`, making the folder if needed.
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        crate::disk::make_private(dir)?;
        let path = dir.join("huddle.log");
        crate::disk::create_private(&path)?;
        crate::disk::make_private(&path)?;
        let file = std::fs::OpenOptions::new().append(true).open(&path)?;
        let written = file.metadata().map_or(0, |m| m.len());
        let log = Self {
            path,
            file: Some(file),
            written,
        };
        // Logs written before they were made private.
        for n in 1..=FILES_KEPT {
            crate::disk::make_private(&log.numbered(n))?;
        }
        Ok(log)
    }

    fn numbered(&self, n: usize) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(format!(".{n}"));
        PathBuf::from(name)
    }

    fn rotate(&mut self) {
        self.file = None;
        let _ = std::fs::remove_file(self.numbered(FILES_KEPT));
        for n in (1..FILES_KEPT).rev() {
            let _ = std::fs::rename(self.numbered(n), self.numbered(n + 1));
        }
        let _ = std::fs::rename(&self.path, self.numbered(1));
        self.file = crate::disk::create_private(&self.path)
            .and_then(|()| std::fs::OpenOptions::new().append(true).open(&self.path))
            .ok();
        self.written = 0;
    }
}

impl std::io::Write for RotatingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written + buf.len() as u64 > FILE_LIMIT && self.written > 0 {
            self.rotate();
        }
        if let Some(file) = &mut self.file
            && file.write_all(buf).is_ok()
        {
            self.written += buf.len() as u64;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if let Some(file) = &mut self.file {
            let _ = file.flush();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    #[test]
    fn logs_are_cut_and_the_oldest_dropped_so_they_never_grow_past_the_cap() {
        let dir = tempfile::tempdir().unwrap_or_else(|_| unreachable!());
        let mut file = RotatingFile::open(dir.path()).unwrap_or_else(|_| unreachable!());
        let line = [b'x'; 1000];
        for _ in 0..6000 {
            let _ = file.write(&line);
        }
        let _ = file.flush();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["huddle.log", "huddle.log.1", "huddle.log.2", "huddle.log.3"]
        );
        let total: u64 = std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum();
        assert!(total <= FILE_LIMIT * (FILES_KEPT as u64 + 1), "{total}");
        assert!(total >= FILE_LIMIT * FILES_KEPT as u64, "{total}");
    }
}
