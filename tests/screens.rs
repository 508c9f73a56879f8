//! The board on the screens hospitals buy: 1280×800 and 1366×768 touch monitors, 1080p and
//! 1440p screens, 4K TVs and a 1080p screen hung in portrait. Each screen is drawn at the
//! scale the kiosk chooses for it (`ui::theme::auto_scale`), as eframe would give it: so many
//! points at so many pixels per point.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use huddle::app::KioskApp;

/// The screens, in pixels.
const SCREENS: [(f32, f32); 6] = [
    (1280.0, 800.0),
    (1366.0, 768.0),
    (1920.0, 1080.0),
    (2560.0, 1440.0),
    (3840.0, 2160.0),
    (1080.0, 1920.0),
];

/// The screen's size in points at the scale the kiosk chooses for it.
fn points(pixels: (f32, f32)) -> egui::Vec2 {
    let pixels = egui::vec2(pixels.0, pixels.1);
    pixels / huddle::ui::theme::auto_scale(pixels)
}

/// The screen's area, with a point's give for rounding.
fn bounds(pixels: (f32, f32)) -> egui::Rect {
    egui::Rect::from_min_size(egui::Pos2::ZERO, points(pixels)).expand(1.0)
}

/// `app` on a screen of `pixels`, as eframe gives it: so many points at so many pixels each.
fn harness(pixels: (f32, f32), app: KioskApp) -> Harness<'static, KioskApp> {
    let scale = huddle::ui::theme::auto_scale(egui::vec2(pixels.0, pixels.1));
    let mut h = common::builder()
        .with_size(points(pixels))
        .with_pixels_per_point(scale)
        .build_ui_state(common::frame, app);
    h.run();
    h
}

/// The kiosk on a screen of `pixels`, showing `board`, with a week of entries in each section.
fn on_screen(pixels: (f32, f32), board: &str) -> Harness<'static, KioskApp> {
    harness(
        pixels,
        common::app_with(&common::examples(), Some(board), busy),
    )
}

/// A copy of the example boards with `from` written `to` in each file.
fn examples_with(from: &str, to: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(common::examples()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap().replace(from, to);
        std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    dir
}

/// How many widgets whose label holds `text` lie whole inside a card.
/// Whether a node is the target that opens an entry to correct it ("Corriger : …") rather
/// than the entry's words.
fn is_correct_target(n: &egui_kittest::Node<'_>) -> bool {
    use egui_kittest::kittest::NodeT as _;
    n.accesskit_node()
        .label()
        .is_some_and(|l| l.starts_with("Corriger : "))
}

fn drawn_in_cards(h: &Harness<'_, KioskApp>, text: &str) -> usize {
    let cards = cards(h);
    // The words, not the targets that open an entry to correct it ("Corriger : …").
    h.query_all_by_label_contains(text)
        .filter(|n| !is_correct_target(n))
        .filter(|n| cards.iter().any(|c| c.contains_rect(n.rect())))
        .count()
}

/// The intake board after a busy fortnight: its waiting list, 12 actions, 9 ideas, 7 notes and
/// 9 clients.
fn busy(store: &mut huddle::store::Store) {
    use huddle::model::{Edit, Origin};
    common::waiting_list_values(store);
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T07:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let mut edits: Vec<(&str, Edit)> = Vec::new();
    for i in 0..12u32 {
        edits.push((
            "actions",
            Edit::AddAction {
                title: format!("Action numéro {i} pour réduire la liste d'attente des jeunes"),
                owner: Some("Chloé D.".into()),
                due: Some(day(10 + i)),
            },
        ));
    }
    for (i, column) in [
        "Proposée",
        "Proposée",
        "Proposée",
        "Proposée",
        "À l'essai",
        "À l'essai",
        "Adoptée",
        "Adoptée",
        "Adoptée",
    ]
    .into_iter()
    .enumerate()
    {
        edits.push((
            "idees",
            Edit::AddIdea {
                title: format!("Idée {i} : appeler les familles la veille"),
                by: Some("Benoît T.".into()),
                column: column.into(),
            },
        ));
    }
    for i in 0..7 {
        edits.push((
            "babillard",
            Edit::AddNote {
                text: format!("Annonce {i} : formation sur le nouveau formulaire jeudi"),
                recognition: i == 0,
                expires: None,
            },
        ));
    }
    for (i, stage) in [
        "Réception",
        "Réception",
        "Réception",
        "Réception",
        "Analyse",
        "Analyse",
        "Analyse",
        "Orientation",
        "Référé au suivi",
    ]
    .into_iter()
    .enumerate()
    {
        edits.push((
            "trajectoire",
            Edit::AddClient {
                code: format!("J-10{i}"),
                stage: stage.into(),
                since: day(2 + i as u32),
                next_step: String::new(),
                owner: None,
            },
        ));
    }
    for (section, edit) in edits {
        let change = edit
            .into_change("accueil-jeunesse", section, "Chloé D.", Origin::Screen, at)
            .expect("a valid edit");
        store.apply(&change).expect("stored");
    }
}

#[test]
fn every_board_fits_every_screen() {
    for board in [
        "accueil-jeunesse",
        "youth-follow-up",
        "gestion-jeunesse",
        "direction-jeunesse",
        "comite-trajectoire-jeunesse",
    ] {
        for screen in SCREENS {
            let h = on_screen(screen, board);
            let bounds = bounds(screen);
            // Nothing a finger must reach lies past the screen's edge.
            for node in h.query_all_by_role(egui::accesskit::Role::Button) {
                let rect = node.rect();
                let label = node.accesskit_node().label().unwrap_or_default();
                assert!(
                    bounds.contains_rect(rect),
                    "{board} at {screen:?}: button {label:?} at {rect:?} is off the screen {bounds:?}"
                );
            }
            // The whole title shows on the top bar, not cut with "…".
            let title = &self::board(board).title;
            assert!(
                drawn_whole(&h, title),
                "{board} at {screen:?}: the title {title:?} is cut"
            );
            // Undo is always on the screen.
            let undo = h
                .query_by_label_contains("↶ Défaire")
                .or_else(|| h.query_by_label_contains("↶ Undo"))
                .expect("undo")
                .rect();
            assert!(
                bounds.contains_rect(undo),
                "{board} at {screen:?}: undo at {undo:?}"
            );
        }
    }
}

#[test]
fn a_long_number_leaves_its_target_and_unit_in_the_card_on_every_screen() {
    // A regional waiting list: five digits, then seven.
    for value in ["12345", "1234567"] {
        for screen in SCREENS {
            let app = common::app_with(&common::examples(), Some("accueil-jeunesse"), |store| {
                let csv = format!("2026-11-20;17\n2026-11-23;{value}\n");
                common::waiting_list_from(store, &csv, "t", chrono::Utc::now());
            });
            let h = harness(screen, app);
            assert_eq!(
                drawn_in_cards(&h, "Cible ≤ 20 jeunes"),
                1,
                "{value} at {screen:?}: the target is cut"
            );
            let number = h
                .query_all_by_label_contains(&value[..4])
                .map(|n| n.rect())
                .next()
                .expect("the number");
            assert!(
                cards(&h).iter().any(|c| c.contains_rect(number)),
                "{value} at {screen:?}: the number {number:?} is cut"
            );
            if value.len() == 5 {
                // The value's day, beside the number or under it.
                assert_eq!(
                    drawn_in_cards(&h, "23 nov."),
                    1,
                    "{value} at {screen:?}: the value's day is cut"
                );
            }
        }
    }
}

#[test]
fn a_banner_over_the_board_leaves_every_empty_indicators_target_in_its_card() {
    for screen in SCREENS {
        let dir = examples_with("", "");
        let mut h = harness(screen, common::app(dir.path(), Some("accueil-jeunesse")));
        // A facilitator saves a broken file: its problem goes on a banner above the board.
        common::save_broken_manager_board(&mut h, dir.path());
        assert!(common::shows(&h, "targte"), "{screen:?}: the banner");
        for target in ["Cible ≤ 20 jeunes", "Cible ≤ 12 jours", "Cible ≥ 90 %"] {
            assert_eq!(
                drawn_in_cards(&h, target),
                1,
                "{screen:?}: {target:?} is cut"
            );
        }
    }
}

#[test]
fn a_card_shows_what_fits_and_counts_the_rest_and_opens_with_every_entry() {
    // (what each entry says, the section's title, how many the board holds)
    let lists = [
        ("Action numéro", "Plan d'action", 12),
        ("Idée ", "Idées d'amélioration", 9),
        ("Annonce ", "Babillard", 7),
        ("J-10", "Trajectoire des jeunes", 9),
    ];
    for screen in SCREENS {
        for (entry, title, total) in lists {
            let mut h = on_screen(screen, "accueil-jeunesse");
            // Every entry lies whole in its card or is counted in a "+N".
            let drawn = drawn_in_cards(&h, entry);
            let counted = counted(&h, title);
            assert_eq!(
                drawn + counted,
                total,
                "{title} at {screen:?}: {drawn} drawn, {counted} counted"
            );
            if counted > 0 {
                open(&mut h, title);
                h.run();
                // Opened, the section holds them all (the card stays behind it).
                let opened = h.query_all_by_label_contains(entry).count();
                assert!(opened >= total, "{title} at {screen:?}: {opened}");
            }
        }
        // The overdue actions come first: the first was due first.
        let h = on_screen(screen, "accueil-jeunesse");
        assert!(
            h.query_all_by_label_contains("Action numéro 0 ")
                .any(|n| !is_correct_target(&n)),
            "{screen:?}"
        );
        // Who is here: each member's name drawn, or counted.
        let members = [
            "Amélie R.",
            "Benoît T.",
            "Chloé D.",
            "Dominic L.",
            "Élise M.",
            "Farid K.",
        ];
        let cards = cards(&h);
        let drawn = members
            .iter()
            .filter(|m| {
                h.query_all_by_role_and_label(egui::accesskit::Role::Button, m)
                    .any(|n| cards.iter().any(|c| c.contains_rect(n.rect())))
            })
            .count();
        assert_eq!(drawn + counted(&h, "Présences"), 6, "{screen:?}");
    }
}

#[test]
fn a_portrait_screen_reflows_the_grid_and_breaks_no_word() {
    let h = on_screen((1080.0, 1920.0), "accueil-jeunesse");
    // The trajectory's stages keep their names whole or cut with "…", never broken.
    for stage in ["Réception (4)", "Analyse (3)"] {
        let node = h.get_by_label(stage);
        assert!(node.rect().width() >= 100.0, "{stage}: {:?}", node.rect());
    }
    let reflowed = huddle::ui::grid_kind(egui::vec2(1080.0, 1700.0), &board("accueil-jeunesse"));
    assert_eq!(reflowed, huddle::ui::GridKind::Reflowed(3));
    let wide = huddle::ui::grid_kind(egui::vec2(1920.0, 900.0), &board("accueil-jeunesse"));
    assert_eq!(wide, huddle::ui::GridKind::Main);
}

/// How many entries of the section titled `title` its card counts in its "+N autres" cues.
fn counted(h: &Harness<'_, KioskApp>, title: &str) -> usize {
    h.query_all_by_label_contains(&format!(" : {title}"))
        .filter_map(|n| {
            let label = n.accesskit_node().label().unwrap_or_default();
            let count = label.strip_prefix('+')?.split(' ').next()?;
            count.parse::<usize>().ok()
        })
        .sum()
}

/// Taps the first "+N" cue of the section titled `title`, which opens it.
fn open(h: &mut Harness<'_, KioskApp>, title: &str) {
    h.query_all_by_label_contains(&format!(" : {title}"))
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with('+'))
        })
        .expect("a cue")
        .click();
}

/// Whether `text` is drawn somewhere whole, not cut with "…".
fn drawn_whole(h: &Harness<'_, KioskApp>, text: &str) -> bool {
    h.output().shapes.iter().any(|clipped| {
        matches!(&clipped.shape, egui::Shape::Text(t) if t.galley.job.text == text && !t.galley.elided)
    })
}

fn board(id: &str) -> huddle::model::Board {
    huddle::layout::load_dir(&common::examples())
        .unwrap()
        .into_iter()
        .filter_map(|r| r.board)
        .find(|b| b.id == id)
        .unwrap()
}

#[test]
fn a_second_tap_on_the_safety_cross_lands_on_the_same_day() {
    for screen in [(1366.0, 768.0), (1920.0, 1080.0), (3840.0, 2160.0)] {
        let mut h = on_screen(screen, "accueil-jeunesse");
        h.get_by_label("Touchez pour saisir : Croix de sécurité")
            .click();
        h.run();
        let first = h.get_by_label("lun. 2 nov.").rect();
        assert!(first.width() >= 48.0, "{screen:?}: {first:?}");
        h.get_by_label("lun. 2 nov.").click();
        h.run();
        // The note for the day opened beside the cross: the days did not move.
        assert_eq!(h.get_by_label("lun. 2 nov.").rect(), first, "{screen:?}");
        h.get_by_label("lun. 2 nov.").click();
        h.run();
        assert_eq!(h.get_by_label("lun. 2 nov.").rect(), first, "{screen:?}");
    }
}

#[test]
fn facilitator_mode_open_keeps_the_top_bar_on_a_small_screen() {
    // A title of 40 characters, the most the bar promises to show whole at 1280 pixels.
    let title = "Accueil, analyse et orientation — Laval.";
    assert_eq!(title.chars().count(), 40);
    let dir = examples_with(
        "title = \"Accueil jeunesse — AAOR\"",
        &format!("title = \"{title}\""),
    );
    let screen = (1280.0, 800.0);
    let mut h = harness(screen, common::app(dir.path(), Some("accueil-jeunesse")));
    h.get_by_label("Mode animateur").click();
    h.run();
    h.get_by_label("Ouvrir").click();
    h.run();
    assert!(h.state().facilitator_open());
    // Close the panel it opens on, back to the board with its wider "⚙ Animateur" button.
    if let Some(close) = h.query_all_by_label_contains("Fermer").last() {
        close.click();
        h.run();
    }
    let bounds = bounds(screen);
    assert!(drawn_whole(&h, title), "the 40-character title is cut");
    let title = h.get_by_label(title).rect();
    let facilitator = h.get_by_label("Mode animateur").rect();
    assert!(bounds.contains_rect(facilitator), "{facilitator:?}");
    // Nothing on the bar is drawn over the title: the clock and every button stand to its
    // right.
    let clock = h.get_by_label_contains("08:25").rect();
    assert!(
        title.right() <= clock.left(),
        "the title {title:?} runs under the clock {clock:?}"
    );
    for node in h.query_all_by_role(egui::accesskit::Role::Button) {
        assert!(
            bounds.contains_rect(node.rect()),
            "{:?} off screen",
            node.accesskit_node().label()
        );
    }
}

/// Each text drawn and seen on screen: where, its smallest font size in points, its words.
fn texts(h: &Harness<'_, KioskApp>) -> Vec<(egui::Rect, f32, String)> {
    fn walk(shape: &egui::Shape, clip: egui::Rect, out: &mut Vec<(egui::Rect, f32, String)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, clip, out)),
            egui::Shape::Text(t) if !t.galley.is_empty() => {
                let rect = t.galley.rect.translate(t.pos.to_vec2());
                let size = t
                    .galley
                    .job
                    .sections
                    .iter()
                    .map(|s| s.format.font_id.size)
                    .fold(f32::INFINITY, f32::min);
                // Only what shows: a text clipped away carries nothing to the reader.
                if rect.intersect(clip).height() >= rect.height() * 0.5 {
                    out.push((rect, size, t.galley.job.text.clone()));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}

/// The cards drawn: white rounded rectangles.
fn cards(h: &Harness<'_, KioskApp>) -> Vec<egui::Rect> {
    h.output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Rect(r) if r.fill == egui::Color32::WHITE && r.corner_radius.nw == 14 => {
                Some(r.rect)
            }
            _ => None,
        })
        .collect()
}

/// The smallest text of each section kind, in pixels, on a board at a screen size.
fn smallest_text(pixels: (f32, f32), board_id: &str) -> BTreeMap<String, f32> {
    let scale = huddle::ui::theme::auto_scale(egui::vec2(pixels.0, pixels.1));
    let h = on_screen(pixels, board_id);
    let board = board(board_id);
    let texts = texts(&h);
    let mut smallest = BTreeMap::new();
    for card in cards(&h) {
        let inside: Vec<_> = texts
            .iter()
            .filter(|(r, ..)| card.contains(r.center()))
            .collect();
        let Some(section) = board
            .sections
            .iter()
            .find(|s| inside.iter().any(|(_, _, words)| *words == s.title))
        else {
            continue;
        };
        let kind = format!("{:?}", section.kind)
            .split(['(', ' ', '{'])
            .next()
            .unwrap_or_default()
            .to_owned();
        let least = inside
            .iter()
            .map(|(_, size, _)| size * scale)
            .fold(f32::INFINITY, f32::min);
        let entry = smallest.entry(kind).or_insert(f32::INFINITY);
        *entry = entry.min(least);
    }
    smallest
}

#[test]
fn nothing_that_carries_information_is_under_16_pixels_at_1080p() {
    for board in ["accueil-jeunesse", "gestion-jeunesse"] {
        for (pixels, least) in [((1920.0, 1080.0), 16.0), ((3840.0, 2160.0), 32.0)] {
            let smallest = smallest_text(pixels, board);
            eprintln!("{board} at {pixels:?}: smallest text per section kind (px): {smallest:?}");
            assert!(smallest.len() >= 3, "{board}: {smallest:?}");
            for (kind, px) in &smallest {
                assert!(
                    *px >= least - 0.01,
                    "{board} at {pixels:?}: {kind} has text of {px} px"
                );
            }
        }
    }
}

#[test]
fn the_units_table_shows_what_fits_and_counts_the_rest() {
    // A manager's board over nine teams, none of which has sent a snapshot yet.
    let teams: Vec<String> = (1..=9).map(|i| format!("equipe-{i}")).collect();
    let dir = examples_with(
        "boards = [\"accueil-jeunesse\", \"youth-follow-up\"]",
        &format!("boards = {teams:?}"),
    );
    for team in &teams {
        let file = format!(
            "[board]\nid = \"{team}\"\ntitle = \"{team}\"\nparent = \"gestion-jeunesse\"\n\
             columns = 1\nrows = 1\n\n[[section]]\nid = \"notes\"\nkind = \"notes\"\n\
             title = \"Notes\"\ncolumn = 1\nrow = 1\n"
        );
        std::fs::write(dir.path().join(format!("{team}.toml")), file).unwrap();
    }
    for pixels in SCREENS {
        let mut h = harness(pixels, common::app(dir.path(), Some("gestion-jeunesse")));
        // A row counts as drawn when it lies whole inside the card.
        let drawn = drawn_in_cards(&h, "equipe-");
        let counted = counted(&h, "Nos équipes");
        assert_eq!(
            drawn + counted,
            9,
            "{pixels:?}: {drawn} drawn, {counted} counted"
        );
        // Every header drawn stands inside a card, never cut by its edge.
        let cards = cards(&h);
        for header in ["Unité", "Signaux", "Photo"] {
            if let Some(node) = h.query_by_label(header) {
                let rect = node.rect();
                assert!(
                    cards.iter().any(|c| c.contains_rect(rect)),
                    "{pixels:?}: {header} at {rect:?} runs out of its card"
                );
            }
        }
        if counted > 0 {
            open(&mut h, "Nos équipes");
            h.run();
            // Opened, the table holds all nine, over the card left behind it.
            assert!(
                h.query_all_by_label_contains("equipe-").count() >= 9,
                "{pixels:?}"
            );
        }
    }
}

#[test]
fn a_managers_small_card_shows_escalations_even_when_their_buttons_do_not_fit() {
    use huddle::model::{Edit, Origin};
    let seed = |store: &mut huddle::store::Store| {
        for i in 1..=3 {
            let change = Edit::RaiseEscalation {
                title: format!("Pas de local pour les groupes {i}"),
                why: "La salle est prise".into(),
                to: Some("gestion-jeunesse".into()),
                due: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
            }
            .into_change(
                "accueil-jeunesse",
                "escalades",
                "Julie",
                Origin::Screen,
                chrono::DateTime::parse_from_rfc3339("2026-11-16T09:00:00Z")
                    .unwrap()
                    .with_timezone(&chrono::Utc),
            )
            .unwrap();
            store.apply(&change).unwrap();
        }
    };
    for pixels in SCREENS {
        let app = common::app_with(&common::examples(), Some("gestion-jeunesse"), seed);
        let h = harness(pixels, app);
        let drawn = drawn_in_cards(&h, "▼ Pas de local pour les groupes");
        let title = "Escalades reçues et envoyées";
        assert!(drawn >= 1, "{pixels:?}: no escalation shows");
        assert_eq!(drawn + counted(&h, title), 3, "{pixels:?}");
    }
}

#[test]
fn a_huddle_can_be_run_to_its_end_on_every_screen() {
    for pixels in SCREENS {
        let mut h = on_screen(pixels, "accueil-jeunesse");
        let bounds = bounds(pixels);
        h.get_by_label("Commencer le caucus").click();
        h.run();
        h.get_by_label("▶  Commencer").click();
        h.run();
        assert!(h.state().huddle().is_some(), "{pixels:?}");
        for label in ["Suivant  ▶", "Noter une décision", "Terminer le caucus"] {
            let rect = h.get_by_label(label).rect();
            assert!(
                bounds.contains_rect(rect),
                "{pixels:?}: {label} at {rect:?}"
            );
        }
        // Beside the panel, the action plan still shows an action, not only its count.
        let actions = drawn_in_cards(&h, "Action numéro");
        assert!(
            actions >= 1,
            "{pixels:?}: no action shows beside the huddle"
        );
    }
}

#[test]
fn what_does_not_fit_on_the_top_bar_is_one_tap_away_in_its_menu() {
    let mut h = on_screen((1080.0, 1920.0), "accueil-jeunesse");
    // Portrait: the board above, who is here and the switcher are in the menu.
    assert!(h.query_by_label("☰  Tableaux").is_none());
    for item in [
        "☰  Tableaux",
        "⬆ Gestion — Services jeunesse",
        "☺ Qui êtes-vous?",
    ] {
        h.get_by_label("☰  Menu").click();
        h.run();
        h.get_by_label(item).click();
        h.run();
        let state = h.state().ui_state();
        assert!(!state.menu_open, "{item}: the menu closes");
        match item {
            "☰  Tableaux" => assert!(state.switcher_open),
            "☺ Qui êtes-vous?" => assert!(state.person_picker_open),
            _ => assert_eq!(h.state().current_board(), Some("gestion-jeunesse")),
        }
        h = on_screen((1080.0, 1920.0), "accueil-jeunesse");
    }
}
