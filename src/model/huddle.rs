//! The huddle: the record a team keeps of each one (who came, who held which role, how long
//! each agenda item took, what was decided), the running session that fills it in, the
//! rotation of roles and the regularity of the ritual.
//!
//! Plain data and pure functions: the time comes in as arguments, so that a session can be
//! replayed minute by minute in tests.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::board::{Board, HuddleSpec};
use super::change::Fields;

/// The three roles of a huddle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Leads the huddle through its agenda.
    Facilitator,
    /// Notes decisions and follow-ups.
    Secretary,
    /// Keeps each item to its time.
    Timekeeper,
}

impl Role {
    /// The roles in the order they are chosen.
    pub const ALL: [Role; 3] = [Role::Facilitator, Role::Secretary, Role::Timekeeper];
}

/// Who holds each role.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roles {
    /// Leads the huddle.
    pub facilitator: Option<String>,
    /// Takes notes.
    pub secretary: Option<String>,
    /// Keeps time.
    pub timekeeper: Option<String>,
}

impl Roles {
    /// Who holds `role`.
    pub fn get(&self, role: Role) -> Option<&str> {
        match role {
            Role::Facilitator => self.facilitator.as_deref(),
            Role::Secretary => self.secretary.as_deref(),
            Role::Timekeeper => self.timekeeper.as_deref(),
        }
    }

    /// Gives `role` to `who`.
    pub fn set(&mut self, role: Role, who: Option<String>) {
        match role {
            Role::Facilitator => self.facilitator = who,
            Role::Secretary => self.secretary = who,
            Role::Timekeeper => self.timekeeper = who,
        }
    }
}

/// A decision or follow-up noted on an agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// What was decided.
    pub text: String,
    /// The action it became, if it did.
    #[serde(default)]
    pub action: Option<String>,
}

/// One agenda item as it went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    /// The section discussed.
    pub section: String,
    /// The item's title.
    pub title: String,
    /// Seconds planned.
    pub planned_s: i64,
    /// Seconds spent.
    pub spent_s: i64,
    /// Decisions and follow-ups noted on it.
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

/// An entry created during the huddle (an action, an escalation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    /// The record's id.
    pub id: String,
    /// Its title.
    pub title: String,
}

/// What is kept of one huddle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HuddleRecord {
    /// The day it was held.
    pub date: NaiveDate,
    /// When it started (local time).
    pub started: NaiveDateTime,
    /// How long it lasted, in seconds.
    pub duration_s: i64,
    /// Who attended.
    pub attendees: Vec<String>,
    /// Who held the roles.
    pub roles: Roles,
    /// The agenda items, in order.
    pub items: Vec<ItemRecord>,
    /// Actions created during the huddle.
    #[serde(default)]
    pub actions: Vec<Created>,
    /// Escalations raised during the huddle.
    #[serde(default)]
    pub escalations: Vec<Created>,
    /// Whether the huddle was ended (a record still running was cut short by a restart).
    #[serde(default)]
    pub ended: bool,
}

impl HuddleRecord {
    /// The record as the fields of a store record.
    pub fn to_fields(&self) -> Fields {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => map.into_iter().collect(),
            _ => Fields::new(),
        }
    }

    /// Reads a record back from its fields; `None` if they do not make one.
    pub fn from_fields(fields: &Fields) -> Option<Self> {
        let map: serde_json::Map<String, serde_json::Value> =
            fields.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        serde_json::from_value(serde_json::Value::Object(map)).ok()
    }

    /// All decisions, in agenda order.
    pub fn decisions(&self) -> impl Iterator<Item = &Decision> {
        self.items.iter().flat_map(|i| i.decisions.iter())
    }
}

/// The agenda a huddle follows: the board file's, or, when it names no item, every section in
/// the file's order with the huddle's minutes shared between them.
pub fn agenda(board: &Board, spec: &HuddleSpec) -> Vec<ItemRecord> {
    let item = |section: &str, title: &str, minutes: f64| ItemRecord {
        section: section.to_owned(),
        title: title.to_owned(),
        planned_s: (minutes * 60.0).round() as i64,
        spent_s: 0,
        decisions: Vec::new(),
    };
    if spec.agenda.is_empty() {
        let share = f64::from(spec.minutes) / board.sections.len().max(1) as f64;
        return board
            .sections
            .iter()
            .map(|s| item(&s.id, &s.title, share))
            .collect();
    }
    spec.agenda
        .iter()
        .map(|a| {
            let title = a
                .title
                .clone()
                .or_else(|| board.section(&a.section).map(|s| s.title.clone()))
                .unwrap_or_else(|| a.section.clone());
            item(&a.section, &title, f64::from(a.minutes))
        })
        .collect()
}

/// A huddle under way: the record being filled in, the item on screen and when it came up.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The id of the huddle's record in the store.
    pub id: String,
    /// The board it is held at.
    pub board: String,
    /// The record so far (times of the current item not yet added).
    pub record: HuddleRecord,
    /// The agenda item on screen.
    pub current: usize,
    /// When the current item came up.
    pub item_started: NaiveDateTime,
}

impl Session {
    /// Starts a huddle now.
    pub fn start(
        id: String,
        board: &str,
        items: Vec<ItemRecord>,
        attendees: Vec<String>,
        roles: Roles,
        now: NaiveDateTime,
    ) -> Self {
        Session {
            id,
            board: board.to_owned(),
            record: HuddleRecord {
                date: now.date(),
                started: now,
                duration_s: 0,
                attendees,
                roles,
                items,
                actions: Vec::new(),
                escalations: Vec::new(),
                ended: false,
            },
            current: 0,
            item_started: now,
        }
    }

    /// Takes up a huddle whose record was kept but not ended (the kiosk restarted during it):
    /// at the last item it had reached, its clock going on from now.
    pub fn resume(id: String, board: &str, record: HuddleRecord, now: NaiveDateTime) -> Self {
        let current = record
            .items
            .iter()
            .rposition(|i| i.spent_s > 0)
            .unwrap_or(0);
        Session {
            id,
            board: board.to_owned(),
            record,
            current,
            item_started: now,
        }
    }

    /// Seconds since the huddle started.
    pub fn total_s(&self, now: NaiveDateTime) -> i64 {
        (now - self.record.started).num_seconds().max(0)
    }

    /// Seconds planned for the whole huddle.
    pub fn planned_s(&self) -> i64 {
        self.record.items.iter().map(|i| i.planned_s).sum()
    }

    /// Seconds spent on item `index` so far, the running item included.
    pub fn spent_s(&self, index: usize, now: NaiveDateTime) -> i64 {
        let before = self.record.items.get(index).map_or(0, |i| i.spent_s);
        if index == self.current {
            before + (now - self.item_started).num_seconds().max(0)
        } else {
            before
        }
    }

    /// Seconds left on the current item; negative when it runs over.
    pub fn left_s(&self, now: NaiveDateTime) -> i64 {
        let planned = self
            .record
            .items
            .get(self.current)
            .map_or(0, |i| i.planned_s);
        planned - self.spent_s(self.current, now)
    }

    /// Moves to item `index` (next, previous or any other), counting the time of the item left.
    pub fn go_to(&mut self, index: usize, now: NaiveDateTime) {
        if index >= self.record.items.len() || index == self.current {
            return;
        }
        self.bank(now);
        self.current = index;
    }

    fn bank(&mut self, now: NaiveDateTime) {
        let spent = (now - self.item_started).num_seconds().max(0);
        if let Some(item) = self.record.items.get_mut(self.current) {
            item.spent_s += spent;
        }
        self.item_started = now;
    }

    /// Notes a decision on the current item; returns where it is (item, index).
    pub fn note_decision(&mut self, text: String) -> Option<(usize, usize)> {
        let item = self.record.items.get_mut(self.current)?;
        item.decisions.push(Decision { text, action: None });
        Some((self.current, item.decisions.len() - 1))
    }

    /// Corrects the words of a decision noted (item, index); whether there was one to correct.
    /// A decision already made an action keeps its link: the action is corrected on its own.
    pub fn correct_decision(&mut self, (item, index): (usize, usize), text: String) -> bool {
        match self
            .record
            .items
            .get_mut(item)
            .and_then(|i| i.decisions.get_mut(index))
        {
            Some(decision) => {
                decision.text = text;
                true
            }
            None => false,
        }
    }

    /// The record as it stands now, the running item's time included.
    pub fn snapshot(&self, now: NaiveDateTime) -> HuddleRecord {
        let mut copy = self.clone();
        copy.bank(now);
        copy.record.duration_s = self.total_s(now);
        copy.record
    }

    /// Ends the huddle: the record to keep.
    pub fn finish(mut self, now: NaiveDateTime) -> HuddleRecord {
        self.bank(now);
        self.record.duration_s = self.total_s(now);
        self.record.ended = true;
        self.record
    }
}

/// Suggests who holds each role among those present: for each role, whoever held it least
/// recently (never first, then longest ago), one person per role while there are enough people.
/// `past` is the board's earlier huddles, in any order.
pub fn suggest_roles(present: &[String], past: &[HuddleRecord]) -> Roles {
    let mut roles = Roles::default();
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    for role in Role::ALL {
        let last_held = |who: &str| {
            past.iter()
                .filter(|r| r.roles.get(role) == Some(who))
                .map(|r| r.started)
                .max()
        };
        let free: Vec<&String> = present
            .iter()
            .filter(|p| !taken.contains(p.as_str()))
            .collect();
        let pool = if free.is_empty() {
            present.iter().collect()
        } else {
            free
        };
        // `min_by_key` keeps the first of equals: the members' order breaks ties.
        if let Some(who) = pool.into_iter().min_by_key(|p| last_held(p)) {
            taken.insert(who);
            roles.set(role, Some(who.clone()));
        }
    }
    roles
}

/// How regular the ritual is: the last huddle, and how many were held in the four weeks up to
/// `today` against the working days in them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Regularity {
    /// The most recent huddle.
    pub last: Option<HuddleRecord>,
    /// Days with a huddle in the last 28 days, today included.
    pub held: usize,
    /// Working days (Monday to Friday) in those 28 days.
    pub working_days: usize,
}

/// The regularity of the huddles in `records` as of `today`. A huddle counts once it is ended,
/// or once its day is over (one cut short by a restart was held all the same); today's huddle
/// under way does not count yet.
pub fn regularity(records: &[HuddleRecord], today: NaiveDate) -> Regularity {
    let from = today - chrono::Duration::days(27);
    let held = || records.iter().filter(|r| r.ended || r.date < today);
    let days: BTreeSet<NaiveDate> = held()
        .map(|r| r.date)
        .filter(|d| *d >= from && *d <= today)
        .collect();
    let working_days = super::calendar::working_days_in(from, 28);
    Regularity {
        last: held().max_by_key(|r| r.started).cloned(),
        held: days.len(),
        working_days,
    }
}

/// A duration as a clock shows it: 4:05, 12:00, 1:02:03.
pub fn clock_text(seconds: i64) -> String {
    let s = seconds.abs();
    let sign = if seconds < 0 { "-" } else { "" };
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{sign}{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike as _;

    fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(h, m, s))
            .unwrap_or_default()
    }

    fn items() -> Vec<ItemRecord> {
        ["a", "b", "c"]
            .iter()
            .map(|s| ItemRecord {
                section: (*s).to_owned(),
                title: s.to_uppercase(),
                planned_s: 120,
                spent_s: 0,
                decisions: Vec::new(),
            })
            .collect()
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn time_is_counted_per_item_including_going_back() {
        let mut s = Session::start(
            "h".into(),
            "b",
            items(),
            names(&["A"]),
            Roles::default(),
            at(8, 30, 0),
        );
        assert_eq!(s.left_s(at(8, 31, 30)), 30);
        s.go_to(1, at(8, 32, 30)); // a: 150 s, 30 s over
        assert_eq!(s.left_s(at(8, 35, 0)), -30, "b runs over");
        s.go_to(0, at(8, 35, 0)); // b: 150 s
        assert_eq!(
            s.spent_s(0, at(8, 35, 10)),
            160,
            "a again: its time goes on"
        );
        s.go_to(2, at(8, 35, 20)); // a: 170 s
        s.note_decision("Call the lab".into());
        let record = s.finish(at(8, 37, 0)); // c: 100 s
        let spent: Vec<i64> = record.items.iter().map(|i| i.spent_s).collect();
        assert_eq!(spent, [170, 150, 100]);
        assert_eq!(record.duration_s, 420);
        assert!(record.ended);
        assert_eq!(record.items[2].decisions[0].text, "Call the lab");
    }

    #[test]
    fn a_record_survives_the_store_fields() {
        let mut s = Session::start(
            "h".into(),
            "b",
            items(),
            names(&["A", "B"]),
            Roles {
                facilitator: Some("A".into()),
                ..Roles::default()
            },
            at(8, 30, 0),
        );
        s.note_decision("x".into());
        let record = s.finish(at(8, 40, 0));
        assert_eq!(HuddleRecord::from_fields(&record.to_fields()), Some(record));
        assert_eq!(HuddleRecord::from_fields(&Fields::new()), None);
    }

    fn held(day: u32, facilitator: &str, secretary: &str) -> HuddleRecord {
        let started = NaiveDate::from_ymd_opt(2026, 11, day)
            .and_then(|d| d.and_hms_opt(8, 30, 0))
            .unwrap_or_default();
        HuddleRecord {
            date: started.date(),
            started,
            duration_s: 600,
            attendees: Vec::new(),
            roles: Roles {
                facilitator: Some(facilitator.into()),
                secretary: Some(secretary.into()),
                timekeeper: None,
            },
            items: Vec::new(),
            actions: Vec::new(),
            escalations: Vec::new(),
            ended: true,
        }
    }

    #[test]
    fn the_facilitator_rotates_to_whoever_led_least_recently() {
        let present = names(&["Ana", "Ben", "Chloé", "Dev"]);
        // Nobody has led yet: the members' order, one person per role.
        let first = suggest_roles(&present, &[]);
        assert_eq!(first.facilitator.as_deref(), Some("Ana"));
        assert_eq!(first.secretary.as_deref(), Some("Ben"));
        assert_eq!(first.timekeeper.as_deref(), Some("Chloé"));
        // Ana led on the 18th, Ben on the 19th, Chloé on the 20th: Dev never has.
        let past = [
            held(18, "Ana", "Dev"),
            held(19, "Ben", "Ana"),
            held(20, "Chloé", "Ben"),
        ];
        let next = suggest_roles(&present, &past);
        assert_eq!(next.facilitator.as_deref(), Some("Dev"));
        // Secretary: Chloé never was (Dev is already facilitating).
        assert_eq!(next.secretary.as_deref(), Some("Chloé"));
        // Dev absent: Ana led longest ago.
        let without_dev = suggest_roles(&names(&["Ana", "Ben", "Chloé"]), &past);
        assert_eq!(without_dev.facilitator.as_deref(), Some("Ana"));
        // Two people for three roles: someone holds two.
        let two = suggest_roles(&names(&["Ana", "Ben"]), &[]);
        assert!(two.timekeeper.is_some());
        assert_eq!(suggest_roles(&[], &past), Roles::default());
    }

    #[test]
    fn regularity_counts_days_with_a_huddle_in_four_weeks() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        // Two huddles on the 20th count once; the 26th of October is out of the window.
        let records = [
            held(20, "A", "B"),
            held(20, "B", "A"),
            held(19, "A", "B"),
            HuddleRecord {
                date: NaiveDate::from_ymd_opt(2026, 10, 26).unwrap_or_default(),
                ..held(19, "A", "B")
            },
        ];
        let r = regularity(&records, today);
        assert_eq!(r.held, 2);
        assert_eq!(r.working_days, 20);
        assert_eq!(r.last.map(|l| l.date.day()), Some(20));
        assert_eq!(regularity(&[], today).held, 0);
        // Today's huddle under way does not count yet; one of an earlier day cut short does.
        let running = HuddleRecord {
            date: today,
            ended: false,
            ..held(19, "A", "B")
        };
        let cut_short = HuddleRecord {
            ended: false,
            ..held(18, "A", "B")
        };
        let r = regularity(&[running, cut_short], today);
        assert_eq!(r.held, 1);
        assert_eq!(r.last.map(|l| l.date.day()), Some(18));
    }

    #[test]
    fn clocks_read_as_people_read_them() {
        assert_eq!(clock_text(245), "4:05");
        assert_eq!(clock_text(-45), "-0:45");
        assert_eq!(clock_text(3723), "1:02:03");
    }
}
