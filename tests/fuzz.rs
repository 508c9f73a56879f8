//! Fuzzing the three readers of files that are not ours: the sync line decoder (another kiosk's
//! segments), the CSV reader (a hospital system's export) and the board reader (a facilitator's
//! file). Random bytes, and valid files damaged at random, must give an answer, never a panic,
//! and every message must stay short whatever the input.
//!
//! The number of cases is `FUZZ_CASES` (256 by default; `.ci/run` sets more), so that the run
//! is bounded in time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{TimeZone as _, Utc};
use huddle::model::{Edit, Origin, Stamped};
use huddle::sync::files;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// Damage done to a valid file: bytes overwritten, cut, inserted or repeated.
#[derive(Clone, Debug)]
enum Damage {
    Flip { at: usize, byte: u8 },
    Cut { at: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Repeat { at: usize, len: usize, times: usize },
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Damage::Flip { at, byte }),
        any::<usize>().prop_map(|at| Damage::Cut { at }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 0..64))
            .prop_map(|(at, bytes)| Damage::Insert { at, bytes }),
        (any::<usize>(), 1..64usize, 1..200usize).prop_map(|(at, len, times)| Damage::Repeat {
            at,
            len,
            times
        }),
    ]
}

fn apply(mut bytes: Vec<u8>, damages: &[Damage]) -> Vec<u8> {
    for d in damages {
        if bytes.is_empty() {
            break;
        }
        match d {
            Damage::Flip { at, byte } => {
                let i = at % bytes.len();
                bytes[i] = *byte;
            }
            Damage::Cut { at } => bytes.truncate(at % bytes.len()),
            Damage::Insert { at, bytes: new } => {
                let i = at % bytes.len();
                bytes.splice(i..i, new.iter().copied());
            }
            Damage::Repeat { at, len, times } => {
                let i = at % bytes.len();
                let piece: Vec<u8> = bytes[i..(i + len).min(bytes.len())].to_vec();
                let repeated: Vec<u8> = piece
                    .iter()
                    .copied()
                    .cycle()
                    .take(piece.len() * times)
                    .collect();
                bytes.splice(i..i, repeated);
            }
        }
    }
    bytes
}

/// A valid segment of a few changes of several kinds.
fn segment() -> Vec<u8> {
    let mut store = huddle::store::Store::open_in_memory().unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
    let edits = [
        Edit::SetValue {
            date: at.date_naive(),
            value: 12.5,
        },
        Edit::AddAction {
            title: "Rappeler les familles « en attente »\n".into(),
            owner: Some("Élise M.".into()),
            due: None,
        },
        Edit::AddNote {
            text: "Bravo à l'équipe 🎉".into(),
            recognition: true,
            expires: None,
        },
    ];
    for edit in edits {
        let change = edit
            .into_change("team", "s", "Amélie", Origin::Screen, at)
            .unwrap();
        store.apply(&change).unwrap();
    }
    let mut bytes = Vec::new();
    for change in store.outbox(0, 10).unwrap() {
        bytes.extend_from_slice(files::encode_line(&change).unwrap().as_bytes());
    }
    bytes
}

fn check_decoded(decoded: &files::Decoded) {
    for change in &decoded.changes {
        // What the decoder accepts is a change whose stamp reads back as it was written.
        assert!(huddle::model::Stamp::parse(&change.stamp.to_string()).is_some());
        let again: Stamped = serde_json::from_str(&serde_json::to_string(change).unwrap()).unwrap();
        assert_eq!(&again, change);
    }
}

const VALID_BOARD: &str = include_str!("../boards/accueil-jeunesse.toml");

fn check_board(text: &str) {
    let report = huddle::layout::parse_board(Path::new("fuzz.toml"), text);
    for problem in &report.problems {
        assert!(problem.line >= 1 && problem.column >= 1, "{problem:?}");
        // A problem quotes a little of the file, never all of it.
        assert!(
            problem.message.chars().count() < 2_000,
            "{} characters: {}",
            problem.message.chars().count(),
            problem.message.chars().take(300).collect::<String>()
        );
    }
    if report.problems.is_empty() {
        assert!(report.board.is_some());
    }
}

fn check_csv(bytes: Vec<u8>) {
    let text = huddle::feed::decode(bytes);
    let (rows, bad) = huddle::feed::parse_csv(&text);
    for row in &rows {
        assert!(row.value.is_finite());
        assert!(row.line >= 1);
    }
    for b in &bad {
        assert!(b.message.chars().count() < 300, "{}", b.message);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn sync_lines_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check_decoded(&files::decode(&bytes));
    }

    #[test]
    fn sync_lines_damaged_segment(damages in prop::collection::vec(damage(), 1..6)) {
        let whole = segment();
        let bytes = apply(whole.clone(), &damages);
        let decoded = files::decode(&bytes);
        check_decoded(&decoded);
        // Damage never makes a change appear that was not written.
        let written = files::decode(&whole).changes;
        for change in &decoded.changes {
            prop_assert!(written.contains(change));
        }
    }

    #[test]
    fn csv_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check_csv(bytes);
    }

    #[test]
    fn csv_damaged_export(damages in prop::collection::vec(damage(), 1..6)) {
        let export = "Date;Valeur\n20/11/2026;24\n2026-11-21;22,5\n2026-11-23 00:00:00;\"21\"\n";
        check_csv(apply(export.as_bytes().to_vec(), &damages));
        // The same export as Excel's "Unicode text".
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(export.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        check_csv(apply(utf16, &damages));
    }

    #[test]
    fn board_random_text(text in "\\PC{0,2000}") {
        check_board(&text);
    }

    #[test]
    fn board_damaged_file(damages in prop::collection::vec(damage(), 1..6)) {
        let bytes = apply(VALID_BOARD.as_bytes().to_vec(), &damages);
        check_board(&String::from_utf8_lossy(&bytes));
    }
}
