//! One board file: TOML text → validated [`Board`], or the list of its problems.

mod grid;
mod keyed;
mod section;

use crate::i18n::T;
use std::collections::BTreeSet;
use std::path::Path;

use toml_span::value::ValueInner;

use super::format::{self, LEVELS};
use super::problem::{Diags, LineIndex, Msg, Problem, suggestion};
use super::read::{At, Context, TableReader, quoted_list};
use crate::model::{
    AgendaItem, Board, Direction, Frequency, Grid, HuddleSpec, IdeaColumn, IndicatorCategory,
    IndicatorSpec, Lang, Level, Place, Section, SectionKind,
};

use grid::{Grids, check_portrait, check_sections, check_title_length};
use keyed::Keyed;
use section::read_section;

/// Where the cross-board references of a file were written, for checks across files.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Refs {
    /// The board id, as declared even when the rest of the file has errors.
    pub id: Option<At<String>>,
    pub parent: Option<At<String>>,
    /// Boards named by `units` sections.
    pub units: Vec<At<String>>,
}

/// What reading one file gave: the board when it has no error, and every problem found.
#[derive(Debug)]
pub struct FileReport {
    /// The file read.
    pub path: std::path::PathBuf,
    /// The board, when the file has no error.
    pub board: Option<Board>,
    /// Every problem found, in file order.
    pub problems: Vec<Problem>,
    pub(crate) refs: Refs,
    /// Offsets are turned into lines with the file's text; kept for checks across files.
    pub(crate) text: String,
}

impl FileReport {
    /// A report for a file that could not be read at all.
    pub(crate) fn unreadable(path: &Path, message: Msg) -> Self {
        Self {
            path: path.to_owned(),
            board: None,
            problems: vec![Problem {
                file: path.to_owned(),
                line: 1,
                column: 1,
                severity: super::Severity::Error,
                message: message.en,
                message_fr: message.fr,
            }],
            refs: Refs::default(),
            text: String::new(),
        }
    }

    /// Adds a problem found later (by the checks across files) at a byte offset of this file.
    pub(crate) fn add(&mut self, offset: usize, severity: super::Severity, message: Msg) {
        let index = LineIndex::new(&self.text);
        let diag = super::problem::Diag {
            offset,
            severity,
            message,
        };
        self.problems.push(index.problem(&self.path, diag));
        self.problems.sort_by_key(|p| (p.line, p.column));
        if severity == super::Severity::Error {
            self.board = None;
        }
    }

    /// Whether the file has any error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Reads and validates one board file's text.
pub fn parse_board(path: &Path, text: &str) -> FileReport {
    let mut diags = Diags::default();
    let mut refs = Refs::default();
    let board = match toml_span::parse(text) {
        Ok(root) => read_board(path, root, &mut diags, &mut refs),
        Err(err) => {
            diags.error(syntax_offset(&err, text), syntax_message(&err, text));
            None
        }
    };
    let index = LineIndex::new(text);
    let mut problems: Vec<Problem> = Vec::new();
    let has_errors = diags.has_errors();
    let mut list = diags.list;
    list.sort_by_key(|d| d.offset);
    for diag in list {
        problems.push(index.problem(path, diag));
    }
    FileReport {
        path: path.to_owned(),
        board: if has_errors { None } else { board },
        problems,
        refs,
        text: text.to_owned(),
    }
}

/// A TOML syntax error in words, with what to write instead where we can tell.
pub(crate) fn syntax_message(err: &toml_span::Error, text: &str) -> Msg {
    use toml_span::ErrorKind as K;
    let at = text.get(err.span.start..).unwrap_or_default();
    let quote_dates = || Msg::text(T::DatesAndTimesGoInQuotes, &[]);
    match &err.kind {
        K::UnterminatedString | K::InvalidCharInString('\n') => {
            Msg::text(T::ThisTextHasNoClosingQuote, &[])
        }
        K::InvalidCharInString(c) => {
            Msg::text(T::CharacterNotAllowed, &[("c", &format!("{:?}", c))])
        }
        K::DuplicateKey { key, .. } => Msg::text(T::KeyIsWrittenTwiceInThe, &[("key", &key)]),
        K::DuplicateTable { name, .. } => {
            Msg::text(T::NameIsWrittenTwiceToHave, &[("name", &name)])
        }
        K::RedefineAsArray => Msg::text(T::ThisTableWasAlreadyWrittenWith, &[]),
        K::InvalidNumber if looks_like_time_or_date(at) => quote_dates(),
        K::InvalidNumber => Msg::text(T::ThisNumberCannotBeReadWrite, &[]),
        K::Unexpected(_) if looks_like_time_or_date(at) => quote_dates(),
        K::Unexpected(c) => Msg::text(T::UnexpectedCharacter, &[("c", &c)]),
        K::Wanted { found, .. }
            if let Some(number) = decimal_comma(found, text, err.span.start) =>
        {
            Msg::text(T::DecimalComma, &[("number", &number)])
        }
        K::Wanted { expected, found } => {
            let value_start = at.trim_start().chars().next();
            if *expected == "a value" || value_start.is_some_and(|c| c.is_alphabetic()) {
                Msg::text(T::AValueIsMissingOrIs, &[])
            } else {
                Msg::text(
                    T::ExpectedFound,
                    &[("expected", &expected), ("found", &found)],
                )
            }
        }
        K::UnexpectedEof => Msg::text(T::TheFileEndsInTheMiddle, &[]),
        K::InvalidEscape(c) => Msg::text(T::EscapeNotAllowed, &[("c", &c)]),
        other => Msg::text(T::TomlUnreadable, &[("other", &other)]),
    }
}

/// The number a decimal comma at `offset` (where the parser `found` a comma) cuts in two,
/// written with a point ("7.5" for `warning = 7,5`); none when the comma is not between digits.
fn decimal_comma(found: &str, text: &str, offset: usize) -> Option<String> {
    if found != "a comma" {
        return None;
    }
    let before = text.get(..offset)?;
    let after = text.get(offset..)?.strip_prefix(',')?;
    let whole: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let fraction: String = after.chars().take_while(char::is_ascii_digit).collect();
    let sign = if before[..before.len() - whole.len()].ends_with('-') {
        "-"
    } else {
        ""
    };
    (!whole.is_empty() && !fraction.is_empty()).then(|| format!("{sign}{whole}.{fraction}"))
}

/// Where a syntax error is best shown: the opening quote of an unterminated text, the start
/// of an unquoted date or time.
pub(crate) fn syntax_offset(err: &toml_span::Error, text: &str) -> usize {
    let offset = err.span.start.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    match err.kind {
        toml_span::ErrorKind::UnterminatedString
        | toml_span::ErrorKind::InvalidCharInString('\n') => {
            before.find(['"', '\'']).map_or(offset, |i| line_start + i)
        }
        toml_span::ErrorKind::InvalidNumber | toml_span::ErrorKind::Unexpected(_) => {
            let value_start =
                before.trim_end_matches(|c: char| c.is_ascii_digit() || ":-T.".contains(c));
            if looks_like_time_or_date(&text[line_start + value_start.len()..]) {
                line_start + value_start.len()
            } else {
                offset
            }
        }
        _ => offset,
    }
}

fn looks_like_time_or_date(at: &str) -> bool {
    let head: String = at.chars().take(10).collect();
    let digits = head.chars().filter(char::is_ascii_digit).count();
    digits >= 3 && (head.contains(':') || head.matches('-').count() >= 2)
}

fn read_board(
    path: &Path,
    mut root: toml_span::Value<'_>,
    diags: &mut Diags,
    refs: &mut Refs,
) -> Option<Board> {
    let ValueInner::Table(table) = root.take() else {
        return None;
    };
    let mut top = TableReader::from_table(table, 0, Context::new("the file", "le fichier"));
    let top_level: Vec<&str> = format::FILE.iter().map(|t| t.name).collect();

    // [board]
    let Some(board_value) = top.take(format::BOARD.name) else {
        diags.error(0, Msg::text(T::TheFileHasNoBoardTable, &[]));
        return None;
    };
    let mut b = Keyed::new(
        board_value,
        Context::new("[board]", "[board]"),
        format::BOARD.keys,
        diags,
    )?;
    let id = b.text("id", diags);
    if let Some(id) = &id {
        check_id(id, ("board", " tableau"), diags);
    }
    refs.id = id.clone();
    let title = b.text("title", diags);
    let team = b.text("team", diags);
    let level = b.text("level", diags).map(|l| {
        if !LEVELS.contains(&l.value.as_str())
            && let Some(close) = super::problem::did_you_mean(&l.value, LEVELS.iter().copied())
        {
            diags.warning(
                l.offset,
                Msg::text_both(
                    T::UnknownLevel,
                    &[("close", &close), ("value", &l.value)],
                    &[(
                        "choices",
                        &*quoted_list(LEVELS, "ni"),
                        &*quoted_list(LEVELS, "or"),
                    )],
                ),
            );
        }
        Level::from_code(&l.value)
    });
    let parent = b.text("parent", diags);
    refs.parent = parent.clone();
    let trajectory = b.text("trajectory", diags);
    let lang = b
        .choice("language", diags)
        .map(|l| if l.value == "en" { Lang::En } else { Lang::Fr });
    let columns = b.whole("columns", diags);
    let rows = b.whole("rows", diags);
    let short_title = b.text("short_title", diags);
    check_title_length(title.as_ref(), short_title.as_ref(), diags);
    let portrait = b.take("portrait").and_then(|value| {
        let mut p = Keyed::new(
            value,
            Context::new("[board] portrait", "[board] portrait"),
            format::PORTRAIT_GRID,
            diags,
        )?;
        let columns = p.whole("columns", diags);
        let rows = p.whole("rows", diags);
        p.finish(&|_| None, diags);
        Some(Grid {
            columns: columns?.value,
            rows: rows?.value,
        })
    });
    b.finish(
        &|key| {
            [format::TEAM, format::HUDDLE]
                .iter()
                .find(|t| t.keys.iter().any(|k| k.name == key))
                .map(|t| {
                    let table = format!("[{}]", t.name);
                    Msg::text(T::KeyDoesNotGoInBoard, &[("key", &key), ("table", &table)])
                })
        },
        diags,
    );
    let lang = lang.unwrap_or_default();

    // [team]
    let mut members: Vec<String> = Vec::new();
    if let Some(value) = top.take(format::TEAM.name)
        && let Some(mut t) = Keyed::new(
            value,
            Context::new("[team]", "[team]"),
            format::TEAM.keys,
            diags,
        )
    {
        let mut seen = BTreeSet::new();
        for m in t.text_list("members", diags).unwrap_or_default() {
            let name = m.value.trim().to_owned();
            if name.is_empty() {
                diags.error(m.offset, Msg::text(T::AMemberSNameIsEmpty, &[]));
            } else if !seen.insert(name.to_lowercase()) {
                diags.error(
                    m.offset,
                    Msg::text(T::NameIsListedTwiceInMembers, &[("name", &name)]),
                );
            } else {
                members.push(name);
            }
        }
        t.finish(&|_| None, diags);
    }

    // [[section]]
    let mut sections = Vec::new();
    let mut section_offsets = Vec::new();
    // Ids of every section written, valid or not, so that a broken section does not also
    // make the agenda items that name it look wrong.
    let mut declared: Vec<String> = Vec::new();
    if let Some(mut value) = top.take(format::SECTION.name) {
        let offset = value.span.start;
        match value.take() {
            ValueInner::Array(items) => {
                for item in items {
                    let item_offset = item.span.start;
                    if let Some(id) = item
                        .as_table()
                        .and_then(|t| t.get("id"))
                        .and_then(|v| v.as_str())
                    {
                        declared.push(id.to_owned());
                    }
                    if let Some(section) = read_section(item, lang, diags, &mut refs.units) {
                        section_offsets.push(item_offset);
                        sections.push(section);
                    }
                }
            }
            ValueInner::Table(_) => {
                diags.error(offset, Msg::text(T::SectionsAreAListWriteSection, &[]))
            }
            _ => diags.error(offset, Msg::text(T::WriteEachSectionAsASection, &[])),
        }
    }
    let main: Vec<(&str, Place)> = sections
        .iter()
        .map(|s| (s.id.as_str(), s.place()))
        .collect();
    check_sections(
        &main,
        &section_offsets,
        columns.as_ref().map(|c| c.value),
        rows.as_ref().map(|r| r.value),
        Grids::Main,
        diags,
    );
    check_portrait(&sections, &section_offsets, portrait, diags);

    // [huddle]
    let huddle = match top.take(format::HUDDLE.name) {
        Some(value) => Keyed::new(
            value,
            Context::new("[huddle]", "[huddle]"),
            format::HUDDLE.keys,
            diags,
        )
        .and_then(|h| read_huddle(h, &declared, diags)),
        None => None,
    };

    top.finish(
        &|key| {
            let close = super::problem::did_you_mean(key, top_level.iter().copied());
            let table = match close {
                Some("section") => "[[section]]".to_owned(),
                Some(table) => format!("[{table}]"),
                None => {
                    return Some(Msg::text(T::UnknownTableOrKeyKeyA, &[("key", &key)]));
                }
            };
            Some(Msg::text(
                T::UnknownTableKeyDidYouMean,
                &[("key", &key), ("table", &table)],
            ))
        },
        diags,
    );

    if sections.is_empty() && !diags.has_errors() {
        diags.warning(0, Msg::text(T::TheBoardHasNoSectionYet, &[]));
    }

    Some(Board {
        id: id?.value,
        title: title?.value,
        team: team.map(|t| t.value).unwrap_or_default(),
        level: level.unwrap_or(Level::Team),
        parent: parent.map(|p| p.value),
        trajectory: trajectory.map(|t| t.value),
        lang,
        columns: columns?.value,
        rows: rows?.value,
        short_title: short_title.map(|t| t.value),
        portrait,
        members,
        huddle,
        sections,
        source: path.to_owned(),
    })
}

/// The longest id of a board or a section: ids become file names (a snapshot is
/// `<board>-<YYYYMMDD>T<HHMMSS>Z-N.html`, a feed `<board>/<indicator>.csv`) and record ids
/// in the store, which must stay within their limits on every system.
pub const ID_MAX: usize = 64;

/// Ids are used on the command line and in file names: lowercase letters, digits, - and _.
fn check_id(id: &At<String>, (what, what_fr): (&str, &str), diags: &mut Diags) {
    if id.value.len() > ID_MAX {
        let short: String = slugify(&id.value).chars().take(24).collect();
        let short = short.trim_end_matches('-');
        diags.error(
            id.offset,
            Msg::text_both(
                T::IdTooLong,
                &[
                    ("ID_MAX", &ID_MAX),
                    ("count", &id.value.chars().count()),
                    ("short", &short),
                ],
                &[("what", what_fr, what)],
            ),
        );
        return;
    }
    let ok = !id.value.is_empty()
        && id
            .value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && id
            .value
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if !ok {
        let slug = slugify(&id.value);
        let hint = if slug.is_empty() {
            "\"my-team\"".to_owned()
        } else {
            format!("\"{slug}\"")
        };
        diags.error(
            id.offset,
            Msg::text_both(
                T::IdCharacters,
                &[("hint", &hint)],
                &[("what", what_fr, what)],
            ),
        );
    }
}

/// A readable id made from any text: "Délai d'accès" → "delai-d-acces".
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            c => c,
        };
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The most characters of a title that the top bar shows whole on the narrowest screen.
pub const TITLE_FITS: usize = 40;

fn read_huddle(mut h: Keyed<'_>, sections: &[String], diags: &mut Diags) -> Option<HuddleSpec> {
    let time = h.text("time", diags).and_then(|t| {
        let parsed = parse_time(&t.value);
        if parsed.is_none() {
            diags.error(
                t.offset,
                Msg::text(T::AgendaNotATime, &[("value", &t.value)]),
            );
        }
        parsed
    });
    let minutes = h.whole("minutes", diags);
    let mut agenda = Vec::new();
    let mut total = 0;
    for item in h.list("agenda", diags).unwrap_or_default() {
        let Some(mut a) = Keyed::new(
            item,
            Context::new("an agenda item", "un point de l'ordre du jour"),
            format::AGENDA_ITEM,
            diags,
        ) else {
            continue;
        };
        let section = a.text("section", diags);
        let item_minutes = a.whole("minutes", diags);
        let title = a.text("title", diags);
        a.finish(&|_| None, diags);
        if let Some(section) = &section
            && !sections.contains(&section.value)
        {
            let hint = suggestion(&section.value, sections.iter().map(String::as_str));
            diags.error(
                section.offset,
                Msg::text_both(
                    T::AgendaItemPointsAtSectionValue,
                    &[("value", &section.value)],
                    &[("hint", &*hint.fr, &*hint.en)],
                ),
            );
            continue;
        }
        if let (Some(section), Some(m)) = (section, item_minutes) {
            total += m.value;
            agenda.push(AgendaItem {
                section: section.value,
                minutes: m.value,
                title: title.map(|t| t.value),
            });
        }
    }
    h.finish(&|_| None, diags);
    let minutes = minutes?;
    if total > minutes.value {
        diags.warning(
            minutes.offset,
            Msg::text(
                T::TheAgendaAddsUpToTotal,
                &[("total", &total), ("value", &minutes.value)],
            ),
        );
    }
    Some(HuddleSpec {
        time: time?,
        minutes: minutes.value,
        agenda,
    })
}

/// "08:30", "8:30" or "8h30" → (8, 30).
pub fn parse_time(text: &str) -> Option<(u8, u8)> {
    let (h, m) = text.trim().split_once([':', 'h', 'H'])?;
    let h: u8 = h.trim().parse().ok()?;
    let m: u8 = if m.trim().is_empty() {
        0
    } else {
        m.trim().parse().ok()?
    };
    (h < 24 && m < 60).then_some((h, m))
}
