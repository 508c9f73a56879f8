//! The files of the shared folder: their names, the line format of segments, and publishing a
//! file whole (temp file, fsync, rename).

use std::path::Path;

use crate::model::Stamped;

/// What a name found in a device's folder is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A segment as its kiosk published it: `seg-<first>-<last>.jsonl`.
    Segment {
        /// Number of its first change.
        first: u64,
        /// Number of its last change.
        last: u64,
    },
    /// A copy of a segment made by a sync engine (a conflict copy under any of the engines'
    /// names: `….sync-conflict-….jsonl`, `… (host's conflicted copy …).jsonl`, `…-host.jsonl`,
    /// `… (2).jsonl`). Read as data too: changes carry their own identity, so a copy adds
    /// nothing twice and loses nothing if it holds the newer bytes.
    SegmentCopy,
    /// The kiosk's manifest.
    Manifest,
    /// The kiosk's description.
    Device,
    /// Anything else: temp files (ours, Syncthing's, OneDrive's), OS litter (`desktop.ini`,
    /// `.DS_Store`, `Thumbs.db`), conflict copies of the manifest, files of other programs.
    Other,
}

/// Classifies a file name of a device's folder.
pub fn classify(name: &str) -> FileKind {
    if name.starts_with('.') || name.starts_with('~') || name.ends_with(".tmp") {
        return FileKind::Other;
    }
    match name {
        MANIFEST => return FileKind::Manifest,
        DEVICE => return FileKind::Device,
        _ => {}
    }
    if let Some((first, last)) = segment_range(name) {
        return FileKind::Segment { first, last };
    }
    if name.starts_with("seg-") && name.ends_with(".jsonl") {
        return FileKind::SegmentCopy;
    }
    FileKind::Other
}

/// The numbers in a segment's own name.
fn segment_range(name: &str) -> Option<(u64, u64)> {
    let body = name.strip_prefix("seg-")?.strip_suffix(".jsonl")?;
    let (first, last) = body.split_once('-')?;
    if first.len() != 12 || last.len() != 12 {
        return None;
    }
    if !first
        .bytes()
        .chain(last.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some((first.parse().ok()?, last.parse().ok()?))
}

/// The name of the segment holding changes `first..=last`.
pub fn segment_name(first: u64, last: u64) -> String {
    format!("seg-{first:012}-{last:012}.jsonl")
}

/// The largest segment read, in bytes: 5,000 changes of a few kilobytes each fit with room
/// to spare. A larger file is refused before a byte of it is read.
pub const SEGMENT_BYTES_MAX: u64 = 64 << 20;
/// The longest line of a segment, in bytes: a change whose texts are all at their maximum
/// fits. A longer line is refused as damaged.
pub const LINE_BYTES_MAX: usize = 256 << 10;
/// The largest manifest, device description or format marker read, in bytes.
pub const SMALL_FILE_BYTES_MAX: u64 = 1 << 20;

/// A kiosk's manifest.
pub const MANIFEST: &str = "manifest.json";
/// A kiosk's description.
pub const DEVICE: &str = "device.json";

/// One line of a segment: the CRC-32 of the JSON in 8 hex digits, a space, the JSON, `\n`.
pub fn encode_line(change: &Stamped) -> Result<String, serde_json::Error> {
    let json = serde_json::to_string(change)?;
    Ok(format!("{:08x} {json}\n", crc32fast::hash(json.as_bytes())))
}

/// What reading a segment's bytes gave.
#[derive(Debug, Default)]
pub struct Decoded {
    /// The valid, complete lines.
    pub changes: Vec<Stamped>,
    /// Lines that are complete but damaged (bad CRC or JSON), by line number.
    pub bad_lines: Vec<usize>,
    /// Whether the bytes end in the middle of a line (a file still arriving, or cut short).
    pub truncated: bool,
    /// Complete lines longer than [`LINE_BYTES_MAX`], by line number with their length:
    /// refused whole, never parsed.
    pub long_lines: Vec<(usize, usize)>,
    /// Intact lines (their CRC matches) holding a kind of entry this version does not know:
    /// written by a newer Huddle. Skipped, by line number, and the file still counts as read.
    pub newer: Vec<usize>,
}

impl Decoded {
    /// Whether every byte was a valid, complete line.
    pub fn complete(&self) -> bool {
        self.bad_lines.is_empty() && !self.truncated
    }
}

/// Reads a segment's bytes. Only complete lines whose CRC matches are taken; a trailing piece
/// of a line is left for when the rest arrives.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut out = Decoded::default();
    let mut rest = bytes;
    let mut number = 0;
    while !rest.is_empty() {
        number += 1;
        let Some(end) = rest.iter().position(|&b| b == b'\n') else {
            out.truncated = true;
            break;
        };
        let line = &rest[..end];
        rest = &rest[end + 1..];
        if line.len() > LINE_BYTES_MAX {
            out.long_lines.push((number, line.len()));
            continue;
        }
        match decode_line(line) {
            Line::Change(change) => out.changes.push(*change),
            Line::Newer => out.newer.push(number),
            Line::Bad => out.bad_lines.push(number),
        }
    }
    out
}

/// What one line holds.
enum Line {
    /// A change.
    Change(Box<Stamped>),
    /// An intact change of a kind of entry this version does not know.
    Newer,
    /// Damaged: a bad CRC, or not a change.
    Bad,
}

fn decode_line(line: &[u8]) -> Line {
    let intact = || {
        let (crc, json) = (line.get(..8)?, line.get(9..)?);
        if line.get(8) != Some(&b' ') {
            return None;
        }
        let crc = u32::from_str_radix(std::str::from_utf8(crc).ok()?, 16).ok()?;
        (crc32fast::hash(json) == crc).then_some(json)
    };
    let Some(json) = intact() else {
        return Line::Bad;
    };
    match serde_json::from_slice::<Stamped>(json) {
        Ok(change) => Line::Change(Box::new(change)),
        Err(_) => {
            // A change whose kind this version does not know (a newer Huddle's), intact
            // otherwise, is skipped rather than read again forever as damage.
            let value: serde_json::Value = serde_json::from_slice(json).unwrap_or_default();
            let kind = value
                .pointer("/change/kind")
                .and_then(serde_json::Value::as_str);
            match kind {
                Some(kind) if crate::model::EntryKind::from_name(kind).is_none() => Line::Newer,
                _ => Line::Bad,
            }
        }
    }
}

/// Publishes `bytes` at `path` whole (see [`crate::disk::write_atomic`]): a new temp file
/// under a random name that no planted link can redirect, flushed, renamed over `path`. A
/// reader sees the old file or the new one, never half of one.
pub fn publish(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::disk::write_atomic(path, bytes, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_a_kind_from_a_newer_version_is_skipped_not_damage() {
        let newer = r#"{"seq":3,"stamp":"x","change":{"kind":"hologram","id":"c"}}"#;
        let line = |json: &str| format!("{:08x} {json}\n", crc32fast::hash(json.as_bytes()));
        let damaged = r#"{"seq":3,"stamp":"x","change":{"kind":"value","id":"c"}}"#;
        let bytes = format!("{}{}", line(newer), line(damaged));
        let decoded = decode(bytes.as_bytes());
        assert_eq!(decoded.newer, vec![1]);
        assert_eq!(
            decoded.bad_lines,
            vec![2],
            "a known kind that does not read is damage"
        );
        // A bad CRC is damage whatever the kind says.
        let bytes = format!("00000000 {newer}\n");
        assert_eq!(decode(bytes.as_bytes()).bad_lines, vec![1]);
        let decoded = decode(line(newer).as_bytes());
        assert!(
            decoded.complete(),
            "a file of newer changes is read through"
        );
    }

    #[test]
    fn names_are_read_strictly() {
        assert_eq!(
            classify("seg-000000000001-000000000042.jsonl"),
            FileKind::Segment { first: 1, last: 42 }
        );
        assert_eq!(segment_name(1, 42), "seg-000000000001-000000000042.jsonl");
        for copy in [
            "seg-000000000001-000000000042.sync-conflict-20261122-232838-WZ7LWQC.jsonl",
            "seg-000000000001-000000000042 (kiosk-2's conflicted copy 2026-11-22).jsonl",
            "seg-000000000001-000000000042-KIOSK2.jsonl",
            "seg-000000000001-000000000042 (2).jsonl",
            "seg-000000000001-000000000042 (Case Conflict).jsonl",
        ] {
            assert_eq!(classify(copy), FileKind::SegmentCopy, "{copy}");
        }
        for other in [
            ".syncthing.seg-000000000001-000000000042.jsonl.tmp",
            "~syncthing~seg-000000000001-000000000042.jsonl.tmp",
            ".syncthing.6f1ed002ab5595859014ebf0951522d9.tmp",
            ".huddle-41-seg-000000000001-000000000042.jsonl.tmp",
            ".huddle-0190f3a2b5c47d8e9f0a1b2c3d4e5f60.tmp",
            "seg-000000000001-000000000042.jsonl.partial.tmp",
            "~$seg.jsonl",
            "desktop.ini",
            ".DS_Store",
            "Thumbs.db",
            "manifest.sync-conflict-20261122-232838-WZ7LWQC.json",
            "manifest (kiosk-2's conflicted copy 2026-11-22).json",
            "notes.txt",
            "SEG-000000000001-000000000042.JSONL",
        ] {
            assert_eq!(classify(other), FileKind::Other, "{other}");
        }
        assert_eq!(classify("manifest.json"), FileKind::Manifest);
        // Any temp file of ours, under the new random names too.
        assert!(crate::disk::is_our_temp(
            ".huddle-0190f3a2b5c47d8e9f0a1b2c3d4e5f60.tmp"
        ));
        assert_eq!(classify("device.json"), FileKind::Device);
    }
}
