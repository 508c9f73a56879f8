//! A huddle from start to end, by touch: who is here, the roles suggested in rotation, the
//! agenda item by item against the clock, a decision that becomes an action, and the record
//! kept in the store.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use huddle::app::{Clock, KioskApp};
use huddle::model::huddle::{HuddleRecord, Roles};
use huddle::model::{Edit, EntryKind, Origin};

const BOARD: &str = "accueil-jeunesse";

fn at(day: u32, h: u32, m: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(h, m, s))
        .unwrap()
}

/// Friday's huddle: Amélie facilitated, Chloé took notes, Benoît kept time.
fn fridays_huddle(store: &mut huddle::store::Store) {
    let record = HuddleRecord {
        date: at(20, 8, 30, 0).date(),
        started: at(20, 8, 30, 0),
        duration_s: 840,
        attendees: vec!["Amélie R.".into(), "Benoît T.".into(), "Chloé D.".into()],
        roles: Roles {
            facilitator: Some("Amélie R.".into()),
            secretary: Some("Chloé D.".into()),
            timekeeper: Some("Benoît T.".into()),
        },
        items: Vec::new(),
        actions: Vec::new(),
        escalations: Vec::new(),
        ended: true,
    };
    let change = Edit::SaveHuddle {
        id: "friday".into(),
        record: Box::new(record),
    }
    .into_change(
        BOARD,
        "huddle",
        "Chloé D.",
        Origin::Screen,
        chrono::Utc::now(),
    )
    .unwrap();
    store.apply(&change).unwrap();
}

fn tap(h: &mut Harness<'_, KioskApp>, label: &str) {
    h.get_all_by_label(label).last().expect(label).click();
    h.run();
}

fn set_time(h: &mut Harness<'_, KioskApp>, t: NaiveDateTime) {
    h.state_mut().set_clock(Clock::Fixed(t));
    h.run();
}

fn records(h: &Harness<'_, KioskApp>, kind: EntryKind) -> Vec<huddle::store::Record> {
    let store = h.state().store().unwrap();
    let all = store.records(BOARD).unwrap();
    all.into_iter().filter(|r| r.kind == kind).collect()
}

#[test]
fn a_huddle_from_start_to_end_is_kept_in_the_store() {
    let app = common::app_with(&common::examples(), Some(BOARD), fridays_huddle);
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    h.get_by_label("Dernier caucus : ven. 20 nov., 14 min · 1/20 en 4 semaines");

    // Start: who is here, and the roles suggested so that the same person does not always lead.
    tap(&mut h, "Commencer le caucus");
    for name in ["Amélie R.", "Benoît T.", "Chloé D."] {
        tap(&mut h, name);
    }
    let setup = h
        .state()
        .ui_state()
        .huddle_setup
        .clone()
        .expect("the start dialog");
    assert_eq!(setup.present, ["Amélie R.", "Benoît T.", "Chloé D."]);
    assert_eq!(setup.roles.facilitator.as_deref(), Some("Benoît T."));
    assert_eq!(setup.roles.secretary.as_deref(), Some("Amélie R."));
    assert_eq!(setup.roles.timekeeper.as_deref(), Some("Chloé D."));
    h.get_by_label("★ suggéré : Benoît T.");
    // The team picks someone else to keep time.
    tap(&mut h, "Gardien du temps : Amélie R.");
    tap(&mut h, "▶  Commencer");
    let session = h.state().huddle().expect("a huddle under way");
    assert_eq!(
        session.record.roles.timekeeper.as_deref(),
        Some("Amélie R.")
    );
    assert_eq!(session.current, 0);
    // Kept at once, and the people here are marked present on the board.
    assert_eq!(records(&h, EntryKind::Huddle).len(), 2);
    assert_eq!(records(&h, EntryKind::Attendance).len(), 3);
    // A huddle is held at its board: no switching away.
    assert!(h.query_by_label_contains("Tableaux").is_none());

    // Item 1 runs 30 s over its minute: said gently, not hidden.
    set_time(&mut h, at(23, 8, 26, 30));
    h.get_by_label("Dépassé de 0:30");
    tap(&mut h, "Suivant  ▶");
    assert_eq!(h.state().huddle().unwrap().current, 1);
    set_time(&mut h, at(23, 8, 26, 50));
    h.get_by_label("0:40");

    // A decision on the mood item, then an action made of it in one tap.
    tap(&mut h, "Noter une décision");
    assert!(
        h.state().ui_state().decision.is_some(),
        "the decision dialog"
    );
    let field = h.get_by_role(Role::TextInput);
    field.focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text("Appeler le labo");
    h.run();
    tap(&mut h, "✓  Enregistrer");
    assert!(h.state().ui_state().decision.is_none());
    h.get_by_label("◆ Appeler le labo");
    // A tap on its words corrects it, kept at once with the huddle's record.
    tap(&mut h, "Corriger : Appeler le labo");
    h.get_by_label_contains("✎ Corriger");
    h.get_by_role(Role::TextInput).focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text(" demain");
    h.run();
    tap(&mut h, "✓  Enregistrer");
    assert!(h.state().ui_state().decision.is_none());
    h.get_by_label("◆ Appeler le labo demain");
    assert_eq!(
        h.state().huddle().unwrap().record.items[1].decisions.len(),
        1,
        "corrected, not noted twice"
    );
    let kept = records(&h, EntryKind::Huddle)
        .iter()
        .filter_map(|r| HuddleRecord::from_fields(&r.fields))
        .any(|r| r.decisions().any(|d| d.text == "Appeler le labo demain"));
    assert!(kept, "the correction is kept in the store at once");
    tap(&mut h, "En faire une action : Appeler le labo demain");
    let actions = records(&h, EntryKind::Action);
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].fields["title"], "Appeler le labo demain");
    h.get_by_label("✓ devenue une action");

    // Jump to the waiting list, spend two minutes there, end.
    set_time(&mut h, at(23, 8, 27, 10));
    tap(&mut h, "4. Liste d'attente");
    set_time(&mut h, at(23, 8, 29, 10));
    tap(&mut h, "Terminer le caucus");
    h.get_by_label("Durée : 4:10 / 15:00");
    h.get_by_label("Décisions : 1 · actions créées : 1 · escalades : 0");
    tap(&mut h, "✓  Enregistrer et terminer");
    assert!(h.state().huddle().is_none());

    // The record, through the store.
    let kept: Vec<HuddleRecord> = records(&h, EntryKind::Huddle)
        .iter()
        .filter_map(|r| HuddleRecord::from_fields(&r.fields))
        .filter(|r| r.date == at(23, 0, 0, 0).date())
        .collect();
    assert_eq!(kept.len(), 1);
    let record = &kept[0];
    assert!(record.ended);
    assert_eq!(record.started, at(23, 8, 25, 0));
    assert_eq!(record.duration_s, 250);
    assert_eq!(record.attendees, ["Amélie R.", "Benoît T.", "Chloé D."]);
    assert_eq!(record.roles.facilitator.as_deref(), Some("Benoît T."));
    let spent: Vec<i64> = record.items.iter().map(|i| i.spent_s).collect();
    assert_eq!(spent, [90, 40, 0, 120, 0, 0, 0, 0]);
    assert_eq!(record.items[1].section, "humeur");
    assert_eq!(
        record.items[1].decisions[0].action.as_deref(),
        Some(actions[0].id.as_str())
    );
    assert_eq!(record.actions.len(), 1);
    // The board says so.
    h.get_by_label("Dernier caucus : lun. 23 nov., 4 min · 2/20 en 4 semaines");
    assert!(h.query_by_label_contains("Tableaux").is_some());
}

#[test]
fn cancelling_the_start_dialog_starts_nothing() {
    let mut h = common::kiosk(&common::examples(), Some(BOARD));
    h.run();
    h.get_by_label("Aucun caucus noté encore");
    tap(&mut h, "Commencer le caucus");
    assert!(h.state().ui_state().huddle_setup.is_some());
    tap(&mut h, "✕  Annuler");
    assert!(h.state().ui_state().huddle_setup.is_none());
    assert!(h.state().huddle().is_none());
    assert!(records(&h, EntryKind::Huddle).is_empty());
}

#[test]
fn a_kiosk_restarted_during_a_huddle_takes_it_up_again() {
    use huddle::ui::UiCommand;
    let data = tempfile::tempdir().unwrap();
    let open = |t: NaiveDateTime| {
        KioskApp::new(
            common::examples(),
            Some(BOARD.into()),
            Clock::Fixed(t),
            huddle::store::Store::open(data.path()),
        )
    };
    let mut first = open(at(23, 8, 25, 0));
    first.apply(UiCommand::StartHuddle {
        attendees: vec!["Chloé D.".into(), "Farid K.".into()],
        roles: Roles {
            facilitator: Some("Farid K.".into()),
            ..Roles::default()
        },
    });
    first.set_clock(Clock::Fixed(at(23, 8, 26, 0)));
    first.apply(UiCommand::HuddleGoTo(1));
    first.set_clock(Clock::Fixed(at(23, 8, 27, 0)));
    first.apply(UiCommand::NoteDecision("Revoir l'horaire".into()));
    let id = first.huddle().unwrap().id.clone();
    drop(first); // the power goes

    let again = open(at(23, 8, 28, 0));
    let session = again.huddle().expect("the huddle is taken up again");
    assert_eq!(session.id, id);
    assert_eq!(session.current, 1, "at the item it had reached");
    assert_eq!(session.record.attendees, ["Chloé D.", "Farid K."]);
    assert_eq!(
        session.record.roles.facilitator.as_deref(),
        Some("Farid K.")
    );
    assert_eq!(
        session.record.items[1].decisions[0].text,
        "Revoir l'horaire"
    );
    assert_eq!(session.total_s(at(23, 8, 28, 0)), 180);

    // In the afternoon, the morning's huddle is over: the board is not held in it.
    let afternoon = open(at(23, 14, 0, 0));
    assert!(afternoon.huddle().is_none());
}
