//! The audit trail: who changed what, when, where, in words a facilitator reads on the screen
//! and `huddle history` prints.

use chrono::{DateTime, Local, NaiveDate, Utc};
use serde_json::Value;

use crate::i18n::T;
use crate::layout::LiveBoards;
use crate::model::huddle::HuddleRecord;
use crate::model::{
    ActionEntry, AttendanceEntry, ClientEntry, Entry as _, EntryKind, EscalationEntry, Fields,
    IdeaEntry, Lang, MoodEntry, NoteEntry, Op, SafetyEntry, TestedEntry, ValueEntry,
};
use crate::store::HistoryEntry;

/// One line of the audit trail.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AuditLine {
    /// The change's id.
    pub id: String,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// Who: the team member chosen on the screen, the command line's user, a feed file.
    pub who: String,
    /// The board's id.
    pub board: String,
    /// The section's title (its id when the board file no longer has it).
    pub section: String,
    /// The kind of entry.
    pub kind: String,
    /// What happened: `added`, `changed`, `deleted` or `undo`.
    pub action: String,
    /// The entry, in a few words (an action's title, a value, a client's code…).
    pub entry: String,
    /// The fields that changed, with their new values.
    pub fields: Vec<(String, String)>,
    /// Where it was made: `screen`, `cli`, `feed` or `sync`.
    pub origin: String,
    /// The kiosk it was made on (device id).
    pub device: String,
    /// Undone later by this change, if it was.
    pub undone_by: Option<String>,
}

impl AuditLine {
    /// The line from a change of the store; `live` names sections by their titles.
    pub fn from_history(entry: &HistoryEntry, live: &LiveBoards) -> Self {
        let change = &entry.change;
        let section = live
            .board(&change.board)
            .and_then(|b| b.section(&change.section))
            .map_or_else(|| change.section.clone(), |s| s.title.clone());
        let (action, fields) = match (&change.op, &change.undoes) {
            (_, Some(_)) => ("undo", Vec::new()),
            (Op::Delete, None) => ("deleted", Vec::new()),
            (Op::Put(after), None) => match &entry.before {
                None => ("added", changed_fields(None, after)),
                Some(before) => ("changed", changed_fields(Some(before), after)),
            },
        };
        let described = match (&change.op, &entry.before) {
            // A change of a few fields (a status, a corrected owner) is named by the entry as
            // it then stood.
            (Op::Put(after), Some(before)) => {
                let mut merged = before.clone();
                merged.extend(after.iter().map(|(k, v)| (k.clone(), v.clone())));
                describe(change.kind, &merged)
            }
            (Op::Put(after), None) => describe(change.kind, after),
            (Op::Delete, _) => entry
                .before
                .as_ref()
                .map(|b| describe(change.kind, b))
                .unwrap_or_default(),
        };
        Self {
            id: change.id.clone(),
            at: change.at,
            who: change.author.clone(),
            board: change.board.clone(),
            section,
            kind: change.kind.name().to_owned(),
            action: action.to_owned(),
            entry: described,
            fields,
            origin: change.origin.name().to_owned(),
            device: entry.device.clone(),
            undone_by: entry.undone_by.clone(),
        }
    }

    /// The line in words: "23 nov. 08:41 · Marie · Plan d'action · action ajoutée « Rappeler… »".
    pub fn sentence(&self, lang: Lang) -> String {
        let local = self.at.with_timezone(&Local).naive_local();
        let mut out = format!(
            "{} {} · {} · {} · {} {}",
            crate::i18n::short_date(lang, local.date()),
            crate::i18n::time_of_day(local),
            crate::i18n::author(lang, &self.who),
            self.section,
            kind_word(lang, &self.kind),
            action_word(lang, &self.action),
        );
        if !self.entry.is_empty() {
            out.push_str(&format!(" « {} »", self.entry));
        }
        if self.action == "changed" && !self.fields.is_empty() {
            let list: Vec<String> = self
                .fields
                .iter()
                .map(|(k, v)| format!("{k} = {v}"))
                .collect();
            out.push_str(&format!(" ({})", list.join(", ")));
        }
        if self.undone_by.is_some() {
            out.push_str(" — ");
            out.push_str(T::UndoneLater.words(lang));
        }
        out
    }
}

/// The audit trail of one board (or every board), newest first, at most `limit` lines.
pub fn trail(
    store: &crate::store::Store,
    live: &LiveBoards,
    board: Option<&str>,
    limit: usize,
) -> Result<Vec<AuditLine>, crate::store::StoreError> {
    Ok(store
        .changes_newest_first(board, limit)?
        .iter()
        .map(|h| AuditLine::from_history(h, live))
        .collect())
}

/// The fields set by a change that differ from before, as `name = value`.
fn changed_fields(before: Option<&Fields>, after: &Fields) -> Vec<(String, String)> {
    after
        .iter()
        .filter(|(k, v)| before.and_then(|b| b.get(*k)) != Some(*v))
        .map(|(k, v)| (k.clone(), short(v)))
        .collect()
}

/// A field's value in a few characters.
fn short(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Null => "—".to_owned(),
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), number),
        other => other.to_string(),
    };
    cut(&text)
}

/// A text in at most 60 characters.
fn cut(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The entry in a few words, from the fields that name it.
fn describe(kind: EntryKind, fields: &Fields) -> String {
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let parts: Vec<Option<String>> = match kind {
        EntryKind::Value => {
            let v = ValueEntry::from_fields(fields);
            vec![day(v.date), v.value.map(number)]
        }
        EntryKind::Client => {
            let c = ClientEntry::from_fields(fields);
            vec![c.code, c.stage]
        }
        EntryKind::Attendance => {
            let a = AttendanceEntry::from_fields(fields);
            vec![day(a.date), a.member]
        }
        EntryKind::Safety => {
            let s = SafetyEntry::from_fields(fields);
            vec![day(s.date), s.level.map(|l| l.name().to_owned())]
        }
        // One vote is anonymous: its face is never printed with who cast it.
        EntryKind::Mood => vec![day(MoodEntry::from_fields(fields).date)],
        EntryKind::Huddle => vec![
            HuddleRecord::from_fields(fields)
                .map(|h| h.started.format("%Y-%m-%d %H:%M").to_string()),
        ],
        EntryKind::Action => vec![ActionEntry::from_fields(fields).title],
        EntryKind::Idea => vec![IdeaEntry::from_fields(fields).title],
        EntryKind::Escalation => vec![EscalationEntry::from_fields(fields).title],
        EntryKind::Note => vec![NoteEntry::from_fields(fields).text],
        EntryKind::Tested => {
            let t = TestedEntry::from_fields(fields);
            vec![day(t.date), t.label]
        }
    };
    let parts: Vec<String> = parts.into_iter().flatten().map(|p| cut(&p)).collect();
    parts.join(" · ")
}

/// A number as people write it: 19, not 19.0.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

fn kind_word(lang: Lang, kind: &str) -> &str {
    let word = match kind {
        "value" => T::KindValue,
        "idea" => T::KindIdea,
        "mood" => T::KindMood,
        "attendance" => T::KindAttendance,
        "client" => T::KindClient,
        "safety" => T::KindSafety,
        "huddle" => T::KindHuddle,
        "escalation" => T::KindEscalation,
        "tested" => T::KindTested,
        other => return other,
    };
    word.words(lang)
}

fn action_word(lang: Lang, action: &str) -> &str {
    let word = match action {
        "added" => T::OpAdded,
        "changed" => T::OpChanged,
        "deleted" => T::OpDeleted,
        "undo" => T::OpUndone,
        other => return other,
    };
    word.words(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, Origin};

    fn entry(op: Op, before: Option<Fields>, kind: EntryKind) -> HistoryEntry {
        HistoryEntry {
            change: Change {
                id: "c1".into(),
                board: "b".into(),
                section: "plan".into(),
                record: "r1".into(),
                kind,
                op,
                author: "Marie".into(),
                at: Utc::now(),
                origin: Origin::Screen,
                undoes: None,
            },
            before,
            undone_by: None,
            device: "dev-1".into(),
        }
    }

    fn fields(pairs: &[(&str, Value)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }

    #[test]
    fn an_added_action_is_named_by_its_title() {
        let after = fields(&[
            ("title", "Rappeler les familles".into()),
            ("status", "open".into()),
        ]);
        let line = AuditLine::from_history(
            &entry(Op::Put(after), None, EntryKind::Action),
            &LiveBoards::default(),
        );
        assert_eq!(line.action, "added");
        assert_eq!(line.entry, "Rappeler les familles");
        assert_eq!(line.section, "plan", "an unknown section keeps its id");
        let text = line.sentence(Lang::Fr);
        assert!(
            text.contains("Marie · plan · action ajout « Rappeler les familles »"),
            "{text}"
        );
    }

    #[test]
    fn a_change_lists_only_the_fields_that_moved() {
        let before = fields(&[("title", "X".into()), ("status", "open".into())]);
        let after = fields(&[("title", "X".into()), ("status", "done".into())]);
        let line = AuditLine::from_history(
            &entry(Op::Put(after), Some(before), EntryKind::Action),
            &LiveBoards::default(),
        );
        assert_eq!(line.action, "changed");
        assert_eq!(line.fields, vec![("status".to_owned(), "done".to_owned())]);
        assert!(line.sentence(Lang::En).ends_with("(status = done)"));
    }

    #[test]
    fn a_value_and_a_safety_day_are_named_by_the_fields_their_edits_write() {
        use crate::model::{Edit, Origin, SafetyLevel};
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
        let made = |edit: Edit| {
            edit.into_change("b", "s", "Amélie", Origin::Screen, chrono::Utc::now())
                .map(|c| c.op)
                .unwrap_or(Op::Delete)
        };
        let value = made(Edit::SetValue {
            date: day,
            value: 19.0,
        });
        let line = AuditLine::from_history(
            &entry(value, None, EntryKind::Value),
            &LiveBoards::default(),
        );
        assert_eq!(line.entry, "2026-11-20 · 19");
        let safety = made(Edit::SetSafety {
            date: day,
            level: SafetyLevel::Minor,
            note: None,
        });
        let line = AuditLine::from_history(
            &entry(safety, None, EntryKind::Safety),
            &LiveBoards::default(),
        );
        assert_eq!(line.entry, "2026-11-20 · minor");
        // A change tested, marked on a chart: its day and what changed, in the history too.
        let tested = made(Edit::MarkChange {
            date: day,
            label: "Nouveau triage".to_owned(),
            idea: None,
        });
        let line = AuditLine::from_history(
            &entry(tested, None, EntryKind::Tested),
            &LiveBoards::default(),
        );
        assert_eq!(line.entry, "2026-11-20 · Nouveau triage");
        assert!(
            line.sentence(Lang::Fr).contains("changement testé"),
            "{}",
            line.sentence(Lang::Fr)
        );
    }

    #[test]
    fn a_deletion_names_what_was_deleted_and_a_mood_vote_stays_anonymous() {
        let before = fields(&[("title", "Vieille idée".into())]);
        let line = AuditLine::from_history(
            &entry(Op::Delete, Some(before), EntryKind::Idea),
            &LiveBoards::default(),
        );
        assert_eq!(
            (line.action.as_str(), line.entry.as_str()),
            ("deleted", "Vieille idée")
        );
        let vote = fields(&[("date", "2026-11-23".into()), ("level", 1.into())]);
        let line = AuditLine::from_history(
            &entry(Op::Put(vote), None, EntryKind::Mood),
            &LiveBoards::default(),
        );
        assert_eq!(line.entry, "2026-11-23");
        assert!(line.fields.iter().any(|(k, _)| k == "level"));
    }
}
