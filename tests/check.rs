//! Every kind of problem `huddle check` and the kiosk report, with the exact line and column.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use huddle::layout::{FileReport, Severity, load_dir, load_paths, parse_board};

/// A board that is valid; tests break one thing at a time in it.
const VALID: &str = r#"[board]
id = "team-a"
title = "Team A"
level = "team"
language = "en"
columns = 3
rows = 2

[team]
members = ["Ann", "Bob"]

[huddle]
time = "08:30"
minutes = 10
agenda = [
  { section = "wait", minutes = 3 },
  { section = "acts", minutes = 5 },
]

[[section]]
id = "wait"
kind = "indicator"
title = "Waiting list"
column = 1
row = 1
unit = "clients"
target = 20
warning = 30
direction = "lower"

[[section]]
id = "acts"
kind = "actions"
title = "Actions"
column = 2
row = 1
width = 2
"#;

fn report(text: &str) -> FileReport {
    parse_board(Path::new("b.toml"), text)
}

/// (line, column, message) of every problem.
fn problems(text: &str) -> Vec<(usize, usize, String)> {
    report(text)
        .problems
        .into_iter()
        .map(|p| (p.line, p.column, p.message))
        .collect()
}

fn one_problem(text: &str) -> (usize, usize, String) {
    let all = problems(text);
    assert_eq!(all.len(), 1, "expected one problem, got {all:#?}");
    all.into_iter().next().unwrap()
}

#[test]
fn the_valid_board_is_valid() {
    let r = report(VALID);
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
    let board = r.board.expect("a board");
    assert_eq!(board.id, "team-a");
    assert_eq!(board.sections.len(), 2);
    assert_eq!(board.sections[1].width, 2);
    assert_eq!(board.huddle.as_ref().map(|h| h.time), Some((8, 30)));
    assert_eq!(board.members, ["Ann", "Bob"]);
}

#[test]
fn unknown_key_suggests_the_close_one() {
    let text = VALID.replace("target = 20", "targte = 20");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (27, 1));
    assert_eq!(
        message,
        "unknown key `targte` in section `wait`, did you mean `target`?"
    );
}

/// A value of the right type for each key of a kind's settings.
fn sample_value(key: &str) -> &'static str {
    match key {
        "unit" => "\"%\"",
        "target" => "90",
        "warning" => "80",
        "direction" => "\"higher\"",
        "frequency" => "\"weekly\"",
        "category" => "\"access\"",
        "stale_after_days" | "answer_within_days" | "wait_warning_days" => "7",
        "columns" | "stages" => "[\"A\", \"B\"]",
        "other_teams" | "private" => "false",
        "boards" => "[]",
        "chart" => "\"xmr\"",
        "baseline" => "12",
        "changes" => "[{ date = \"2026-10-05\", label = \"Triage\" }, \"2026-11-02\"]",
        other => panic!("no sample value for `{other}`: add one for this new key"),
    }
}

/// The table of kinds and their keys is the one the reader checks: each kind reads every key
/// the table gives it, and names the kind of a key that is another kind's.
#[test]
fn every_kind_reads_the_keys_of_the_table() {
    for kind in huddle::layout::format::KINDS {
        let (kind, keys) = (kind.name, kind.keys);
        let mut section = format!(
            "[[section]]\nid = \"s\"\nkind = \"{kind}\"\ntitle = \"S\"\ncolumn = 1\nrow = 2\n"
        );
        for key in keys {
            section.push_str(&format!(
                "{key} = {}\n",
                sample_value(key.name),
                key = key.name
            ));
        }
        let text = format!("{VALID}\n{section}");
        let errors = problems(&text);
        assert!(errors.is_empty(), "kind {kind}: {errors:#?}");
        // A key of another kind's is refused with the name of its kind.
        for other in huddle::layout::format::KINDS {
            let Some(key) = other
                .keys
                .iter()
                .map(|k| k.name)
                .find(|k| !keys.iter().any(|own| own.name == *k))
            else {
                continue;
            };
            let other = other.name;
            let text = format!("{text}{key} = {}\n", sample_value(key));
            let messages: Vec<String> = problems(&text).into_iter().map(|p| p.2).collect();
            assert!(
                messages
                    .iter()
                    .any(|m| m.contains(&format!("`{key}`")) && m.contains(&format!("\"{other}\""))),
                "kind {kind} with `{key}` of {other}: {messages:#?}"
            );
        }
    }
}

#[test]
fn key_of_another_kind_says_where_it_belongs() {
    let text = VALID.replace("width = 2\n", "width = 2\nstages = [\"A\", \"B\"]\n");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (38, 1));
    assert!(message.contains("cannot have `stages`"), "{message}");
    assert!(message.contains("kind \"trajectory\""), "{message}");
}

#[test]
fn missing_key_points_at_the_section() {
    let text = VALID.replace("title = \"Actions\"\n", "");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (31, 1), "{message}");
    assert_eq!(
        message,
        "section `acts` has no `title`; add a line such as title = \"Liste d'attente\""
    );
}

#[test]
fn wrong_type_says_what_to_write() {
    let text = VALID.replace("columns = 3", "columns = \"3\"");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (6, 12));
    assert_eq!(
        message,
        "`columns` should be a number without quotes: columns = 3"
    );
}

#[test]
fn bad_choice_lists_the_choices_and_the_closest() {
    let text = VALID.replace("direction = \"lower\"", "direction = \"lowr\"");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (29, 14));
    assert_eq!(
        message,
        "`direction` cannot be \"lowr\"; write one of \"lower\", \"higher\" or \"neutral\", did you mean `lower`?"
    );
}

#[test]
fn unknown_kind_is_reported_once() {
    let text = VALID.replace("kind = \"actions\"", "kind = \"action\"");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (33, 9));
    assert!(message.contains("did you mean `actions`?"), "{message}");
}

#[test]
fn ids_with_spaces_or_accents_get_a_slug() {
    let text = VALID.replace("id = \"team-a\"", "id = \"Équipe A\"");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (2, 7));
    assert!(message.ends_with("id = \"equipe-a\""), "{message}");
}

#[test]
fn overlapping_sections_name_the_first_shared_cell() {
    let text = VALID.replace(
        "column = 2\nrow = 1\nwidth = 2",
        "column = 1\nrow = 1\nwidth = 2",
    );
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (31, 1));
    assert_eq!(
        message,
        "sections `wait` and `acts` overlap at column 1, row 1; move one of them"
    );
}

#[test]
fn overlap_at_column_3_row_2() {
    let text = VALID.replace("rows = 2", "rows = 3")
        + "\n[[section]]\nid = \"a\"\nkind = \"notes\"\ntitle = \"A\"\ncolumn = 2\nrow = 2\nwidth = 2\n"
        + "\n[[section]]\nid = \"b\"\nkind = \"mood\"\ntitle = \"B\"\ncolumn = 3\nrow = 2\nheight = 2\n";
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (47, 1));
    assert_eq!(
        message,
        "sections `a` and `b` overlap at column 3, row 2; move one of them"
    );
}

#[test]
fn section_outside_the_grid() {
    let text = VALID.replace("width = 2", "width = 3");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (31, 1));
    assert!(
        message.starts_with("section `acts` reaches column 4 but the grid has 3 columns"),
        "{message}"
    );
}

#[test]
fn agenda_pointing_at_a_missing_section() {
    let text = VALID.replace("{ section = \"wait\"", "{ section = \"wiat\"");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (16, 16));
    assert_eq!(
        message,
        "agenda item points at section `wiat` which does not exist, did you mean `wait`?"
    );
}

#[test]
fn a_broken_section_does_not_break_its_agenda_item_too() {
    let text = VALID.replace("target = 20\n", "");
    let all = problems(&text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(all[0].2.contains("has no `target`"));
}

#[test]
fn duplicate_section_ids() {
    let text = VALID
        .replace("id = \"acts\"", "id = \"wait\"")
        .replace("{ section = \"acts\"", "{ section = \"wait\"");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (31, 1));
    assert_eq!(
        message,
        "two sections have the id `wait`; give each section its own id"
    );
}

#[test]
fn warning_threshold_on_the_wrong_side_of_the_target() {
    let text = VALID.replace("warning = 30", "warning = 10");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (28, 11));
    assert!(
        message.starts_with("`warning` (10) should be above `target` (20) because lower is better"),
        "{message}"
    );
}

#[test]
fn single_brackets_for_a_section() {
    let text = VALID.replace("[[section]]\nid = \"acts\"", "[section2]\nid = \"acts\"");
    let all = problems(&text);
    assert!(
        all.contains(&(
            31,
            2,
            "unknown table [section2], did you mean [[section]]?".to_owned()
        )),
        "{all:#?}"
    );
    let text = "[board]\nid = \"a\"\ntitle = \"A\"\ncolumns = 1\nrows = 1\n\n[section]\nid = \"n\"\nkind = \"notes\"\ntitle = \"N\"\ncolumn = 1\nrow = 1\n";
    let (line, column, message) = one_problem(text);
    assert_eq!((line, column), (7, 1));
    assert_eq!(
        message,
        "sections are a list: write [[section]] with double brackets before each one"
    );
}

#[test]
fn a_time_without_quotes_gets_a_hint() {
    let text = VALID.replace("time = \"08:30\"", "time = 08:30");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (13, 8), "{message}");
    assert!(message.contains("time = \"08:30\""), "{message}");
}

#[test]
fn an_impossible_time() {
    let text = VALID.replace("time = \"08:30\"", "time = \"25:00\"");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (13, 9));
    assert!(
        message.starts_with("time \"25:00\" is not a time of day"),
        "{message}"
    );
}

#[test]
fn unterminated_text_is_a_syntax_error_with_its_place() {
    let text = VALID.replace("title = \"Team A\"", "title = \"Team A");
    let (line, column, message) = one_problem(&text);
    assert_eq!((line, column), (3, 9));
    assert_eq!(message, "this text has no closing quote; end it with \"");
}

#[test]
fn agenda_longer_than_the_huddle_is_only_a_warning() {
    let text = VALID.replace("minutes = 10", "minutes = 6");
    let r = report(&text);
    assert!(r.board.is_some(), "a warning keeps the board");
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].severity, Severity::Warning);
    assert_eq!((r.problems[0].line, r.problems[0].column), (14, 11));
    assert!(
        r.problems[0]
            .to_string()
            .starts_with("b.toml:14:11: warning: the agenda adds up to 8 minutes")
    );
}

#[test]
fn every_problem_at_once() {
    let text = VALID
        .replace("columns = 3", "columns = 0")
        .replace("direction = \"lower\"", "direction = \"down\"")
        .replace("title = \"Actions\"", "titel = \"Actions\"");
    let all = problems(&text);
    assert_eq!(all.len(), 3, "{all:#?}");
    // In file order.
    assert!(all.windows(2).all(|w| w[0].0 <= w[1].0));
}

#[test]
fn missing_board_table() {
    let (line, column, message) = one_problem("[team]\nmembers = []\n");
    assert_eq!((line, column), (1, 1));
    assert!(
        message.starts_with("the file has no [board] table"),
        "{message}"
    );
}

#[test]
fn problems_print_as_file_line_column_message() {
    let text = VALID.replace("target = 20", "targte = 20");
    let r = report(&text);
    assert_eq!(
        r.problems[0].to_string(),
        "b.toml:27:1: unknown key `targte` in section `wait`, did you mean `target`?"
    );
}

// Checks across the set of boards.

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn board(id: &str, parent: Option<&str>) -> String {
    let parent = parent
        .map(|p| format!("parent = \"{p}\"\n"))
        .unwrap_or_default();
    format!(
        "[board]\nid = \"{id}\"\ntitle = \"{id}\"\n{parent}columns = 1\nrows = 1\n\n[[section]]\nid = \"n\"\nkind = \"notes\"\ntitle = \"Notes\"\ncolumn = 1\nrow = 1\n"
    )
}

#[test]
fn unknown_parent_with_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", &board("manager", None));
    write(dir.path(), "b.toml", &board("team", Some("manger")));
    let reports = load_dir(dir.path()).unwrap();
    let b = &reports[1];
    assert!(b.board.is_none());
    assert_eq!((b.problems[0].line, b.problems[0].column), (4, 11));
    assert_eq!(
        b.problems[0].message,
        "a board's parent `manger` is not a known board, did you mean `manager`?"
    );
    assert!(reports[0].board.is_some());
}

#[test]
fn duplicate_board_ids_across_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", &board("same", None));
    write(dir.path(), "b.toml", &board("same", None));
    let reports = load_dir(dir.path()).unwrap();
    assert!(reports[0].problems.is_empty());
    assert_eq!(
        (reports[1].problems[0].line, reports[1].problems[0].column),
        (2, 7)
    );
    assert!(
        reports[1].problems[0]
            .message
            .starts_with("board id `same` is already used by")
    );
}

#[test]
fn cycles_of_parents() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", &board("a", Some("b")));
    write(dir.path(), "b.toml", &board("b", Some("c")));
    write(dir.path(), "c.toml", &board("c", Some("a")));
    write(dir.path(), "d.toml", &board("d", Some("a")));
    let reports = load_dir(dir.path()).unwrap();
    for r in &reports[..3] {
        assert!(
            r.problems
                .iter()
                .any(|p| p.message.starts_with("parents go round in a circle")),
            "{:?}",
            r.problems
        );
    }
    let a = &reports[0].problems[0].message;
    assert!(a.contains("a → b → c → a"), "{a}");
    // d hangs below the cycle but is not in it.
    assert!(reports[3].problems.is_empty(), "{:?}", reports[3].problems);
}

#[test]
fn own_parent() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", &board("a", Some("a")));
    let reports = load_dir(dir.path()).unwrap();
    assert!(
        reports[0].problems[0]
            .message
            .starts_with("a board cannot be its own parent")
    );
}

#[test]
fn units_naming_unknown_boards() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.toml", &board("team-one", Some("m")));
    let m = "[board]\nid = \"m\"\ntitle = \"M\"\ncolumns = 1\nrows = 1\n\n[[section]]\nid = \"u\"\nkind = \"units\"\ntitle = \"Units\"\ncolumn = 1\nrow = 1\nboards = [\"team-one\", \"team-2\"]\n";
    write(dir.path(), "m.toml", m);
    let reports = load_dir(dir.path()).unwrap();
    let m = reports.iter().find(|r| r.path.ends_with("m.toml")).unwrap();
    assert_eq!(m.problems.len(), 1, "{:?}", m.problems);
    assert_eq!((m.problems[0].line, m.problems[0].column), (13, 24));
    assert!(
        m.problems[0]
            .message
            .starts_with("unit `team-2` is not a known board")
    );
}

#[test]
fn a_file_is_checked_against_its_folder_but_alone_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "parent.toml", &board("p", None));
    write(dir.path(), "child.toml", &board("c", Some("p")));
    write(dir.path(), "broken.toml", "[board");
    let reports = load_paths(&[dir.path().join("child.toml")]).unwrap();
    assert_eq!(reports.len(), 1);
    assert!(reports[0].problems.is_empty(), "{:?}", reports[0].problems);
}

#[test]
fn a_file_that_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.toml"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let reports = load_dir(dir.path()).unwrap();
    assert_eq!(
        reports[0].problems[0].message,
        "the file is not UTF-8 text; save it as UTF-8 in your editor"
    );
}

#[test]
fn editor_and_sync_litter_is_not_read() {
    use huddle::layout::is_board_file;
    for name in [
        ".#a.toml",
        "a.toml~",
        ".a.toml.swp",
        "a.sync-conflict-20261123-081502-ABC.toml",
        "~$a.toml",
        "a (conflicted copy).toml",
        "notes.txt",
    ] {
        assert!(!is_board_file(Path::new(name)), "{name}");
    }
    assert!(is_board_file(Path::new("boards/accueil-jeunesse.toml")));
}

#[test]
fn every_example_board_checks_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
    let reports = load_dir(&dir).unwrap();
    assert!(reports.len() >= 5);
    for r in &reports {
        assert!(
            r.problems.is_empty(),
            "{}: {:#?}",
            r.path.display(),
            r.problems
        );
        assert!(r.board.is_some());
    }
    let boards: Vec<_> = reports.iter().filter_map(|r| r.board.as_ref()).collect();
    // Both languages, every level, and every section kind appear in the examples.
    use huddle::model::{Lang, Level};
    assert!(boards.iter().any(|b| b.lang == Lang::Fr) && boards.iter().any(|b| b.lang == Lang::En));
    for level in [
        Level::Team,
        Level::Manager,
        Level::Director,
        Level::Steering,
    ] {
        assert!(boards.iter().any(|b| b.level == level), "{level:?}");
    }
    for kind in huddle::layout::format::KIND_NAMES {
        assert!(
            boards
                .iter()
                .flat_map(|b| &b.sections)
                .any(|s| s.kind.name() == *kind),
            "{kind}"
        );
    }
}

#[test]
fn every_problem_is_also_said_in_french() {
    let text = VALID
        .replace("target = 20", "targte = 20")
        .replace("rows = 2", "rows = 0")
        .replace("time = \"08:30\"", "time = \"25:00\"");
    let r = report(&text);
    let fr: Vec<String> = r.problems.iter().map(|p| p.to_string_fr()).collect();
    assert_eq!(
        fr,
        [
            "b.toml:7:8 : `rows` vaut 0 ; écrivez un nombre entier de 1 à 12",
            "b.toml:13:9 : l'heure \"25:00\" n'existe pas ; écrivez les heures et les minutes, comme time = \"08:30\"",
            "b.toml:27:1 : clé inconnue `targte` dans la section `wait` ; vouliez-vous dire `target` ?",
        ]
    );
    assert!(
        r.problems
            .iter()
            .all(|p| !p.message_fr.is_empty() && p.message_fr != p.message)
    );
}

/// VALID with a portrait grid of one column: the indicator above the actions.
fn portrait(wait: &str, acts: &str) -> String {
    VALID
        .replace(
            "rows = 2\n",
            "rows = 2\nportrait = { columns = 1, rows = 2 }\n",
        )
        .replace(
            "direction = \"lower\"\n",
            &format!("direction = \"lower\"\n{wait}"),
        )
        .replace("width = 2\n", &format!("width = 2\n{acts}"))
}

#[test]
fn a_portrait_grid_is_read_and_checked_like_the_main_grid() {
    let good = portrait(
        "portrait = { column = 1, row = 1 }\n",
        "portrait = { column = 1, row = 2 }\n",
    );
    let board = report(&good).board.expect("a valid board");
    assert_eq!(
        board.portrait,
        Some(huddle::model::Grid {
            columns: 1,
            rows: 2
        })
    );
    assert_eq!(
        board.section("acts").and_then(|s| s.portrait),
        Some(huddle::model::Place {
            column: 1,
            row: 2,
            width: 1,
            height: 1
        })
    );
    // On a narrow screen the kiosk takes it; on a wide one, the main grid.
    use huddle::ui::GridKind;
    assert_eq!(
        huddle::ui::grid_kind(egui::vec2(400.0, 900.0), &board),
        GridKind::Portrait
    );
    assert_eq!(
        huddle::ui::grid_kind(egui::vec2(1900.0, 900.0), &board),
        GridKind::Main
    );

    // A section with no place on it.
    let (_, _, message) = one_problem(&portrait("portrait = { column = 1, row = 1 }\n", ""));
    assert!(
        message.starts_with("section `acts` has no place on the board's portrait grid"),
        "{message}"
    );
    // Two sections on one cell of it.
    let (_, _, message) = one_problem(&portrait(
        "portrait = { column = 1, row = 1 }\n",
        "portrait = { column = 1, row = 1 }\n",
    ));
    assert_eq!(
        message,
        "sections `wait` and `acts` overlap on the portrait grid at column 1, row 1; move one of them"
    );
    // A place past its edge.
    let (_, _, message) = one_problem(&portrait(
        "portrait = { column = 1, row = 1 }\n",
        "portrait = { column = 1, row = 3 }\n",
    ));
    assert!(
        message.contains("reaches row 3 but the portrait grid has 2 rows")
            && message.contains("[board] portrait"),
        "{message}"
    );
    // A place with no grid.
    let (_, _, message) = one_problem(&VALID.replace(
        "width = 2\n",
        "width = 2\nportrait = { column = 1, row = 1 }\n",
    ));
    assert!(
        message.contains("the board has no portrait grid"),
        "{message}"
    );
}

#[test]
fn a_long_title_without_a_short_one_is_warned_about() {
    let long = "Accueil, analyse, orientation et référence — Laval";
    let report = report(&VALID.replace("title = \"Team A\"", &format!("title = \"{long}\"")));
    assert!(report.board.is_some(), "a warning, not an error");
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.severity == Severity::Warning && p.message.contains("short_title")),
        "{:?}",
        report.problems
    );
    let fixed = VALID.replace(
        "title = \"Team A\"",
        &format!("title = \"{long}\"\nshort_title = \"Accueil — Laval\""),
    );
    let board = parse_board(Path::new("b.toml"), &fixed);
    assert!(board.problems.is_empty(), "{:?}", board.problems);
    assert_eq!(
        board.board.and_then(|b| b.short_title).as_deref(),
        Some("Accueil — Laval")
    );
}

#[test]
fn a_named_pipe_or_a_huge_file_among_the_boards_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("team-a.toml"), VALID).unwrap();
    let huge = std::fs::File::create(dir.path().join("huge.toml")).unwrap();
    huge.set_len(huddle::layout::BOARD_FILE_MAX + 1).unwrap();
    #[cfg(unix)]
    let fifo = dir.path().join("pipe.toml");
    #[cfg(unix)]
    common::mkfifo(&fifo);
    let reports = load_dir(dir.path()).unwrap();
    let said = |name: &str| {
        reports
            .iter()
            .find(|r| r.path.ends_with(name))
            .map(|r| {
                r.problems
                    .iter()
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .join("\n")
    };
    assert!(
        said("huge.toml").contains("where a board file holds at most 1 MB"),
        "{}",
        said("huge.toml")
    );
    #[cfg(unix)]
    {
        assert!(
            said("pipe.toml").contains("named pipe"),
            "{}",
            said("pipe.toml")
        );
        // `huddle check pipe.toml` says so too, and does not hang.
        let named = load_paths(&[fifo]).unwrap();
        assert!(named[0].problems[0].message.contains("named pipe"));
    }
    let good = reports
        .iter()
        .find(|r| r.path.ends_with("team-a.toml"))
        .unwrap();
    assert!(good.board.is_some(), "the good board still loads");
}

#[test]
fn an_id_too_long_to_name_a_file_is_refused_with_a_shorter_one() {
    let long = "accueil-analyse-orientation-".repeat(9);
    let text = VALID.replacen("id = \"team-a\"", &format!("id = \"{long}\""), 1);
    let report = parse_board(Path::new("long.toml"), &text);
    assert!(report.board.is_none());
    let problem = &report.problems[0];
    assert_eq!((problem.line, problem.column), (2, 7));
    assert!(
        problem.message.contains("at most 64")
            && problem
                .message
                .contains("id = \"accueil-analyse-orientat\""),
        "{}",
        problem.message
    );
    let fits = "a".repeat(huddle::layout::ID_MAX);
    let text = VALID.replacen("id = \"team-a\"", &format!("id = \"{fits}\""), 1);
    assert!(
        parse_board(Path::new("fits.toml"), &text)
            .problems
            .is_empty()
    );
}

#[test]
fn a_percent_in_a_number_says_where_the_percent_goes() {
    let text = VALID.replace("target = 20", "target = \"90 %\"");
    let (_, _, message) = one_problem(&text);
    assert_eq!(
        message,
        "write `target = 90` without % or quotes, and put the % in the unit: unit = \"%\""
    );
}

#[test]
fn a_decimal_comma_says_to_write_a_point() {
    let text = VALID.replace("warning = 30", "warning = 30,5");
    let (line, column, message) = one_problem(&text);
    assert_eq!(message, "board files use a decimal point: write 30.5");
    assert_eq!(line, 28, "the line of `warning`");
    assert!(column > 1);
    let text = VALID.replace("warning = 30", "warning = -7,25");
    assert!(one_problem(&text).2.ends_with("write -7.25"));
    // A comma that is not a decimal mark keeps the parser's own words.
    let text = VALID.replace("warning = 30", "warning = 30, 5");
    assert!(!one_problem(&text).2.contains("decimal point"));
}

#[test]
fn a_board_file_in_capitals_is_a_board_file_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("IPO.TOML");
    std::fs::write(&path, VALID.replace("warning = 30", "warning = 10")).unwrap();
    let reports = load_dir(dir.path()).unwrap();
    assert_eq!(reports.len(), 1, "the .TOML file is read");
    assert!(reports[0].has_errors(), "and its problem reported");
    let reports = load_paths(&[path]).unwrap();
    assert!(reports[0].has_errors());
}

/// A team's file broken beyond reading its id: its parent board does not guess another board
/// for the unit it names, it says that unit's file has errors, as a warning (the parent board
/// itself still loads); the broken file's own problem is the only error.
#[test]
fn a_unit_whose_file_is_broken_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
    for entry in std::fs::read_dir(&examples).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    // A syntax error: nothing of the file can be read.
    std::fs::write(
        dir.path().join("accueil-jeunesse.toml"),
        "[board\nid = \"x\"\n",
    )
    .unwrap();
    let reports = load_dir(dir.path()).unwrap();
    let problems: Vec<_> = reports.iter().flat_map(|r| &r.problems).collect();
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(errors.len(), 1, "{problems:#?}");
    assert!(errors[0].file.ends_with("accueil-jeunesse.toml"));
    let manager = reports
        .iter()
        .find(|r| r.path.ends_with("gestion-jeunesse.toml"))
        .unwrap();
    assert!(manager.board.is_some(), "the manager's board still loads");
    let about: Vec<_> = manager
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(about.len(), 1, "{about:?}");
    assert!(
        about[0].starts_with("unit `accueil-jeunesse`: its file has errors ("),
        "{about:?}"
    );
    assert!(!about[0].contains("did you mean"), "{about:?}");
}
