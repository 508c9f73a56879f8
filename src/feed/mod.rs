//! Data feeds: indicator values exported by hospital systems as CSV, read into the store
//! through the one write path, marked as coming from the feed.
//!
//! Files are read as spreadsheets write them: `date,value` or `date;value`, a header or not,
//! decimal commas (`12,5`), dates as `2026-11-20`, `2026-11-20 00:00` or `20/11/2026`. A bad row
//! is reported with its line number; the good rows still load. Importing the same file again
//! changes nothing: each row's change has an id made of what it says.

pub mod watch;

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{Change, Edit, Origin, parse_number};
use crate::store::{Applied, Store, StoreError};

/// A row that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// Line in the file, from 1.
    pub line: usize,
    /// What is wrong, and what to write instead.
    pub message: String,
}

/// A value read from a row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Line in the file, from 1.
    pub line: usize,
    /// The date of the value.
    pub date: NaiveDate,
    /// The value.
    pub value: f64,
}

/// Reads a date as spreadsheets write it.
pub fn parse_feed_date(text: &str) -> Option<NaiveDate> {
    crate::model::parse_date(text).ok()
}

/// The largest feed file read, in bytes: ten years of daily values for a hundred indicators
/// in one file would be a few megabytes; five million rows are about 100 MB.
pub const FEED_FILE_MAX: u64 = 512 << 20;
/// The longest line of a feed file, in characters: a date and a value, with room for the
/// columns an export adds. A longer line is reported, never shown whole.
pub const LINE_MAX: usize = 1_000;
/// Rows stored per transaction: one flush to disk for each batch.
const IMPORT_BATCH: usize = 50_000;

/// The text of a feed file: UTF-16 as Excel's "Unicode text" saves it (told by its byte-order
/// mark, or by the zero bytes of ASCII text in UTF-16), UTF-8, or else Windows-1252 / Latin-1
/// as older spreadsheets export it, where each byte is its own character.
pub fn decode(bytes: Vec<u8>) -> String {
    if let Some(text) = decode_utf16(&bytes) {
        return text;
    }
    String::from_utf8(bytes)
        .unwrap_or_else(|e| e.into_bytes().iter().map(|&b| char::from(b)).collect())
}

/// UTF-16 text, if the bytes are: a byte-order mark, or zero bytes at every other place of the
/// first line (ASCII digits and punctuation in UTF-16 without a mark).
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (little, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => {
            let head = &bytes[..bytes.len().min(64) & !1];
            if head.len() < 4 {
                return None;
            }
            let zeros = |start: usize| head.iter().skip(start).step_by(2).all(|&b| b == 0);
            if zeros(1) {
                (true, bytes)
            } else if zeros(0) {
                (false, bytes)
            } else {
                return None;
            }
        }
    };
    let units = body.chunks_exact(2).map(|pair| {
        if little {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Reads the rows of a CSV text: `date,value` or `date;value`, header optional.
pub fn parse_csv(text: &str) -> (Vec<Row>, Vec<BadRow>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A semicolon anywhere in the first lines means a French-locale export, where the comma is
    // the decimal mark.
    let delimiter = if text.lines().take(5).any(|l| l.contains(';')) {
        b';'
    } else {
        b','
    };
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    let mut splitter = LineSplitter::new(delimiter);
    // One line at a time, so that problems carry the line a person sees in the file.
    for (i, text_line) in text.lines().enumerate() {
        let line = i + 1;
        if text_line.trim().is_empty() {
            continue;
        }
        if text_line.len() > LINE_MAX {
            bad.push(BadRow {
                line,
                message: format!(
                    "this line holds {} characters; a feed line is a date and a value (it starts with \"{}\")",
                    text_line.chars().count(),
                    crate::disk::excerpt(text_line, 30)
                ),
            });
            continue;
        }
        let record = splitter.split(text_line);
        let fields: Vec<&str> = record.iter().map(|f| f.trim()).collect();
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        let date = fields.first().copied().unwrap_or_default();
        let value = fields.get(1).copied().unwrap_or_default();
        let Some(date_ok) = parse_feed_date(date) else {
            // The first line may be a header ("date,valeur").
            if rows.is_empty() && bad.is_empty() && parse_number(value).is_err() {
                continue;
            }
            bad.push(BadRow {
                line,
                message: format!(
                    "\"{}\" is not a date; write 2026-11-20 or 20/11/2026",
                    crate::disk::excerpt(date, 40)
                ),
            });
            continue;
        };
        if fields.len() > 2
            && delimiter == b','
            && fields[2..]
                .iter()
                .all(|f| f.chars().all(|c| c.is_ascii_digit()))
        {
            bad.push(BadRow {
                line,
                message: "more than two columns: a decimal comma needs ; between columns, or the value in quotes (\"12,5\")".to_owned(),
            });
            continue;
        }
        match parse_number(value) {
            Ok(value) => rows.push(Row {
                line,
                date: date_ok,
                value,
            }),
            Err(_) if value.is_empty() => bad.push(BadRow {
                line,
                message: "no value after the date".to_owned(),
            }),
            Err(_) => bad.push(BadRow {
                line,
                message: format!("\"{}\" is not a number", crate::disk::excerpt(value, 40)),
            }),
        }
    }
    (rows, bad)
}

/// Splits one line of a CSV file into its fields (quotes, doubled quotes and the delimiter as
/// the CSV format has them), with one reader made once for the whole file: making a reader
/// builds its automaton, which costs more than reading a short line.
struct LineSplitter {
    core: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl LineSplitter {
    fn new(delimiter: u8) -> Self {
        Self {
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            out: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// The fields of `line` (one record: the line has no line break).
    fn split(&mut self, line: &str) -> Vec<String> {
        use csv_core::ReadRecordResult as R;
        self.core.reset();
        // A field is never longer than the line, and there are never more fields than bytes.
        self.out.resize(line.len() + 1, 0);
        self.ends.resize(line.len() + 2, 0);
        // The buffers hold the whole line, so one call reads all of it (or up to a stray
        // carriage return, which ends a record as the CSV format says); when the line was
        // all read, an empty input ends its last field.
        let (result, _, mut written, mut fields) =
            self.core
                .read_record(line.as_bytes(), &mut self.out, &mut self.ends);
        if result == R::InputEmpty {
            let (_, _, out, ends) =
                self.core
                    .read_record(&[], &mut self.out[written..], &mut self.ends[fields..]);
            written += out;
            fields += ends;
        }
        let mut start = 0;
        self.ends[..fields]
            .iter()
            .map(|&end| {
                let field =
                    String::from_utf8_lossy(&self.out[start..end.min(written)]).into_owned();
                start = end;
                field
            })
            .collect()
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Values stored (new, or changed since the last import).
    pub imported: usize,
    /// Rows already imported before: nothing done.
    pub unchanged: usize,
    /// Rows whose date comes again further down the file: the later row is the value, as it
    /// would be had they been typed one after the other, and the earlier ones are not stored.
    pub superseded: usize,
}

/// The change a feed row makes: its id is made of the board, indicator, date and value, so
/// that the same row imported twice is the same change, applied once.
pub fn row_change(
    board: &str,
    indicator: &str,
    row: &Row,
    source: &str,
    at: DateTime<Utc>,
) -> Option<Change> {
    let mut change = Edit::SetValue {
        date: row.date,
        value: row.value,
    }
    .into_change(board, indicator, source, Origin::Feed, at)
    .ok()?;
    let name = format!("feed/{board}/{indicator}/{}/{}", row.date, row.value);
    change.id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes()).to_string();
    Some(change)
}

/// The rows that say an indicator's value, one per date in date order: where a date comes
/// more than once, its last row in the file (the export's correction of the earlier ones).
/// An indicator has one value a day, so a file of millions of rows holds at most a few tens
/// of thousands of values (a century of days); the rest would only be history overwritten
/// within the same second.
pub fn last_per_date(rows: &[Row]) -> Vec<&Row> {
    let mut last: std::collections::BTreeMap<NaiveDate, &Row> = std::collections::BTreeMap::new();
    for row in rows {
        last.insert(row.date, row);
    }
    last.into_values().collect()
}

/// Applies the rows through the store's one write path, as changes made `at` that time: the
/// Dates each row on the first day of its period for an indicator of `frequency` (a weekly
/// value on its Monday, a monthly one on the 1st), as every value is dated; the last row of a
/// period is then its value.
pub fn in_periods(rows: &mut [Row], frequency: crate::model::Frequency) {
    for row in rows {
        row.date = crate::model::calendar::period_start(frequency, row.date);
    }
}

/// last row of each date (see [`last_per_date`]), in batches of one transaction each.
pub fn import(
    store: &mut Store,
    board: &str,
    indicator: &str,
    rows: &[Row],
    source: &str,
    at: DateTime<Utc>,
) -> Result<Summary, StoreError> {
    let kept = last_per_date(rows);
    let mut summary = Summary {
        superseded: rows.len() - kept.len(),
        ..Summary::default()
    };
    for batch in kept.chunks(IMPORT_BATCH) {
        let changes: Vec<Change> = batch
            .iter()
            .filter_map(|row| row_change(board, indicator, row, source, at))
            .collect();
        for applied in store.apply_all(&changes)? {
            match applied {
                Applied::New => summary.imported += 1,
                Applied::AlreadyThere => summary.unchanged += 1,
            }
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn excel_unicode_text_is_read_as_utf16() {
        let text = "date\tvaleur\r\n2026-11-20;12,5\r\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(le), text);
        let be_no_mark: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(be_no_mark), text);
        let le_no_mark: Vec<u8> = "2026-11-20,4\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let (rows, bad) = parse_csv(&decode(le_no_mark));
        assert_eq!((rows.len(), bad.len()), (1, 0));
        // Latin-1 and UTF-8 stay as they were.
        assert_eq!(decode(b"2026-11-20;\xe9".to_vec()), "2026-11-20;é");
        assert_eq!(decode("é;1".as_bytes().to_vec()), "é;1");
    }

    #[test]
    fn a_very_long_line_is_reported_short() {
        let text = format!(
            "2026-11-20,1\n2026-11-21,{}\n2026-11-22,3\n",
            "9".repeat(100_000)
        );
        let (rows, bad) = parse_csv(&text);
        assert_eq!(rows.len(), 2);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].line, 2);
        assert!(bad[0].message.len() < 200, "{}", bad[0].message);
        assert!(
            bad[0].message.contains("100011 characters"),
            "{}",
            bad[0].message
        );
        let (_, bad) = parse_csv(&format!("{},1\n", "x".repeat(900)));
        assert!(bad[0].message.len() < 200, "{}", bad[0].message);
    }

    #[test]
    fn comma_separated_with_a_header() {
        let (rows, bad) = parse_csv("date,value\n2026-11-20,12\n2026-11-21,13.5\n");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(
            rows,
            [
                Row {
                    line: 2,
                    date: d(2026, 11, 20),
                    value: 12.0
                },
                Row {
                    line: 3,
                    date: d(2026, 11, 21),
                    value: 13.5
                }
            ]
        );
    }

    #[test]
    fn semicolons_and_decimal_commas_as_french_spreadsheets_write_them() {
        let (rows, bad) =
            parse_csv("\u{feff}Date;Valeur\r\n20/11/2026;12,5\r\n2026-11-21 00:00:00;1 250,75\r\n");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(
            rows.iter().map(|r| (r.date, r.value)).collect::<Vec<_>>(),
            [(d(2026, 11, 20), 12.5), (d(2026, 11, 21), 1250.75)]
        );
    }

    #[test]
    fn no_header_and_quoted_decimal_commas() {
        let (rows, bad) = parse_csv("2026-11-20,\"12,5\"\n\n2026-11-22,7\n");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(
            rows.iter().map(|r| (r.line, r.value)).collect::<Vec<_>>(),
            [(1, 12.5), (3, 7.0)]
        );
    }

    #[test]
    fn bad_rows_are_reported_by_line_and_good_rows_still_load() {
        let text = "date;value\n2026-11-20;12\n2026-13-01;4\n2026-11-22;douze\n2026-11-23;\n2026-11-24;9\n";
        let (rows, bad) = parse_csv(text);
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 6]);
        let lines: Vec<_> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(bad[0].message.contains("is not a date"));
        assert!(bad[1].message.contains("\"douze\" is not a number"));
        assert!(bad[2].message.contains("no value"));
    }

    #[test]
    fn an_unquoted_decimal_comma_between_commas_is_caught() {
        let (rows, bad) = parse_csv("2026-11-20,12,5\n");
        assert!(rows.is_empty());
        assert!(bad[0].message.contains("decimal comma"), "{bad:?}");
    }

    #[test]
    fn importing_twice_changes_nothing_the_second_time() {
        let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let (rows, _) = parse_csv("2026-11-20;12\n2026-11-21;13\n");
        let first = import(&mut store, "b", "i", &rows, "feed", Utc::now()).unwrap_or_default();
        assert_eq!(
            first,
            Summary {
                imported: 2,
                ..Summary::default()
            }
        );
        let version = store.version();
        let again = import(&mut store, "b", "i", &rows, "feed", Utc::now()).unwrap_or_default();
        assert_eq!(
            again,
            Summary {
                unchanged: 2,
                ..Summary::default()
            }
        );
        assert_eq!(store.version(), version);
        // A corrected value in a new export is a new change.
        let (fixed, _) = parse_csv("2026-11-21;14\n");
        assert_eq!(
            import(&mut store, "b", "i", &fixed, "feed", Utc::now()).unwrap_or_default(),
            Summary {
                imported: 1,
                ..Summary::default()
            }
        );
        let history = store.history("b", 10).unwrap_or_default();
        assert!(history.iter().all(|h| h.change.origin == Origin::Feed));
    }

    #[test]
    fn a_date_given_again_further_down_keeps_its_last_value() {
        let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let (rows, _) =
            parse_csv("2026-11-21;1\n2026-11-20;12\n2026-11-21;2\n2026-11-21;3\n2026-11-20;12\n");
        let summary = import(&mut store, "b", "i", &rows, "feed", Utc::now()).unwrap_or_default();
        assert_eq!(
            summary,
            Summary {
                imported: 2,
                unchanged: 0,
                superseded: 3
            }
        );
        let records = store.records("b").unwrap_or_default();
        let value_of = |date: &str| {
            records
                .iter()
                .map(|r| <crate::model::ValueEntry as crate::model::Entry>::from_fields(&r.fields))
                .find(|v| v.date.map(|d| d.to_string()).as_deref() == Some(date))
                .and_then(|v| v.value)
        };
        assert_eq!(value_of("2026-11-21"), Some(3.0));
        assert_eq!(value_of("2026-11-20"), Some(12.0));
        // Only the kept rows are history: two changes, not five.
        assert_eq!(store.history("b", 10).unwrap_or_default().len(), 2);
        // The same file again: the kept rows are known, the rest still superseded.
        let again = import(&mut store, "b", "i", &rows, "feed", Utc::now()).unwrap_or_default();
        assert_eq!(
            (again.imported, again.unchanged, again.superseded),
            (0, 2, 3)
        );
    }
}
