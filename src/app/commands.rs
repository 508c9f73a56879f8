//! What a tap does: the one place where UI commands change the state, and the edits they
//! make through the store's one write path.

use super::*;
use crate::i18n;
use crate::model::huddle::{self, Created, Roles, Session};
use crate::model::{Change, Edit, Origin, SectionKind};
use crate::store::EditError;
use crate::ui::{Outcome, UiCommand};

impl KioskApp {
    /// The one place where UI commands change the state; what became of the command goes back
    /// to the UI.
    pub fn apply(&mut self, command: UiCommand) -> Outcome {
        match command {
            UiCommand::ShowBoard(id) => {
                // A huddle is held at its board: the screen stays there until it ends.
                if self.huddle.is_some() {
                    return Outcome::Nothing;
                }
                let shown = self.shown.is_empty() || self.shown.contains(&id);
                if shown && self.live.board(&id).is_some() {
                    if let Some(store) = &mut self.store
                        && let Err(err) = store.set_meta(BOARD_ON_SCREEN, &id)
                    {
                        tracing::warn!("cannot remember the board on screen: {err}");
                    }
                    self.current = Some(id);
                }
                Outcome::BoardShown
            }
            UiCommand::Edit { section, edit } => {
                // Deleting is the facilitator's; ending a client's follow-up is everyone's.
                if let Edit::Remove { kind, .. } = &edit
                    && *kind != crate::model::EntryKind::Client
                    && !self.facilitator_open()
                {
                    return Outcome::Nothing;
                }
                // A form says itself why what was typed is refused; a tap's refusal shows in
                // the banner.
                let in_form = self
                    .ui_state
                    .form
                    .as_ref()
                    .is_some_and(|f| f.section == section);
                let refused = self.edit(&section, edit).err();
                if let Some(message) = refused.as_ref().filter(|_| !in_form) {
                    self.store_error = Some(message.clone());
                }
                Outcome::Edited { section, refused }
            }
            UiCommand::StartHuddle { attendees, roles } => {
                if self.start_huddle(attendees, roles) {
                    Outcome::HuddleStarted
                } else {
                    Outcome::Nothing
                }
            }
            UiCommand::HuddleGoTo(index) => {
                let now = self.clock.now();
                if let Some(session) = &mut self.huddle {
                    session.go_to(index, now);
                }
                Outcome::Nothing
            }
            UiCommand::NoteDecision(text) => {
                let text = text.trim().to_owned();
                if text.is_empty() {
                    return Outcome::Nothing;
                }
                if let Some(session) = &mut self.huddle {
                    session.note_decision(text);
                }
                self.save_huddle();
                Outcome::DecisionNoted
            }
            UiCommand::CorrectDecision { at, text } => {
                let text = text.trim().to_owned();
                if text.is_empty() {
                    return Outcome::Nothing;
                }
                if let Some(session) = &mut self.huddle
                    && session.correct_decision(at, text)
                {
                    self.save_huddle();
                }
                Outcome::DecisionNoted
            }
            UiCommand::DecisionToAction { item, decision } => {
                self.decision_to_action(item, decision);
                Outcome::Nothing
            }
            UiCommand::EndHuddle => {
                let now = self.clock.now();
                if let Some(session) = self.huddle.take() {
                    let id = session.id.clone();
                    let record = session.finish(now);
                    if let Err(message) = self.edit(
                        "huddle",
                        Edit::SaveHuddle {
                            id,
                            record: Box::new(record),
                        },
                    ) {
                        self.store_error = Some(message);
                    }
                    // The level above gets the board as the huddle left it.
                    self.refresh_view();
                    self.send_snapshot();
                    return Outcome::HuddleEnded;
                }
                Outcome::Nothing
            }
            UiCommand::Unlock(pin) => {
                let now = self.clock.now();
                let lang = self.lang();
                let before = self.lock.lockout();
                let opened = self.lock.open(&pin, now);
                // Kept in the store, so that a restart does not give a guesser fresh tries
                // (written only when it moved: a right PIN after none wrong writes nothing).
                let after = self.lock.lockout();
                if after != before
                    && let Some(store) = &mut self.store
                    && let Err(err) = store.set_meta(LOCKOUT, &after)
                {
                    tracing::warn!("cannot keep the PIN pad's wrong tries: {err}");
                }
                match opened {
                    Ok(()) => {
                        tracing::info!("facilitator mode opened");
                        self.refused = None;
                        return Outcome::Unlocked;
                    }
                    Err(crate::facilitator::Refused::Wrong { left, wait }) => {
                        tracing::warn!("a wrong facilitator PIN was typed");
                        self.refused = Some(i18n::wrong_pin(lang, left, wait));
                    }
                    Err(crate::facilitator::Refused::Waiting { until }) => {
                        tracing::warn!("facilitator PIN pad waits after wrong PINs");
                        self.refused = Some(i18n::pin_waits(lang, until));
                    }
                }
                Outcome::Nothing
            }
            UiCommand::Lock => {
                self.lock.close();
                Outcome::Locked
            }
            UiCommand::SetShown(boards) => {
                if self.facilitator_open() {
                    tracing::info!("boards shown on this screen set to {boards:?}");
                    self.remember_shown(&boards);
                    self.show_only(boards);
                    return Outcome::ShownSet;
                }
                Outcome::Nothing
            }
            UiCommand::SetFullscreen(on) => {
                if self.facilitator_open() {
                    self.fullscreen_request = Some(on);
                }
                Outcome::Nothing
            }
            UiCommand::SendSnapshot => {
                self.send_snapshot();
                Outcome::Nothing
            }
            UiCommand::Undo => {
                let (Some(store), Some(board)) = (&mut self.store, &self.current) else {
                    return Outcome::Nothing;
                };
                let author = self
                    .ui_state
                    .person
                    .clone()
                    .unwrap_or_else(|| "kiosk".to_owned());
                if let Err(err) =
                    store.undo_last(board, &author, Origin::Screen, now_utc(&self.clock))
                {
                    self.store_error = Some(i18n::store_error(self.lang(), &err));
                }
                Outcome::Nothing
            }
        }
    }

    /// Applies an edit made on screen to a section of the current board. During a huddle, the
    /// actions and escalations it creates are noted in the huddle's record.
    pub(super) fn edit(&mut self, section: &str, mut edit: Edit) -> Result<Change, String> {
        if let Edit::RaiseEscalation { to, due, .. } = &mut edit
            && let Some(board) = self.current.as_deref().and_then(|id| self.live.board(id))
        {
            crate::model::complete_escalation(board, section, to, due, self.clock.now().date());
        }
        let created = match &edit {
            Edit::AddAction { title, .. } => Some((true, title.trim().to_owned())),
            Edit::RaiseEscalation { title, .. } => Some((false, title.trim().to_owned())),
            _ => None,
        };
        let change = self.apply_edit(section, edit)?;
        if let (Some(session), Some((is_action, title))) = (&mut self.huddle, created) {
            let entry = Created {
                id: change.record.clone(),
                title,
            };
            if is_action {
                session.record.actions.push(entry);
            } else {
                session.record.escalations.push(entry);
            }
        }
        Ok(change)
    }

    pub(super) fn apply_edit(&mut self, section: &str, edit: Edit) -> Result<Change, String> {
        let lang = self.lang();
        // A weekly or monthly value is dated on the first day of its period.
        let edit = match self.current.as_deref().and_then(|id| self.live.board(id)) {
            Some(board) => edit.in_period_of(board, section),
            None => edit,
        };
        let (Some(store), Some(board)) = (&mut self.store, &self.current) else {
            return Err(self.store_error.clone().unwrap_or_default());
        };
        // Mood votes are anonymous: nobody's name goes with them, not even in the history.
        let author = match &edit {
            Edit::Vote { .. } => "—".to_owned(),
            _ => self
                .ui_state
                .person
                .clone()
                .unwrap_or_else(|| "kiosk".to_owned()),
        };
        let change = store
            .apply_edit(
                edit,
                (board, section),
                (&author, Origin::Screen),
                now_utc(&self.clock),
            )
            .map_err(|e| match e {
                EditError::Input(e) => i18n::input_error(lang, &e),
                EditError::Store(e) => i18n::store_error(lang, &e),
            })?;
        // A write that works again (the disk has room again…) clears the banner of the last
        // one that failed.
        self.store_error = None;
        Ok(change)
    }

    /// Starts the huddle of the board on screen: the record is kept at once, and the members
    /// present are marked present in the board's attendance. Whether it started.
    pub(super) fn start_huddle(&mut self, attendees: Vec<String>, roles: Roles) -> bool {
        let now = self.clock.now();
        let Some(board) = self.current.as_deref().and_then(|id| self.live.board(id)) else {
            return false;
        };
        let Some(spec) = &board.huddle else {
            return false;
        };
        let items = huddle::agenda(board, spec);
        let attendance: Vec<String> = board
            .sections
            .iter()
            .filter(|s| matches!(s.kind, SectionKind::Attendance))
            .map(|s| s.id.clone())
            .collect();
        self.huddle = Some(Session::start(
            crate::model::new_id(),
            &board.id,
            items,
            attendees.clone(),
            roles,
            now,
        ));
        self.save_huddle();
        for section in attendance {
            for member in &attendees {
                let edit = Edit::SetPresent {
                    date: now.date(),
                    member: member.clone(),
                    present: true,
                };
                if let Err(message) = self.edit(&section, edit) {
                    self.store_error = Some(message);
                }
            }
        }
        true
    }

    /// Keeps the huddle's record as it stands, so that a decision noted is never lost.
    pub(super) fn save_huddle(&mut self) {
        let now = self.clock.now();
        let Some(session) = &self.huddle else {
            return;
        };
        let edit = Edit::SaveHuddle {
            id: session.id.clone(),
            record: Box::new(session.snapshot(now)),
        };
        if let Err(message) = self.apply_edit("huddle", edit) {
            self.store_error = Some(message);
        }
    }

    /// Turns a decision into an action of the board's action plan.
    pub(super) fn decision_to_action(&mut self, item: usize, decision: usize) {
        let Some(text) = self
            .huddle
            .as_ref()
            .and_then(|s| s.record.items.get(item))
            .and_then(|i| i.decisions.get(decision))
            .filter(|d| d.action.is_none())
            .map(|d| d.text.clone())
        else {
            return;
        };
        let Some(actions) = self
            .current
            .as_deref()
            .and_then(|id| self.live.board(id))
            .and_then(|b| {
                b.sections
                    .iter()
                    .find(|s| matches!(s.kind, SectionKind::Actions { .. }))
            })
            .map(|s| s.id.clone())
        else {
            return;
        };
        let edit = Edit::AddAction {
            title: text,
            owner: None,
            due: None,
        };
        match self.edit(&actions, edit) {
            Ok(change) => {
                if let Some(d) = self
                    .huddle
                    .as_mut()
                    .and_then(|s| s.record.items.get_mut(item))
                    .and_then(|i| i.decisions.get_mut(decision))
                {
                    d.action = Some(change.record);
                }
                self.save_huddle();
            }
            Err(message) => self.store_error = Some(message),
        }
    }
}
