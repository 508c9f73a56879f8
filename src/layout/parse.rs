//! One board file: TOML text → validated [`Board`], or the list of its problems.

use std::collections::BTreeSet;
use std::path::Path;

use toml_span::value::ValueInner;

use super::problem::{Diags, LineIndex, Msg, Problem, suggestion};
use super::read::{At, Context, TableReader, quoted_list};
use crate::model::{
    AgendaItem, Board, Direction, Frequency, Grid, HuddleSpec, IdeaColumn, IndicatorCategory,
    IndicatorSpec, Lang, Level, Place, Section, SectionKind,
};

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

/// Keys of the kind-specific settings of sections, and the kind each belongs to.
const KIND_KEYS: &[(&str, &[&str])] = &[
    (
        "indicator",
        &[
            "unit",
            "target",
            "direction",
            "warning",
            "frequency",
            "category",
        ],
    ),
    ("actions", &["stale_after_days"]),
    ("ideas", &["columns", "stale_after_days"]),
    ("escalations", &["answer_within_days"]),
    (
        "trajectory",
        &["stages", "wait_warning_days", "other_teams", "private"],
    ),
    ("units", &["boards"]),
];

const TOP_LEVEL: &[&str] = &["board", "team", "huddle", "section"];
const LEVELS: &[&str] = &["team", "manager", "director", "steering"];
const MAX_GRID: u32 = 12;

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
    let quote_dates = || {
        Msg::new(
            "dates and times go in quotes here, for example time = \"08:30\"",
            "les dates et les heures s'écrivent entre guillemets, par exemple time = \"08:30\"",
        )
    };
    match &err.kind {
        K::UnterminatedString | K::InvalidCharInString('\n') => Msg::new(
            "this text has no closing quote; end it with \"",
            "ce texte n'a pas de guillemet fermant ; terminez-le par \"",
        ),
        K::InvalidCharInString(c) => Msg::new(
            format!("the character {c:?} is not allowed in text"),
            format!("le caractère {c:?} n'est pas permis dans un texte"),
        ),
        K::DuplicateKey { key, .. } => Msg::new(
            format!("`{key}` is written twice in the same table; keep only one"),
            format!("`{key}` est écrit deux fois dans la même table ; n'en gardez qu'un"),
        ),
        K::DuplicateTable { name, .. } => Msg::new(
            format!(
                "[{name}] is written twice; to have several, write [[{name}]] with double brackets"
            ),
            format!(
                "[{name}] est écrit deux fois ; pour en avoir plusieurs, écrivez [[{name}]] avec des doubles crochets"
            ),
        ),
        K::RedefineAsArray => Msg::new(
            "this table was already written with single brackets; use [[double brackets]] everywhere for a list of tables",
            "cette table a déjà été écrite avec des crochets simples ; utilisez partout des [[doubles crochets]] pour une liste de tables",
        ),
        K::InvalidNumber if looks_like_time_or_date(at) => quote_dates(),
        K::InvalidNumber => Msg::new(
            "this number cannot be read; write digits with a decimal point, such as 12 or 92.5",
            "ce nombre est illisible ; écrivez des chiffres avec un point décimal, comme 12 ou 92.5",
        ),
        K::Unexpected(_) if looks_like_time_or_date(at) => quote_dates(),
        K::Unexpected(c) => Msg::new(
            format!(
                "unexpected character `{c}`; text values go in quotes, like title = \"Accueil\""
            ),
            format!(
                "caractère inattendu `{c}` ; le texte s'écrit entre guillemets, comme title = \"Accueil\""
            ),
        ),
        K::Wanted { expected, found } => {
            let value_start = at.trim_start().chars().next();
            if *expected == "a value" || value_start.is_some_and(|c| c.is_alphabetic()) {
                Msg::new(
                    "a value is missing or is not in quotes; text goes in quotes, like title = \"Accueil\"",
                    "une valeur manque ou n'est pas entre guillemets ; le texte s'écrit entre guillemets, comme title = \"Accueil\"",
                )
            } else {
                Msg::new(
                    format!("expected {expected}, found {found}"),
                    format!("attendu : {expected} ; trouvé : {found}"),
                )
            }
        }
        K::UnexpectedEof => Msg::new(
            "the file ends in the middle of a value; close the quotes or brackets",
            "le fichier se termine au milieu d'une valeur ; fermez les guillemets ou les crochets",
        ),
        K::InvalidEscape(c) => Msg::new(
            format!(
                "`\\{c}` is not allowed in text; write \\\\ for a backslash, or use 'single quotes'"
            ),
            format!(
                "`\\{c}` n'est pas permis dans un texte ; écrivez \\\\ pour une barre oblique inverse, ou utilisez des 'apostrophes'"
            ),
        ),
        other => Msg::new(
            format!("the TOML cannot be read here ({other})"),
            format!("le TOML est illisible ici ({other})"),
        ),
    }
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

    // [board]
    let Some(board_value) = top.take("board") else {
        diags.error(
            0,
            Msg::new(
                "the file has no [board] table; start it with [board] and an id, such as\n  [board]\n  id = \"my-team\"",
                "le fichier n'a pas de table [board] ; commencez-le par [board] et un id, par exemple\n  [board]\n  id = \"mon-equipe\"",
            ),
        );
        return None;
    };
    let mut b = TableReader::new(board_value, Context::new("[board]", "[board]"), diags)?;
    let id = b.text("id", Some("\"my-team\""), diags);
    if let Some(id) = &id {
        check_id(id, ("board", " tableau"), diags);
    }
    refs.id = id.clone();
    let title = b.text("title", Some("\"Accueil jeunesse\""), diags);
    let team = b.text("team", None, diags);
    let level = b.text("level", None, diags).map(|l| {
        if !LEVELS.contains(&l.value.as_str())
            && let Some(close) = super::problem::did_you_mean(&l.value, LEVELS.iter().copied())
        {
            diags.warning(
                l.offset,
                Msg::new(
                    format!("level \"{}\" is not one of {}: did you mean \"{close}\"? (any other name is kept as written)", l.value, quoted_list(LEVELS, "or")),
                    format!("le niveau \"{}\" n'est pas {} : vouliez-vous dire \"{close}\" ? (tout autre nom est gardé tel quel)", l.value, quoted_list(LEVELS, "ni")),
                ),
            );
        }
        Level::from_code(&l.value)
    });
    let parent = b.text("parent", None, diags);
    refs.parent = parent.clone();
    let trajectory = b.text("trajectory", None, diags);
    let lang = b
        .choice("language", &["fr", "en"], false, diags)
        .map(|l| if l.value == "en" { Lang::En } else { Lang::Fr });
    let columns = b.whole("columns", (1, MAX_GRID), Some("4"), diags);
    let rows = b.whole("rows", (1, MAX_GRID), Some("3"), diags);
    let short_title = b.text("short_title", None, diags);
    check_title_length(title.as_ref(), short_title.as_ref(), diags);
    let portrait = b.take("portrait").and_then(|value| {
        let mut p = TableReader::new(
            value,
            Context::new("[board] portrait", "[board] portrait"),
            diags,
        )?;
        let columns = p.whole("columns", (1, MAX_GRID), Some("2"), diags);
        let rows = p.whole("rows", (1, MAX_GRID), Some("6"), diags);
        p.finish(&|_| None, diags);
        Some(Grid {
            columns: columns?.value,
            rows: rows?.value,
        })
    });
    b.finish(
        &|key| {
            ["members", "time", "minutes", "agenda"]
                .contains(&key)
                .then(|| {
                    let table = if key == "members" {
                        "[team]"
                    } else {
                        "[huddle]"
                    };
                    Msg::new(
                        format!("`{key}` does not go in [board]: move it under {table}"),
                        format!("`{key}` ne va pas dans [board] : déplacez-le sous {table}"),
                    )
                })
        },
        diags,
    );
    let lang = lang.unwrap_or_default();

    // [team]
    let mut members: Vec<String> = Vec::new();
    if let Some(value) = top.take("team")
        && let Some(mut t) = TableReader::new(value, Context::new("[team]", "[team]"), diags)
    {
        let mut seen = BTreeSet::new();
        for m in t.text_list("members", diags).unwrap_or_default() {
            let name = m.value.trim().to_owned();
            if name.is_empty() {
                diags.error(
                    m.offset,
                    Msg::new(
                        "a member's name is empty; write a name or initials, or remove the item",
                        "le nom d'un membre est vide ; écrivez un nom ou des initiales, ou retirez l'élément",
                    ),
                );
            } else if !seen.insert(name.to_lowercase()) {
                diags.error(
                    m.offset,
                    Msg::new(
                        format!("\"{name}\" is listed twice in `members`; add an initial to tell them apart"),
                        format!("\"{name}\" figure deux fois dans `members` ; ajoutez une initiale pour les distinguer"),
                    ),
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
    if let Some(mut value) = top.take("section") {
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
            ValueInner::Table(_) => diags.error(
                offset,
                Msg::new(
                    "sections are a list: write [[section]] with double brackets before each one",
                    "les sections forment une liste : écrivez [[section]] avec des doubles crochets avant chacune",
                ),
            ),
            _ => diags.error(
                offset,
                Msg::new("write each section as a [[section]] table", "écrivez chaque section comme une table [[section]]"),
            ),
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
    let huddle = match top.take("huddle") {
        Some(value) => TableReader::new(value, Context::new("[huddle]", "[huddle]"), diags)
            .and_then(|h| read_huddle(h, &declared, diags)),
        None => None,
    };

    top.finish(
        &|key| {
            let close = super::problem::did_you_mean(key, TOP_LEVEL.iter().copied());
            let table = match close {
                Some("section") => "[[section]]".to_owned(),
                Some(table) => format!("[{table}]"),
                None => {
                    return Some(Msg::new(
                        format!("unknown table or key `{key}`; a board file has only [board], [team], [huddle] and [[section]] tables"),
                        format!("table ou clé inconnue `{key}` ; un fichier de tableau n'a que les tables [board], [team], [huddle] et [[section]]"),
                    ));
                }
            };
            Some(Msg::new(
                format!("unknown table [{key}], did you mean {table}?"),
                format!("table inconnue [{key}] ; vouliez-vous dire {table} ?"),
            ))
        },
        diags,
    );

    if sections.is_empty() && !diags.has_errors() {
        diags.warning(
            0,
            Msg::new(
                "the board has no section yet; add one with [[section]]",
                "le tableau n'a encore aucune section ; ajoutez-en une avec [[section]]",
            ),
        );
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
            Msg::new(
                format!(
                    "this {what} id has {} characters; an id has at most {ID_MAX} (it names files): write a shorter one, for example id = \"{short}\"",
                    id.value.chars().count()
                ),
                format!(
                    "cet id d'un{what_fr} a {} caractères ; un id en a au plus {ID_MAX} (il nomme des fichiers) : écrivez-en un plus court, par exemple id = \"{short}\"",
                    id.value.chars().count()
                ),
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
            Msg::new(
                format!("a {what} id may use only lowercase letters without accents, digits, - and _; write for example id = {hint}"),
                format!("l'id d'un{what_fr} ne peut contenir que des minuscules sans accents, des chiffres, - et _ ; écrivez par exemple id = {hint}"),
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

fn read_section(
    value: toml_span::Value<'_>,
    lang: Lang,
    diags: &mut Diags,
    units: &mut Vec<At<String>>,
) -> Option<Section> {
    let mut s = TableReader::new(
        value,
        Context::new("a [[section]]", "une [[section]]"),
        diags,
    )?;
    let id = s.text("id", Some("\"waiting-list\""), diags);
    if let Some(id) = &id {
        s.context = Context::new(
            format!("section `{}`", id.value),
            format!("la section `{}`", id.value),
        );
        check_id(id, ("section", "e section"), diags);
    }
    let kind_name = s.choice("kind", SectionKind::NAMES, true, diags);
    let title = s.text("title", Some("\"Liste d'attente\""), diags);
    if let Some(t) = &title
        && t.value.trim().is_empty()
    {
        diags.error(
            t.offset,
            Msg::new(
                "the title is empty; write what the team should read on the section",
                "le titre est vide ; écrivez ce que l'équipe doit lire sur la section",
            ),
        );
    }
    let place = read_place(&mut s, diags);
    let portrait = s.take("portrait").and_then(|value| {
        let mut p = TableReader::new(
            value,
            Context::new("the section's portrait", "le portrait de la section"),
            diags,
        )?;
        let place = read_place(&mut p, diags);
        p.finish(&|_| None, diags);
        place
    });

    let kind = match kind_name.as_ref().map(|k| k.value) {
        Some(kind) => read_kind(kind, &mut s, lang, diags, units),
        None => {
            // Unknown kind: its settings are not reported as unknown keys on top of it.
            s.know(
                &KIND_KEYS
                    .iter()
                    .flat_map(|(_, keys)| keys.iter().copied())
                    .collect::<Vec<_>>(),
            );
            for (_, keys) in KIND_KEYS {
                for key in *keys {
                    s.take(key);
                }
            }
            None
        }
    };
    let this_kind = kind_name.as_ref().map(|k| k.value);
    let context = s.context.clone();
    s.finish(
        &|key| {
            let owner = KIND_KEYS
                .iter()
                .filter(|(k, keys)| Some(*k) != this_kind && keys.contains(&key))
                .map(|(k, _)| format!("\"{k}\""))
                .collect::<Vec<_>>();
            (!owner.is_empty()).then(|| {
                Msg::new(
                    format!(
                        "{} cannot have `{key}`: it belongs to sections of kind {} (this one is \"{}\")",
                        context.en,
                        owner.join(" or "),
                        this_kind.unwrap_or("?")
                    ),
                    format!(
                        "{} ne peut pas avoir `{key}` : cette clé va aux sections de genre {} (celle-ci est \"{}\")",
                        context.fr,
                        owner.join(" ou "),
                        this_kind.unwrap_or("?")
                    ),
                )
            })
        },
        diags,
    );
    let place = place?;
    Some(Section {
        id: id?.value,
        title: title?.value,
        column: place.column,
        row: place.row,
        width: place.width,
        height: place.height,
        portrait,
        kind: kind?,
    })
}

fn read_kind(
    kind: &str,
    s: &mut TableReader<'_>,
    lang: Lang,
    diags: &mut Diags,
    units: &mut Vec<At<String>>,
) -> Option<SectionKind> {
    let stale = |s: &mut TableReader<'_>, diags: &mut Diags| {
        s.whole("stale_after_days", (1, 365), None, diags)
            .map_or(7, |d| d.value)
    };
    Some(match kind {
        "indicator" => SectionKind::Indicator(read_indicator(s, diags)?),
        "actions" => SectionKind::Actions {
            stale_after_days: stale(s, diags),
        },
        "ideas" => {
            let columns = read_idea_columns(s, lang, diags)?;
            SectionKind::Ideas {
                columns,
                stale_after_days: stale(s, diags),
            }
        }
        "escalations" => SectionKind::Escalations {
            answer_within_days: s
                .whole("answer_within_days", (1, 365), None, diags)
                .map_or(7, |d| d.value),
        },
        "mood" => SectionKind::Mood,
        "attendance" => SectionKind::Attendance,
        "trajectory" => {
            let stages = match s.text_list("stages", diags) {
                Some(stages) => stages,
                None => {
                    if !s.has("stages") {
                        diags.error(
                            s.offset,
                            Msg::new(
                                format!("{} has no `stages`; list the stages a client goes through, such as stages = [\"Réception\", \"Évaluation\", \"Suivi\"]", s.context.en),
                                format!("{} n'a pas de `stages` ; énumérez les étapes que traverse un usager, comme stages = [\"Réception\", \"Évaluation\", \"Suivi\"]", s.context.fr),
                            ),
                        );
                    }
                    return None;
                }
            };
            let mut names: Vec<String> = Vec::new();
            for stage in stages {
                let name = stage.value.trim().to_owned();
                if name.is_empty() {
                    diags.error(
                        stage.offset,
                        Msg::new(
                            "a stage has no name; write one or remove the item",
                            "une étape n'a pas de nom ; écrivez-en un ou retirez l'élément",
                        ),
                    );
                } else if names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                    diags.error(
                        stage.offset,
                        Msg::new(
                            format!("stage \"{name}\" is listed twice"),
                            format!("l'étape \"{name}\" figure deux fois"),
                        ),
                    );
                } else {
                    names.push(name);
                }
            }
            if names.is_empty() {
                diags.error(
                    s.offset,
                    Msg::new(
                        format!("{} needs at least one stage in `stages`", s.context.en),
                        format!(
                            "{} a besoin d'au moins une étape dans `stages`",
                            s.context.fr
                        ),
                    ),
                );
                return None;
            }
            SectionKind::Trajectory {
                stages: names,
                wait_warning_days: s
                    .whole("wait_warning_days", (1, 3650), None, diags)
                    .map(|d| d.value),
                other_teams: s.flag("other_teams", diags).is_some_and(|f| f.value),
                private: s.flag("private", diags).is_some_and(|f| f.value),
            }
        }
        "notes" => SectionKind::Notes,
        "safety" => SectionKind::Safety,
        "units" => {
            let boards = s.text_list("boards", diags).unwrap_or_default();
            let ids = boards.iter().map(|b| b.value.clone()).collect();
            units.extend(boards);
            SectionKind::Units { boards: ids }
        }
        _ => return None,
    })
}

fn read_indicator(s: &mut TableReader<'_>, diags: &mut Diags) -> Option<IndicatorSpec> {
    let unit = s
        .text("unit", None, diags)
        .map(|u| u.value)
        .unwrap_or_default();
    let target = s.number("target", Some("12"), diags);
    let direction = s.choice("direction", &["lower", "higher"], true, diags);
    let warning = s.number("warning", None, diags);
    let frequency = s
        .choice("frequency", &["daily", "weekly", "monthly"], false, diags)
        .map_or(Frequency::Daily, |f| match f.value {
            "weekly" => Frequency::Weekly,
            "monthly" => Frequency::Monthly,
            _ => Frequency::Daily,
        });
    let category = s
        .choice(
            "category",
            &IndicatorCategory::ALL.map(IndicatorCategory::code),
            false,
            diags,
        )
        .and_then(|c| IndicatorCategory::from_code(c.value));
    let direction = match direction?.value {
        "higher" => Direction::Higher,
        _ => Direction::Lower,
    };
    let target = target?;
    if let Some(w) = &warning {
        let (wrong, side, side_fr) = match direction {
            Direction::Lower => (w.value <= target.value, "above", "au-dessus de"),
            Direction::Higher => (w.value >= target.value, "below", "sous"),
        };
        if wrong {
            let (better, better_fr) = if direction == Direction::Lower {
                ("lower", "bas")
            } else {
                ("higher", "haut")
            };
            let (w, t) = (fmt_num(w.value), fmt_num(target.value));
            diags.error(
                warning.as_ref().map_or(0, |w| w.offset),
                Msg::new(
                    format!("`warning` ({w}) should be {side} `target` ({t}) because {better} is better: values between the target and the warning are \"to watch\""),
                    format!("`warning` ({w}) doit être {side_fr} `target` ({t}) puisque plus {better_fr} est mieux : les valeurs entre la cible et l'alerte sont « à surveiller »"),
                ),
            );
        }
    }
    Some(IndicatorSpec {
        unit,
        target: target.value,
        direction,
        warning: warning.map(|w| w.value),
        frequency,
        category,
    })
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

fn read_idea_columns(
    s: &mut TableReader<'_>,
    lang: Lang,
    diags: &mut Diags,
) -> Option<Vec<IdeaColumn>> {
    let Some(items) = s.list("columns", diags) else {
        let defaults: &[&str] = match lang {
            Lang::Fr => &["Proposée", "À l'essai", "Adoptée"],
            Lang::En => &["Proposed", "Testing", "Adopted"],
        };
        return Some(
            defaults
                .iter()
                .map(|n| IdeaColumn {
                    name: (*n).to_owned(),
                    limit: None,
                })
                .collect(),
        );
    };
    let mut columns: Vec<IdeaColumn> = Vec::new();
    for mut item in items {
        let offset = item.span.start;
        let column = match item.take() {
            ValueInner::String(name) => Some(IdeaColumn {
                name: name.trim().to_owned(),
                limit: None,
            }),
            ValueInner::Table(table) => {
                let mut t = TableReader::from_table(
                    table,
                    offset,
                    Context::new("an ideas column", "une colonne d'idées"),
                );
                let name = t.text("name", Some("\"À l'essai\""), diags);
                let limit = t.whole("limit", (1, 999), None, diags);
                t.finish(&|_| None, diags);
                name.map(|n| IdeaColumn {
                    name: n.value.trim().to_owned(),
                    limit: limit.map(|l| l.value),
                })
            }
            _ => {
                diags.error(
                    offset,
                    Msg::new(
                        "each column is a name in quotes, or { name = \"À l'essai\", limit = 3 }",
                        "chaque colonne est un nom entre guillemets, ou { name = \"À l'essai\", limit = 3 }",
                    ),
                );
                None
            }
        };
        if let Some(c) = column {
            if c.name.is_empty() {
                diags.error(
                    offset,
                    Msg::new("a column has no name", "une colonne n'a pas de nom"),
                );
            } else if columns.iter().any(|o| o.name == c.name) {
                diags.error(
                    offset,
                    Msg::new(
                        format!("column \"{}\" is listed twice", c.name),
                        format!("la colonne \"{}\" figure deux fois", c.name),
                    ),
                );
            } else {
                columns.push(c);
            }
        }
    }
    if columns.len() < 2 {
        diags.error(
            s.offset,
            Msg::new(
                format!(
                    "{} needs at least two `columns` for ideas to move between",
                    s.context.en
                ),
                format!(
                    "{} a besoin d'au moins deux `columns` entre lesquelles les idées avancent",
                    s.context.fr
                ),
            ),
        );
        return None;
    }
    Some(columns)
}

/// A place on a grid: `column` and `row` (required), `width` and `height` (1 unless written).
fn read_place(t: &mut TableReader<'_>, diags: &mut Diags) -> Option<Place> {
    let column = t.whole("column", (1, MAX_GRID), Some("1"), diags);
    let row = t.whole("row", (1, MAX_GRID), Some("1"), diags);
    let width = t.whole("width", (1, MAX_GRID), None, diags);
    let height = t.whole("height", (1, MAX_GRID), None, diags);
    Some(Place {
        column: column?.value,
        row: row?.value,
        width: width.map_or(1, |w| w.value),
        height: height.map_or(1, |h| h.value),
    })
}

/// Which grid is checked: the words for it in messages.
#[derive(Clone, Copy)]
enum Grids {
    Main,
    Portrait,
}

impl Grids {
    fn names(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            // (the grid in English, in French, where its size is written, where a place is)
            Grids::Main => ("the grid", "la grille", "[board]", ""),
            Grids::Portrait => (
                "the portrait grid",
                "la grille portrait",
                "[board] portrait",
                " portrait",
            ),
        }
    }
}

/// Sections must fit the grid and must not overlap; ids must be unique (checked once, on the
/// main grid).
fn check_sections(
    sections: &[(&str, Place)],
    offsets: &[usize],
    columns: Option<u32>,
    rows: Option<u32>,
    grid: Grids,
    diags: &mut Diags,
) {
    let (en, fr, table, place) = grid.names();
    let (place_en, place_fr) = match grid {
        Grids::Main => (String::new(), String::new()),
        Grids::Portrait => (format!(" on {en}"), format!(" sur {fr}")),
    };
    for (i, (id, s)) in sections.iter().enumerate() {
        let offset = offsets[i];
        if matches!(grid, Grids::Main) && sections[..i].iter().any(|(o, _)| o == id) {
            diags.error(
                offset,
                Msg::new(
                    format!("two sections have the id `{id}`; give each section its own id"),
                    format!(
                        "deux sections ont l'id `{id}` ; donnez à chaque section son propre id"
                    ),
                ),
            );
        }
        let last_col = s.column + s.width - 1;
        let last_row = s.row + s.height - 1;
        if let Some(columns) = columns
            && last_col > columns
        {
            diags.error(
                offset,
                Msg::new(
                    format!("section `{id}`{place} reaches column {last_col} but {en} has {columns} columns; make it narrower or raise `columns` in {table}"),
                    format!("la section `{id}`{place} va jusqu'à la colonne {last_col}, mais {fr} a {columns} colonnes ; rétrécissez-la ou augmentez `columns` dans {table}"),
                ),
            );
        }
        if let Some(rows) = rows
            && last_row > rows
        {
            diags.error(
                offset,
                Msg::new(
                    format!("section `{id}`{place} reaches row {last_row} but {en} has {rows} rows; make it shorter or raise `rows` in {table}"),
                    format!("la section `{id}`{place} va jusqu'à la rangée {last_row}, mais {fr} a {rows} rangées ; raccourcissez-la ou augmentez `rows` dans {table}"),
                ),
            );
        }
        for (other_id, other) in &sections[..i] {
            let col = s.column.max(other.column);
            let row = s.row.max(other.row);
            let col_end = last_col.min(other.column + other.width - 1);
            let row_end = last_row.min(other.row + other.height - 1);
            if col <= col_end && row <= row_end {
                diags.error(
                    offset,
                    Msg::new(
                        format!("sections `{other_id}` and `{id}` overlap{place_en} at column {col}, row {row}; move one of them"),
                        format!("les sections `{other_id}` et `{id}` se chevauchent{place_fr} à la colonne {col}, rangée {row} ; déplacez l'une d'elles"),
                    ),
                );
            }
        }
    }
}

/// A board's own portrait grid: every section has a place on it, inside it, none over another;
/// a section's portrait place needs the grid.
fn check_portrait(sections: &[Section], offsets: &[usize], grid: Option<Grid>, diags: &mut Diags) {
    let Some(grid) = grid else {
        for (s, offset) in sections.iter().zip(offsets) {
            if s.portrait.is_some() {
                diags.error(
                    *offset,
                    Msg::new(
                        format!("section `{}` has a portrait place but the board has no portrait grid; add portrait = {{ columns = 2, rows = 6 }} to [board]", s.id),
                        format!("la section `{}` a une place portrait mais le tableau n'a pas de grille portrait ; ajoutez portrait = {{ columns = 2, rows = 6 }} dans [board]", s.id),
                    ),
                );
            }
        }
        return;
    };
    let mut placed = Vec::new();
    let mut placed_offsets = Vec::new();
    for (s, offset) in sections.iter().zip(offsets) {
        match s.portrait {
            Some(place) => {
                placed.push((s.id.as_str(), place));
                placed_offsets.push(*offset);
            }
            None => diags.error(
                *offset,
                Msg::new(
                    format!("section `{}` has no place on the board's portrait grid; add a line such as portrait = {{ column = 1, row = 1, width = 1 }}", s.id),
                    format!("la section `{}` n'a pas de place sur la grille portrait du tableau ; ajoutez une ligne comme portrait = {{ column = 1, row = 1, width = 1 }}", s.id),
                ),
            ),
        }
    }
    check_sections(
        &placed,
        &placed_offsets,
        Some(grid.columns),
        Some(grid.rows),
        Grids::Portrait,
        diags,
    );
}

/// The most characters of a title that the top bar shows whole on the narrowest screen.
pub const TITLE_FITS: usize = 40;

/// A title longer than the top bar shows whole on a 1280-pixel screen needs a `short_title`,
/// which must fit.
fn check_title_length(title: Option<&At<String>>, short: Option<&At<String>>, diags: &mut Diags) {
    let chars = |t: &At<String>| t.value.chars().count();
    match (title, short) {
        (Some(t), None) if chars(t) > TITLE_FITS => diags.warning(
            t.offset,
            Msg::new(
                format!("the title has {} characters; a 1280-pixel screen shows {TITLE_FITS} on the top bar, so it will be cut with \"…\": add short_title = \"…\" with at most {TITLE_FITS}", chars(t)),
                format!("le titre a {} caractères ; un écran de 1280 pixels en montre {TITLE_FITS} dans la barre du haut, il sera donc coupé par « … » : ajoutez short_title = \"…\" d'au plus {TITLE_FITS}", chars(t)),
            ),
        ),
        (_, Some(s)) if chars(s) > TITLE_FITS => diags.warning(
            s.offset,
            Msg::new(
                format!("`short_title` has {} characters; keep it to {TITLE_FITS} so that it shows whole on a 1280-pixel screen", chars(s)),
                format!("`short_title` a {} caractères ; gardez-le sous {TITLE_FITS} pour qu'il se lise en entier sur un écran de 1280 pixels", chars(s)),
            ),
        ),
        _ => {}
    }
}

fn read_huddle(
    mut h: TableReader<'_>,
    sections: &[String],
    diags: &mut Diags,
) -> Option<HuddleSpec> {
    let time = h.text("time", Some("\"08:30\""), diags).and_then(|t| {
        let parsed = parse_time(&t.value);
        if parsed.is_none() {
            diags.error(
                t.offset,
                Msg::new(
                    format!("time \"{}\" is not a time of day; write hours and minutes, such as time = \"08:30\"", t.value),
                    format!("l'heure \"{}\" n'existe pas ; écrivez les heures et les minutes, comme time = \"08:30\"", t.value),
                ),
            );
        }
        parsed
    });
    let minutes = h.whole("minutes", (1, 120), Some("15"), diags);
    let mut agenda = Vec::new();
    let mut total = 0;
    for item in h.list("agenda", diags).unwrap_or_default() {
        let Some(mut a) = TableReader::new(
            item,
            Context::new("an agenda item", "un point de l'ordre du jour"),
            diags,
        ) else {
            continue;
        };
        let section = a.text("section", Some("\"waiting-list\""), diags);
        let item_minutes = a.whole("minutes", (1, 60), Some("3"), diags);
        let title = a.text("title", None, diags);
        a.finish(&|_| None, diags);
        if let Some(section) = &section
            && !sections.contains(&section.value)
        {
            let hint = suggestion(&section.value, sections.iter().map(String::as_str));
            diags.error(
                section.offset,
                Msg::new(
                    format!(
                        "agenda item points at section `{}` which does not exist{}",
                        section.value, hint.en
                    ),
                    format!(
                        "un point de l'ordre du jour renvoie à la section `{}`, qui n'existe pas{}",
                        section.value, hint.fr
                    ),
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
            Msg::new(
                format!("the agenda adds up to {total} minutes but the huddle lasts {}; shorten an item or raise `minutes`", minutes.value),
                format!("l'ordre du jour totalise {total} minutes, mais le caucus dure {} ; raccourcissez un point ou augmentez `minutes`", minutes.value),
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
