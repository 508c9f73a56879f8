//! Boards in turn on a hallway screen: a kiosk set to several boards shows them one after the
//! other when nobody touches it, as wall displays do. A touch stops the turns where they are;
//! they start again after a quiet while. A huddle, a form being filled, facilitator mode or a
//! sleeping screen stop them too. A turn is one frame: the board changes in the frame the
//! kiosk wakes for, and nothing is drawn in between.

use chrono::NaiveDateTime;

use super::KioskApp;

/// How long after the last touch the boards start turning again.
pub const QUIET_FOR: chrono::Duration = chrono::Duration::minutes(2);

impl KioskApp {
    /// Shows each of the boards shown for `seconds` in turn when nobody touches the screen
    /// (the config file's `[display] rotate_seconds`); none: the board stays.
    pub fn set_rotation(&mut self, seconds: Option<u32>) {
        self.rotation = seconds.map(|s| chrono::Duration::seconds(i64::from(s)));
        self.next_turn = None;
    }

    /// The boards that take turns: the boards shown on this screen, or every board.
    fn in_turn(&self) -> Vec<String> {
        if self.shown.is_empty() {
            self.live.boards().iter().map(|b| b.id.clone()).collect()
        } else {
            self.shown
                .iter()
                .filter(|id| self.live.board(id).is_some())
                .cloned()
                .collect()
        }
    }

    /// Whether something on screen is under way that a turn would take away: a huddle, a form
    /// or a decision being written, facilitator mode, a sleeping screen.
    fn busy(&self, now: NaiveDateTime) -> bool {
        let ui = &self.ui_state;
        self.huddle.is_some()
            || ui.form.is_some()
            || ui.decision.is_some()
            || ui.huddle_setup.is_some()
            || ui.huddle_end_open
            || self.lock.is_open(now)
            || self.asleep()
    }

    /// Takes the next turn if its time has come, before the frame is drawn; when the kiosk must
    /// wake for the next one (none: no turns now).
    pub(super) fn turn(&mut self, now: NaiveDateTime, touched: bool) -> Option<NaiveDateTime> {
        let period = self.rotation?;
        // The UI notes each touch as it draws, after this: a touch in this frame counts now.
        let last_touch = if touched {
            Some(now)
        } else {
            self.ui_state.last_touch
        };
        let boards = self.in_turn();
        if boards.len() < 2 || self.busy(now) {
            self.next_turn = None;
            return None;
        }
        if let Some(quiet) = last_touch.map(|t| t + QUIET_FOR)
            && now < quiet
        {
            self.next_turn = None;
            return Some(quiet);
        }
        let at = *self.next_turn.get_or_insert(now + period);
        if now < at {
            return Some(at);
        }
        let here = self
            .current
            .as_ref()
            .and_then(|c| boards.iter().position(|b| b == c));
        let next = here.map_or(0, |i| (i + 1) % boards.len());
        self.ui_state.hear(crate::ui::Outcome::BoardTurned);
        // Not remembered as the board on screen: a restart comes back to the one people chose.
        self.current = boards.get(next).cloned();
        self.refresh_view();
        let at = now + period;
        self.next_turn = Some(at);
        Some(at)
    }
}
