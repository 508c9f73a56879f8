//! `huddle value`, `huddle action` and `huddle history` as scripts use them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

mod common;

use common::Cli as Kiosk;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `huddle value set` for the intake team's waiting list; whether it succeeded.
fn set_waiting_list(k: &Kiosk, date: &str, value: &str) -> bool {
    let args = [
        "value",
        "set",
        "--board",
        "accueil-jeunesse",
        "--indicator",
        "liste-attente",
        "--date",
        date,
        value,
    ];
    k.run(&args).status.success()
}

/// `huddle action add` of one action to the West team's plan.
fn book_the_room(k: &Kiosk) {
    let o = k.run(&[
        "action",
        "add",
        "--board",
        "youth-follow-up",
        "--title",
        "Book the room",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// `huddle value list --format json` of the intake team's waiting list.
fn waiting_list(k: &Kiosk) -> Vec<serde_json::Value> {
    let list = k.json(&[
        "value",
        "list",
        "--board",
        "accueil-jeunesse",
        "--indicator",
        "liste-attente",
        "--format",
        "json",
    ]);
    list.as_array().unwrap().clone()
}

#[test]
fn values_are_set_and_listed_with_status() {
    let k = Kiosk::new();
    assert!(set_waiting_list(&k, "2026-11-20", "35"));
    assert!(set_waiting_list(&k, "2026-11-23", "18,5"));
    // A second value for the same date replaces the first.
    assert!(set_waiting_list(&k, "2026-11-21", "25"));
    assert!(set_waiting_list(&k, "2026-11-21", "26"));
    let list = waiting_list(&k);
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["date"], "2026-11-20");
    assert_eq!(list[0]["status"], "bad"); // 35 > warning 30, lower is better
    assert_eq!(list[1]["value"], 26.0);
    assert_eq!(list[1]["status"], "watch");
    assert_eq!(list[2]["value"], 18.5);
    assert_eq!(list[2]["status"], "good");
    assert_eq!(list[2]["by"], "it-admin (cli)");
}

/// `huddle value set` on the intake team's board, with the arguments after `--board B`.
fn value_set(k: &Kiosk, rest: &[&str]) -> Output {
    k.run(&[&["value", "set", "--board", "accueil-jeunesse"][..], rest].concat())
}

#[test]
fn bad_values_are_refused_with_exit_1_and_nothing_stored() {
    let k = Kiosk::new();
    let o = value_set(&k, &["--indicator", "liste-attente", "douze"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("\"douze\" is not a number"),
        "{}",
        stderr(&o)
    );
    let o = value_set(
        &k,
        &["--indicator", "liste-attente", "--date", "2026-11-31", "3"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is not a date; write it as 2026-11-23 or 23/11/2026"),
        "{}",
        stderr(&o)
    );
    let o = value_set(&k, &["--indicator", "liste-atente", "3"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("did you mean `liste-attente`?"),
        "{}",
        stderr(&o)
    );
    let o = k.run(&["value", "set", "--board", "nope", "--indicator", "x", "3"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("there is no board `nope`"));
    assert_eq!(waiting_list(&k).len(), 0);
}

#[test]
fn actions_are_added_and_listed_overdue_first() {
    let k = Kiosk::new();
    let o = k.run(&[
        "action",
        "add",
        "--board",
        "accueil-jeunesse",
        "--title",
        "Revoir le formulaire",
        "--due",
        "2099-01-31",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = k.run(&[
        "action",
        "add",
        "--board",
        "accueil-jeunesse",
        "--title",
        "Appeler l'école",
        "--owner",
        "Chloé D.",
        "--due",
        "2020-01-31",
    ]);
    let id = String::from_utf8_lossy(&o.stdout).trim().to_owned();
    assert_eq!(id.len(), 36, "prints the new action's id: {id}");
    let list = k.json(&[
        "action",
        "list",
        "--board",
        "accueil-jeunesse",
        "--format",
        "json",
    ]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["overdue"], true);
    assert_eq!(list[0]["owner"], "Chloé D.");
    assert_eq!(list[0]["status"], "todo");
    assert_eq!(list[1]["overdue"], false);
    let o = k.run(&[
        "action",
        "add",
        "--board",
        "accueil-jeunesse",
        "--title",
        "   ",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("the action is empty"));
}

#[test]
fn history_lists_the_changes_newest_first() {
    let k = Kiosk::new();
    k.run(&[
        "value",
        "set",
        "--board",
        "youth-follow-up",
        "--indicator",
        "awaiting",
        "12",
    ]);
    book_the_room(&k);
    let h = k.json(&["history", "--board", "youth-follow-up", "--format", "json"]);
    let h = h.as_array().unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["kind"], "action");
    assert_eq!(h[0]["origin"], "cli");
    assert_eq!(h[0]["by"], "it-admin (cli)");
    assert_eq!(h[1]["kind"], "value");
    assert_eq!(h[1]["section"], "awaiting");
    let text = String::from_utf8_lossy(&k.run(&["history", "--board", "youth-follow-up"]).stdout)
        .into_owned();
    assert!(text.contains("title=\"Book the room\""), "{text}");
}

#[test]
fn history_of_every_board_exports_to_csv_with_the_words_of_the_screen() {
    let k = Kiosk::new();
    assert!(set_waiting_list(&k, "2026-11-20", "18"));
    book_the_room(&k);
    let o = k.run(&["history", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "at");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "{text}");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    // Newest first, every board, sections by their titles.
    assert_eq!(&rows[0][col("board")], "youth-follow-up");
    assert_eq!(&rows[0][col("action")], "added");
    assert_eq!(&rows[0][col("entry")], "Book the room");
    assert_eq!(&rows[0][col("by")], "it-admin (cli)");
    assert_eq!(&rows[1][col("board")], "accueil-jeunesse");
    assert_eq!(&rows[1][col("section")], "Liste d'attente");
    assert_eq!(&rows[1][col("origin")], "cli");
    assert!(!rows[1][col("device")].is_empty());
    // --since leaves out what came before; a bad date is said.
    let tomorrow = (chrono::Local::now().date_naive() + chrono::Duration::days(1)).to_string();
    let later = k.json(&["history", "--since", &tomorrow, "--format", "json"]);
    assert_eq!(later.as_array().unwrap().len(), 0);
    let bad = k.run(&["history", "--since", "hier"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("is not a date"), "{}", stderr(&bad));
}

#[test]
fn a_data_folder_holding_something_else_is_refused() {
    let k = Kiosk::new();
    std::fs::write(
        k.data.path().join("huddle.sqlite3"),
        "not a database at all, but precious",
    )
    .unwrap();
    let o = k.run(&[
        "value",
        "set",
        "--board",
        "accueil-jeunesse",
        "--indicator",
        "liste-attente",
        "3",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is not a Huddle database; it was left untouched"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(k.data.path().join("huddle.sqlite3")).unwrap(),
        "not a database at all, but precious"
    );
}

#[test]
fn import_a_csv_feed_twice_and_with_bad_rows() {
    let k = Kiosk::new();
    let file = k.data.path().join("attente.csv");
    std::fs::write(
        &file,
        "Date;Valeur\n2026-11-20;31\n20/11/2026x;4\n2026-11-21;28,5\n",
    )
    .unwrap();
    let import = |k: &Kiosk| {
        k.run(&[
            "import",
            "--board",
            "accueil-jeunesse",
            "--indicator",
            "liste-attente",
            file.to_str().unwrap(),
        ])
    };
    let o = import(&k);
    assert_eq!(o.status.code(), Some(1), "a bad row makes the exit code 1");
    assert!(
        stderr(&o).contains("attente.csv:3: \"20/11/2026x\" is not a date"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "2 value(s) imported, 0 unchanged, 1 bad row(s)"
    );
    // The same file again: nothing changes.
    let o = import(&k);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "0 value(s) imported, 2 unchanged, 1 bad row(s)"
    );
    let list = waiting_list(&k);
    assert_eq!(list.len(), 2);
    assert_eq!(list[1]["value"], 28.5);
    assert_eq!(list[1]["by"], "feed (attente.csv)");
    let history = k.json(&["history", "--board", "accueil-jeunesse", "--format", "json"]);
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert!(
        history
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["origin"] == "feed")
    );
    // An export that gives a date again (a correction further down) keeps its last row.
    std::fs::write(&file, "2026-11-22;7\n2026-11-22;9\n2026-11-21;28,5\n").unwrap();
    let o = import(&k);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "1 value(s) imported, 1 unchanged, 0 bad row(s)\n\
         1 row(s) gave a date again further down: the last row of each date is its value"
    );
    let list = waiting_list(&k);
    assert_eq!(list.len(), 3);
    assert_eq!(list[2]["value"], 9.0);
}

#[test]
fn huddles_are_listed_newest_first_with_their_record() {
    use huddle::model::huddle::{Decision, HuddleRecord, ItemRecord, Roles};
    let k = Kiosk::new();
    let out = k.run(&["huddles", "--board", "accueil-jeunesse"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "no huddle recorded yet on accueil-jeunesse\n"
    );
    let started = |day: u32| {
        chrono::NaiveDate::from_ymd_opt(2026, 11, day)
            .and_then(|d| d.and_hms_opt(8, 30, 0))
            .unwrap()
    };
    {
        let mut store = huddle::store::Store::open(k.data.path()).unwrap();
        for (id, day, minutes) in [("fri", 20, 14), ("mon", 23, 12)] {
            let record = HuddleRecord {
                date: started(day).date(),
                started: started(day),
                duration_s: minutes * 60,
                attendees: vec!["Amélie R.".into(), "Farid K.".into()],
                roles: Roles {
                    facilitator: Some("Farid K.".into()),
                    ..Roles::default()
                },
                items: vec![ItemRecord {
                    section: "actions".into(),
                    title: "Plan d'action".into(),
                    planned_s: 180,
                    spent_s: 200,
                    decisions: vec![Decision {
                        text: "Appeler le labo".into(),
                        action: Some("a1".into()),
                    }],
                }],
                actions: Vec::new(),
                escalations: Vec::new(),
                ended: true,
            };
            let change = huddle::model::Edit::SaveHuddle {
                id: id.into(),
                record: Box::new(record),
            }
            .into_change(
                "accueil-jeunesse",
                "huddle",
                "Farid K.",
                huddle::model::Origin::Screen,
                chrono::Utc::now(),
            )
            .unwrap();
            store.apply(&change).unwrap();
        }
    }
    let text =
        String::from_utf8(k.run(&["huddles", "--board", "accueil-jeunesse"]).stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("2026-11-23 08:30    12:00  2 present  1 decision(s)"),
        "{text}"
    );
    assert!(text.contains("    facilitator: Farid K.\n"), "{text}");
    assert!(
        text.contains("      decision: Appeler le labo  → action\n"),
        "{text}"
    );
    let json = k.json(&["huddles", "--board", "accueil-jeunesse", "--format", "json"]);
    assert_eq!(json[0]["id"], "mon");
    assert_eq!(json[1]["id"], "fri");
    assert_eq!(json[1]["duration_s"], 840);
    assert_eq!(json[0]["items"][0]["decisions"][0]["action"], "a1");
    // An unknown board is an error that names the closest one.
    let bad = k.run(&["huddles", "--board", "accueil-jeunese"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("did you mean `accueil-jeunesse`"));
}

/// `set.seed(123); rnorm(20)` in R, the series of NHSRplotthedots' own tests, one a day from
/// 2020-01-02, as a CSV with French decimal commas.
fn rnorm_csv(dir: &std::path::Path, fifteenth: Option<&str>) -> std::path::PathBuf {
    let values = [
        "-0,56047565",
        "-0,23017749",
        "1,55870831",
        "0,07050839",
        "0,12928774",
        "1,71506499",
        "0,46091621",
        "-1,26506123",
        "-0,68685285",
        "-0,44566197",
        "1,22408180",
        "0,35981383",
        "0,40077145",
        "0,11068272",
        "-0,55584113",
        "1,78691314",
        "0,49785048",
        "-1,96661716",
        "0,70135590",
        "-0,47279141",
    ];
    let mut csv = String::from("date;value\n");
    for (i, v) in values.iter().enumerate() {
        let date =
            chrono::NaiveDate::from_ymd_opt(2020, 1, 2).unwrap() + chrono::Days::new(i as u64);
        let v = if i == 14 { fifteenth.unwrap_or(v) } else { v };
        csv.push_str(&format!("{date};{v}\n"));
    }
    let path = dir.join("series.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn spc_reads_a_csv_as_the_reference_implementation_does() {
    let k = Kiosk::new();
    let dir = tempfile::tempdir().unwrap();
    let csv = rnorm_csv(dir.path(), None);
    let csv = csv.to_str().unwrap();
    let j = k.json(&["spc", "--csv", csv, "--format", "json"]);
    let points = j["points"].as_array().unwrap();
    assert_eq!(points.len(), 20);
    let near = |v: &serde_json::Value, x: f64, digits: i32| {
        (v.as_f64().unwrap() - x).abs() < 0.5 * 10f64.powi(-digits)
    };
    // NHSRplotthedots' snapshot of this series: mean 0.1416238, limits -3.01138 and 3.294627.
    assert!(near(&points[0]["mean"], 0.1416238, 7), "{}", points[0]);
    assert!(near(&points[0]["lpl"], -3.01138, 5));
    assert!(near(&points[0]["upl"], 3.294627, 6));
    assert_eq!(points[0]["date"], "2020-01-02");
    assert_eq!(points[19]["special_cause"], "common_cause");
    assert_eq!(j["variation"], "common_cause");
    assert_eq!(j["assurance"], serde_json::Value::Null);
    // With the 15th value at 10: screened limits, the point above them, an improvement when
    // higher is better and a concern when lower is; a target above the limits fails.
    let csv = rnorm_csv(dir.path(), Some("10"));
    let csv = csv.to_str().unwrap();
    let j = k.json(&["spc", "--csv", csv, "--format", "json", "--target", "5"]);
    assert!(near(&j["points"][0]["upl"], 3.722497, 6));
    assert_eq!(j["points"][14]["special_cause"], "above_upl");
    assert_eq!(j["points"][14]["point_type"], "improvement");
    assert_eq!(j["assurance"], "fail");
    let j = k.json(&[
        "spc",
        "--csv",
        csv,
        "--format",
        "json",
        "--direction",
        "lower",
    ]);
    assert_eq!(j["points"][14]["point_type"], "concern");
    // A rebase at the 11th day: two phases, each with its own limits.
    let j = k.json(&[
        "spc",
        "--csv",
        csv,
        "--format",
        "json",
        "--rebase",
        "2020-01-12",
    ]);
    assert_ne!(j["points"][9]["mean"], j["points"][10]["mean"]);
    // CSV and text forms say the same.
    let o = k.run(&["spc", "--csv", csv, "--format", "csv"]);
    let text = String::from_utf8_lossy(&o.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("date,value,mean,lpl,upl,special_cause,point_type")
    );
    assert!(text.contains(",above_upl,improvement"), "{text}");
    let o = k.run(&["spc", "--csv", csv]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("phase 1 from 2020-01-02: 20 values"),
        "{text}"
    );
    assert!(text.contains("variation: common_cause"), "{text}");
}

#[test]
fn spc_reads_a_boards_indicator_with_its_changes() {
    let k = Kiosk::new();
    let values = [
        17, 18, 16, 17, 19, 17, 16, 18, 17, 18, 16, 17, 18, 17, 13, 12, 12, 11, 11, 10, 10, 9,
    ];
    let first = chrono::NaiveDate::from_ymd_opt(2026, 6, 29).unwrap();
    for (i, v) in values.iter().enumerate() {
        let date = (first + chrono::Days::new(7 * i as u64)).to_string();
        let v = v.to_string();
        let o = k.run(&[
            "value",
            "set",
            "--board",
            "accueil-jeunesse",
            "--indicator",
            "delai-evaluation",
            "--date",
            &date,
            &v,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let args = [
        "spc",
        "--board",
        "accueil-jeunesse",
        "--indicator",
        "delai-evaluation",
    ];
    let j = k.json(&[&args[..], &["--format", "json"]].concat());
    // The board file's change of 5 October starts a second phase; lower is better there, and
    // its target of 12 lies between that phase's limits.
    assert_eq!(
        j["points"][13]["mean"].as_f64().map(|m| m > 16.0),
        Some(true)
    );
    assert_eq!(j["points"][14]["mean"], 11.0);
    assert_eq!(j["points"][21]["special_cause"], "below_lpl");
    assert_eq!(j["variation"], "improvement");
    assert_eq!(j["assurance"], "inconsistent");
    // With a rebase before every value instead of the change: one phase.
    let j = k.json(&[&args[..], &["--format", "json", "--rebase", "2026-01-01"]].concat());
    assert_eq!(j["points"][14]["mean"], j["points"][0]["mean"]);
    // A wrong indicator says which exist.
    let o = k.run(&[
        "spc",
        "--board",
        "accueil-jeunesse",
        "--indicator",
        "delai-evalution",
        "--format",
        "json",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("did you mean `delai-evaluation`?"),
        "{}",
        stderr(&o)
    );
    // Neither a board nor a file: a usage error.
    let o = k.run(&["spc"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// A cron job or a bare service has no `$USER`: the change is still signed by its account.
#[test]
fn a_change_made_without_user_in_the_environment_is_signed_by_the_account() {
    let k = Kiosk::new();
    let o = Command::new(env!("CARGO_BIN_EXE_huddle"))
        .args([
            "--boards",
            concat!(env!("CARGO_MANIFEST_DIR"), "/boards"),
            "--data-dir",
        ])
        .arg(k.data.path())
        .args([
            "action",
            "add",
            "--board",
            "accueil-jeunesse",
            "--title",
            "Rappeler",
        ])
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let list = k.json(&[
        "action",
        "list",
        "--board",
        "accueil-jeunesse",
        "--format",
        "json",
    ]);
    let by = list[0]["changed_by"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(by.ends_with(" (cli)") && by != " (cli)", "signed {by:?}");
}

/// Every command reads dates as `import` does, and a weekly value is kept for its week's Monday,
/// a monthly one for the 1st, from the command line and from a CSV file alike.
#[test]
fn dates_read_as_import_reads_them_and_values_are_dated_on_their_period() {
    let k = Kiosk::new();
    // A daily value, with the date written as in Québec.
    let o = value_set(
        &k,
        &["--indicator", "liste-attente", "--date", "30/11/2026", "14"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // A weekly value entered on Wednesday 25 November is the week of Monday the 23rd.
    let o = value_set(
        &k,
        &[
            "--indicator",
            "delai-evaluation",
            "--date",
            "25/11/2026",
            "11",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("2026-11-23: 11"));
    // The same week again from a file, on its Friday: the same value, changed.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("delai.csv");
    std::fs::write(&csv, "date;valeur\n27/11/2026;10,5\n02/12/2026;9\n").unwrap();
    let o = k.run(&[
        "import",
        "--board",
        "accueil-jeunesse",
        "--indicator",
        "delai-evaluation",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = k.json(&[
        "value",
        "list",
        "--board",
        "accueil-jeunesse",
        "--indicator",
        "delai-evaluation",
        "--format",
        "json",
    ]);
    let dates: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-11-23", "2026-11-30"]);
    assert_eq!(list[0]["value"], 10.5);
    // Four changes: two values set, then the file's two rows.
    let list = k.json(&["history", "--format", "json"]);
    assert_eq!(list.as_array().unwrap().len(), 4);
}
