//! Files that may not be ours: read only when they are regular files of a bounded size, and
//! written only through new files that no one could have prepared for us.
//!
//! Every folder Huddle reads (boards, feeds, the shared folder, snapshot folders) can hold what
//! a careless script, a broken sync engine or a compromised kiosk put there: a named pipe that
//! blocks a reader forever, a device, a symbolic link to the kiosk's own database, a file of
//! gigabytes. Readers here open without blocking and without following a last symbolic link
//! where asked, look at what they opened, and refuse what is not a regular file or is larger
//! than the caller's limit, before reading a byte of it. Writers create a new file under a
//! random name with `O_EXCL` and `O_NOFOLLOW`, so that a link planted where a temp file will
//! be is never written through, then rename it into place.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

/// Whether a last symbolic link in a path is followed when reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// Follow it (board and feed folders a person set up may link to files elsewhere).
    Follow,
    /// Refuse it (the shared folder and snapshot folders, written by other machines).
    Refuse,
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// It could not be opened or read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// It is not a regular file (a named pipe, a device, a folder, a socket, a link).
    #[error("it is {0}, not a regular file; it was not read")]
    NotRegular(&'static str),
    /// It is larger than the limit for its kind of file.
    #[error("it holds {} where at most {} are read; it was not read", bytes(*.size), bytes(*.max))]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        max: u64,
    },
}

impl ReadError {
    /// Whether the file is simply not there (yet).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

/// A size in words: "3.2 GB", "12 MB", "512 kB", "80 bytes".
pub fn bytes(n: u64) -> String {
    if n >= 1 << 30 {
        format!("{:.1} GB", n as f64 / f64::from(1u32 << 30))
    } else if n >= 1 << 20 {
        format!("{:.0} MB", n as f64 / f64::from(1u32 << 20))
    } else if n >= 1 << 10 {
        format!("{:.0} kB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

/// What a file that is not a regular file is, in words (`None` for a regular file).
pub fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    if kind.is_symlink() {
        return Some("a symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// Opens `path` for reading if it is a regular file of at most `max` bytes: without blocking
/// on a named pipe, and without following a last symbolic link with [`Links::Refuse`].
pub fn open_regular(path: &Path, max: u64, links: Links) -> Result<(File, u64), ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        let mut flags = libc::O_NONBLOCK | libc::O_CLOEXEC;
        if links == Links::Refuse {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    #[cfg(not(unix))]
    if links == Links::Refuse
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(ReadError::NotRegular("a symbolic link"));
    }
    let file = options.open(path).map_err(|e| {
        // O_NOFOLLOW on a link answers ELOOP.
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return ReadError::NotRegular("a symbolic link");
        }
        ReadError::Io(e)
    })?;
    let meta = file.metadata()?;
    if let Some(kind) = special_kind(&meta) {
        return Err(ReadError::NotRegular(kind));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            max,
        });
    }
    Ok((file, meta.len()))
}

/// Reads a regular file of at most `max` bytes whole (see [`open_regular`]). A file that grows
/// past the limit while it is read is refused too.
pub fn read_bounded(path: &Path, max: u64, links: Links) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_regular(path, max, links)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > max {
        return Err(ReadError::TooLarge { size: read, max });
    }
    Ok(bytes)
}

/// Whether `path` is a regular file, without following a last symbolic link.
pub fn is_regular_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// Refuses a path that is a symbolic link (or not a folder) where Huddle writes a folder.
pub fn check_own_folder(dir: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => Err(std::io::Error::other(format!(
            "{} is a symbolic link; Huddle writes only into real folders there",
            dir.display()
        ))),
        Ok(meta) if !meta.is_dir() => Err(std::io::Error::other(format!(
            "{} is not a folder",
            dir.display()
        ))),
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Makes `dir` (and its parents) unless it is there, then refuses it if it is a link.
pub fn make_own_folder(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    check_own_folder(dir)
}

/// The prefix and suffix of the temp files Huddle writes, which every reader skips.
const TEMP_PREFIX: &str = ".huddle-";
const TEMP_SUFFIX: &str = ".tmp";

/// Whether a file name is one of Huddle's temp files.
pub fn is_our_temp(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Creates a new temp file in `dir` under a random name, with `O_EXCL` and `O_NOFOLLOW`:
/// nothing already there (a file, a link planted for us) is ever opened. Readable by its
/// owner only when `private`.
pub fn create_temp(dir: &Path, private: bool) -> std::io::Result<(File, PathBuf)> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .mode(if private { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut tries = 0;
    loop {
        let path = dir.join(format!(
            "{TEMP_PREFIX}{}{TEMP_SUFFIX}",
            uuid::Uuid::now_v7().simple()
        ));
        match options.open(&path) {
            Ok(file) => return Ok((file, path)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && tries < 8 => tries += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Writes `bytes` at `path` whole: a new temp file in the same folder (see [`create_temp`]),
/// flushed, renamed over `path` (a rename replaces a link rather than writing through it),
/// then the folder flushed. A reader sees the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8], private: bool) -> std::io::Result<()> {
    write_atomic_mode(path, bytes, if private { 0o600 } else { 0o644 })
}

/// [`write_atomic`], the file given `mode` (Unix permissions; ignored elsewhere).
pub fn write_atomic_mode(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let (mut file, temp) = create_temp(dir, true)?;
    let written = (|| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        #[cfg(not(unix))]
        let _ = mode;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        // A full disk or a folder gone read-only: leave no half-written temp file behind.
        let _ = std::fs::remove_file(&temp);
        return written;
    }
    sync_folder(dir);
    Ok(())
}

/// Flushes a folder, so that a rename in it survives a power cut (Linux; elsewhere opening a
/// folder fails and the rename is as durable as the system makes it).
pub fn sync_folder(dir: &Path) {
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// Removes Huddle's own temp files in `dir` left by a process that was killed, those older
/// than `age` (a younger one may be being written at this moment). Returns how many went.
pub fn remove_stale_temps(dir: &Path, age: std::time::Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        if !is_our_temp(&entry.file_name().to_string_lossy()) {
            continue;
        }
        // Not followed: a link is removed itself, its target left alone.
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|d| d >= age);
        if (old || meta.file_type().is_symlink()) && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Gives a file or folder of ours its owner's access only (0600 files, 0700 folders); nothing
/// elsewhere than on Unix. A missing file is no error.
pub fn make_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        let mode = if meta.is_dir() { 0o700 } else { 0o600 };
        if meta.permissions().mode() & 0o777 != mode {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Creates `path` empty and private (0600) unless something is there, so that what is then
/// written into it (a database by SQLite, a log) is never readable by others, even for a
/// moment.
pub fn create_private(path: &Path) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// A text cut for a message or a log line: at most `max` characters, the rest said as
/// "… (N more characters)".
pub fn excerpt(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((at, _)) => {
            let more = text[at..].chars().count();
            format!("{}… ({more} more characters)", &text[..at])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_of_a_bounded_size_are_read() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let small = dir.path().join("small.toml");
        std::fs::write(&small, "x = 1\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            read_bounded(&small, 100, Links::Refuse).unwrap_or_default(),
            b"x = 1\n"
        );
        match read_bounded(&small, 3, Links::Follow) {
            Err(ReadError::TooLarge { size: 6, max: 3 }) => {}
            other => panic!("{other:?}"),
        }
        match read_bounded(dir.path(), 100, Links::Follow) {
            Err(ReadError::NotRegular("a folder")) => {}
            other => panic!("{other:?}"),
        }
        #[cfg(unix)]
        {
            let link = dir.path().join("link.toml");
            std::os::unix::fs::symlink(&small, &link).unwrap_or_else(|e| panic!("{e}"));
            assert!(read_bounded(&link, 100, Links::Follow).is_ok());
            match read_bounded(&link, 100, Links::Refuse) {
                Err(ReadError::NotRegular("a symbolic link")) => {}
                other => panic!("{other:?}"),
            }
            let fifo = dir.path().join("fifo.toml");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                // Would block forever if opened as a plain file.
                match read_bounded(&fifo, 100, Links::Follow) {
                    Err(ReadError::NotRegular("a named pipe (FIFO)")) => {}
                    other => panic!("{other:?}"),
                }
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_where_a_temp_file_goes_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap_or_else(|e| panic!("{e}"));
        // Links under every name the old scheme would have used, and the new one's prefix.
        for pid in 0..50 {
            let _ = std::os::unix::fs::symlink(
                &victim,
                dir.path().join(format!(".huddle-{pid}-manifest.json.tmp")),
            );
        }
        let target = dir.path().join("manifest.json");
        write_atomic(&target, b"{}", false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            std::fs::read_to_string(&victim).unwrap_or_default(),
            "precious"
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap_or_default(), "{}");
        // A link at the destination itself is replaced, not written through.
        let linked = dir.path().join("seg.jsonl");
        std::os::unix::fs::symlink(&victim, &linked).unwrap_or_else(|e| panic!("{e}"));
        write_atomic(&linked, b"new", false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            std::fs::read_to_string(&victim).unwrap_or_default(),
            "precious"
        );
        assert!(is_regular_file(&linked));
        // Planted links count as litter and go, their targets stay.
        assert_eq!(
            remove_stale_temps(dir.path(), std::time::Duration::from_secs(600)),
            50
        );
        assert!(victim.exists());
    }

    #[test]
    fn leftover_temp_files_go_once_old() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (file, path) = create_temp(dir.path(), true).unwrap_or_else(|e| panic!("{e}"));
        drop(file);
        assert!(is_our_temp(
            &path.file_name().unwrap_or_default().to_string_lossy()
        ));
        assert_eq!(
            remove_stale_temps(dir.path(), std::time::Duration::from_secs(600)),
            0,
            "a young temp file may be being written"
        );
        assert_eq!(remove_stale_temps(dir.path(), std::time::Duration::ZERO), 1);
        assert!(!path.exists());
    }

    #[test]
    fn excerpts_say_how_much_was_left_out() {
        assert_eq!(excerpt("court", 10), "court");
        assert_eq!(excerpt("éééééé", 2), "éé… (4 more characters)");
    }
}
