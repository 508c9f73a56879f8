//! Drawing the kiosk. The UI reads a [`Screen`] (what to show) and answers with
//! [`UiCommand`]s (what the person asked for). It keeps only its own drafts in [`UiState`]
//! (which dialog is open, the form being typed, who is at the screen); it never changes the
//! board's data itself and knows no files, threads or SQL.

mod chart;
pub mod facilitator;
pub mod form;
mod grid;
pub mod huddle;
pub mod keyboard;
mod list;
mod sections;
mod switcher;
pub mod theme;
mod top_bar;
mod units;
mod xmr;

use chrono::{NaiveDate, NaiveDateTime};

use crate::i18n::{T, tr};
use crate::layout::LiveBoards;
use crate::model::{Board, Edit, Lang};
use crate::view::BoardView;

pub use form::Form;
pub use grid::{GridKind, MIN_CARD_HEIGHT, MIN_CARD_WIDTH};

/// The grid a board takes in a central area of `size` points: its own, its portrait one, or
/// reflowed.
pub fn grid_kind(size: egui::Vec2, board: &Board) -> GridKind {
    grid::arrange(egui::Rect::from_min_size(egui::Pos2::ZERO, size), board).kind
}

/// What a tap asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum UiCommand {
    /// Show the board with this id.
    ShowBoard(String),
    /// Apply an edit to a section of the board on screen.
    Edit {
        /// The section.
        section: String,
        /// The edit.
        edit: Edit,
    },
    /// Undo the last change made on the board on screen.
    Undo,
    /// Start the huddle with these people and roles.
    StartHuddle {
        /// Who is here.
        attendees: Vec<String>,
        /// Who holds each role.
        roles: crate::model::huddle::Roles,
    },
    /// Show this agenda item of the huddle.
    HuddleGoTo(usize),
    /// Note a decision on the current agenda item.
    NoteDecision(String),
    /// Correct the words of a decision noted.
    CorrectDecision {
        /// Where it is: the agenda item, the decision on it.
        at: (usize, usize),
        /// Its words, corrected.
        text: String,
    },
    /// Turn a decision into an action.
    DecisionToAction {
        /// The agenda item.
        item: usize,
        /// The decision on it.
        decision: usize,
    },
    /// End the huddle and keep its record (a snapshot goes up with it).
    EndHuddle,
    /// Send a snapshot of the board on screen to the level above.
    SendSnapshot,
    /// Open facilitator mode with this PIN.
    Unlock(String),
    /// Close facilitator mode.
    Lock,
    /// Show only these boards on this screen (empty: every board); facilitator mode.
    SetShown(Vec<String>),
    /// Cover the whole screen, or leave full screen for a window; facilitator mode.
    SetFullscreen(bool),
}

/// What became of a command, told back to the UI: the UI alone decides which of its dialogs
/// close or keep what was typed (the app never writes [`UiState`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing the UI needs to hear.
    Nothing,
    /// Another board is on screen.
    BoardShown,
    /// The next board took its turn on a hallway screen (nobody is at it).
    BoardTurned,
    /// An edit of `section` was stored, or refused with a message.
    Edited {
        /// The section edited.
        section: String,
        /// Why it was refused, if it was.
        refused: Option<String>,
    },
    /// A decision was noted in the huddle's record.
    DecisionNoted,
    /// The huddle started.
    HuddleStarted,
    /// The huddle ended and its record was kept.
    HuddleEnded,
    /// Facilitator mode opened.
    Unlocked,
    /// Facilitator mode closed.
    Locked,
    /// The boards shown on this screen were set.
    ShownSet,
}

impl UiState {
    /// Takes in what became of a command.
    pub fn hear(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            // What was opened for a look closes with the board it belonged to; a form, a
            // decision or a huddle's dialog never meets a turn (the turns wait for them).
            Outcome::BoardTurned => {
                self.section_open = None;
                self.chart_open = None;
                self.unit_open = None;
                self.safety_open = None;
                self.switcher_open = false;
                self.person_picker_open = false;
                self.menu_open = false;
                self.revealed = None;
            }
            // Dialogs belong to the board they were opened on; who is at the screen, and when
            // it was last touched, stay.
            Outcome::BoardShown => {
                *self = UiState {
                    person: self.person.take(),
                    last_touch: self.last_touch,
                    ..UiState::default()
                };
            }
            // A form closes once what it made is stored; refused, it stays open with what was
            // typed and says why.
            Outcome::Edited { section, refused } => {
                if let Some(form) = &mut self.form
                    && form.section == section
                {
                    match refused {
                        None => self.form = None,
                        Some(message) => form.error = Some(message),
                    }
                }
            }
            Outcome::DecisionNoted => self.decision = None,
            Outcome::HuddleStarted => self.huddle_setup = None,
            Outcome::HuddleEnded => self.huddle_end_open = false,
            Outcome::Unlocked => self.facilitator.panel_open = true,
            Outcome::Locked => self.facilitator = facilitator::FacilitatorState::default(),
            Outcome::ShownSet => self.facilitator.panel_open = false,
        }
    }
}

/// The UI's own state between frames: open dialogs and drafts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UiState {
    /// The board switcher is open.
    pub switcher_open: bool,
    /// The "who are you?" chooser is open.
    pub person_picker_open: bool,
    /// The team member using the screen, recorded as the author of changes.
    pub person: Option<String>,
    /// The form being filled in.
    pub form: Option<Form>,
    /// The indicator whose chart is open large, by section id.
    pub chart_open: Option<String>,
    /// The section opened over the whole screen with every entry, by section id.
    pub section_open: Option<String>,
    /// The top bar's menu of what did not fit on it is open.
    pub menu_open: bool,
    /// The safety cross opened large, by section id.
    pub safety_open: Option<String>,
    /// The day of the safety cross last tapped, whose note can be written.
    pub safety_day: Option<NaiveDate>,
    /// The note being written for that day.
    pub safety_note: String,
    /// The keyboard under that note.
    pub safety_keys: keyboard::KeyboardState,
    /// The huddle's start dialog (who is here, roles), when open.
    pub huddle_setup: Option<huddle::Setup>,
    /// The decision being written, when its dialog is open.
    pub decision: Option<huddle::DecisionDraft>,
    /// The end-of-huddle summary is open.
    pub huddle_end_open: bool,
    /// The unit whose latest snapshot is open, read-only, by board id.
    pub unit_open: Option<String>,
    /// A private section shown for now (by section id), and when the screen was last touched:
    /// it hides itself a minute later.
    pub revealed: Option<(String, NaiveDateTime)>,
    /// Facilitator mode's dialogs and drafts.
    pub facilitator: facilitator::FacilitatorState,
    /// When the screen was last touched.
    pub last_touch: Option<NaiveDateTime>,
}

/// How long a private section stays shown without a touch.
pub const REVEAL_FOR: chrono::Duration = chrono::Duration::seconds(60);

/// The last change of the board, for the undo button.
#[derive(Clone, Debug, PartialEq)]
pub struct LastChange {
    /// What was changed (a section's title).
    pub what: String,
    /// Who changed it.
    pub by: String,
    /// When, in local time.
    pub at: NaiveDateTime,
    /// Whether this kiosk has a change of its own to undo (another kiosk's are not undone
    /// here).
    pub undoable: bool,
}

/// Everything one frame shows.
pub struct Screen<'a> {
    /// The boards known, and what is wrong with their files.
    pub live: &'a LiveBoards,
    /// The board on screen, if any is valid.
    pub board: Option<&'a Board>,
    /// What the board holds.
    pub view: &'a BoardView,
    /// The last change made on the board.
    pub last_change: Option<&'a LastChange>,
    /// Local wall-clock time.
    pub now: NaiveDateTime,
    /// Why the boards folder cannot be read, if it cannot.
    pub folder_error: Option<&'a str>,
    /// Why changes cannot be saved, if they cannot.
    pub store_error: Option<&'a str>,
    /// The huddle under way, if one is.
    pub huddle: Option<&'a crate::model::huddle::Session>,
    /// A feed file's problem (file: line: message), if one has.
    pub feed_problem: Option<String>,
    /// Where sync stands, when a shared folder is set.
    pub sync: Option<&'a crate::sync::SyncStatus>,
    /// Whether snapshots can be sent from this kiosk.
    pub can_send_snapshot: bool,
    /// How the last snapshot sent went.
    pub snapshot_sent: Option<&'a crate::snapshot::shelf::Sent>,
    /// The boards this kiosk shows (the config file's `boards_shown`); empty: every board.
    pub shown: &'a [String],
    /// The language of what belongs to no board (the config file's `language`).
    pub default_lang: Lang,
    /// Facilitator mode.
    pub facilitator: facilitator::FacilitatorScreen<'a>,
}

impl Screen<'_> {
    /// The language of the screen: the board's, else French.
    pub fn lang(&self) -> Lang {
        self.board.map_or(self.default_lang, |b| b.lang)
    }

    /// Today's date.
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// Whether this kiosk shows the board `id` (and offers to go there).
    pub fn shows(&self, id: &str) -> bool {
        self.shown.is_empty() || self.shown.iter().any(|s| s == id)
    }
}

/// Draws one frame of the kiosk and returns what was tapped.
pub fn show(ui: &mut egui::Ui, screen: &Screen<'_>, state: &mut UiState) -> Vec<UiCommand> {
    let mut commands = Vec::new();
    if touched(ui) {
        state.last_touch = Some(screen.now);
    }
    // A private section shown stays while people touch the screen, and hides itself a minute
    // after the last touch.
    if let Some((_, last)) = &mut state.revealed {
        if let Some(touch) = state.last_touch {
            *last = (*last).max(touch);
        }
        if screen.now - *last >= REVEAL_FOR {
            state.revealed = None;
        }
    }
    let lang = screen.lang();
    egui::Panel::top("top-bar")
        .frame(
            egui::Frame::new()
                .fill(theme::colour::BAR)
                .inner_margin(egui::Margin::symmetric(20, 10)),
        )
        .show(ui, |ui| top_bar::show(ui, screen, state, &mut commands));
    let banners = top_bar::banner_lines(screen);
    if !banners.is_empty() {
        egui::Panel::top("banner")
            .frame(
                egui::Frame::new()
                    .fill(theme::colour::BANNER)
                    .inner_margin(egui::Margin::symmetric(20, 8)),
            )
            .show(ui, |ui| {
                for line in banners {
                    ui.label(egui::RichText::new(line).color(theme::colour::INK));
                }
            });
    }
    if let (Some(session), Some(board)) = (screen.huddle, screen.board) {
        // A third of the screen at most: the board beside it stays readable.
        let width = (ui.available_width() * 0.3).clamp(380.0, 480.0);
        egui::Panel::right("huddle-panel")
            .exact_size(width)
            .resizable(false)
            .frame(
                egui::Frame::new()
                    .fill(theme::colour::CARD)
                    .inner_margin(egui::Margin::symmetric(16, 12)),
            )
            .show(ui, |ui| {
                huddle::panel(ui, screen, board, session, state, &mut commands)
            });
    }
    if screen.board.is_some() {
        egui::Panel::bottom("bottom-bar")
            .frame(
                egui::Frame::new()
                    .fill(theme::colour::CARD)
                    .inner_margin(egui::Margin::symmetric(20, 4)),
            )
            .show(ui, |ui| top_bar::bottom(ui, screen, &mut commands));
    }
    egui::CentralPanel::no_frame().show(ui, |ui| match screen.board {
        Some(board) => grid::show(ui, board, screen, state, &mut commands),
        None => {
            ui.centered_and_justified(|ui| {
                ui.heading(tr(lang, T::NoBoards));
            });
        }
    });
    if state.switcher_open {
        switcher::show(ui, screen, state, &mut commands);
    }
    if state.person_picker_open {
        top_bar::person_picker(ui, screen, state);
    }
    if let Some(board) = screen.board {
        huddle::dialogs(ui, screen, board, state, &mut commands);
    }
    if let (Some(id), Some(board)) = (state.safety_open.clone(), screen.board) {
        safety_dialog(ui, screen, board, &id, state, &mut commands);
    }
    if let (Some(id), Some(board)) = (state.section_open.clone(), screen.board) {
        section_dialog(ui, screen, board, &id, state, &mut commands);
    }
    if let (Some(id), Some(board)) = (state.chart_open.clone(), screen.board) {
        chart_dialog(ui, screen, board, &id, state, &mut commands);
    }
    if let (Some(id), Some(board)) = (state.unit_open.clone(), screen.board) {
        units::dialog(ui, screen, board, &id, state, &mut commands);
    }
    facilitator::dialogs(ui, screen, state, &mut commands);
    if let Some(form) = &mut state.form {
        let members = screen
            .board
            .map(|b| b.members.as_slice())
            .unwrap_or_default();
        match form::show(ui, lang, members, form) {
            form::FormOutcome::Open => {}
            form::FormOutcome::Save => {
                // A new idea goes to the board's first column.
                let first_column = screen
                    .board
                    .and_then(|b| b.section(&form.section))
                    .and_then(|s| match &s.kind {
                        crate::model::SectionKind::Ideas { columns, .. } => {
                            columns.first().map(|c| c.name.clone())
                        }
                        _ => None,
                    });
                match form.to_edit(first_column.as_deref()) {
                    // A correction where nothing was changed changes nothing.
                    Ok(edit) if edit.changes_nothing() => state.form = None,
                    Ok(edit) => commands.push(UiCommand::Edit {
                        section: form.target_section(),
                        edit,
                    }),
                    Err(e) => form.error = Some(crate::i18n::input_error(lang, &e)),
                }
            }
            form::FormOutcome::Cancel => state.form = None,
        }
    }
    commands
}

/// A dialog's "✓ Fermer" button, finger-sized; whether it was tapped.
pub(super) fn close_button(ui: &mut egui::Ui, lang: Lang) -> bool {
    let close = egui::Button::new(format!("✓  {}", tr(lang, T::Close)))
        .min_size(egui::vec2(theme::TOUCH * 3.0, theme::TOUCH));
    theme::tapped(&ui.add(close))
}

/// Whether the screen is touched (or typed on) in this frame.
pub fn touched(ui: &egui::Ui) -> bool {
    ui.input(|i| {
        i.pointer.any_down()
            || i.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::Touch { .. }
                        | egui::Event::PointerButton { .. }
                        | egui::Event::Key { .. }
                        | egui::Event::Text(_)
                )
            })
    })
}

/// A section opened over the whole screen: every entry, words wrapped, scrolled by dragging.
fn section_dialog(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    board: &Board,
    id: &str,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = screen.lang();
    let Some(section) = board.section(id) else {
        state.section_open = None;
        return;
    };
    let screen_rect = ui.ctx().content_rect();
    let size = screen_rect.size() - egui::vec2(80.0, 80.0);
    let modal = egui::Modal::new(egui::Id::unique("section-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(size.x);
        ui.set_height(size.y);
        ui.horizontal(|ui| {
            // Entries made by a form are corrected in it: the words say so.
            let correctable = matches!(
                section.kind,
                crate::model::SectionKind::Actions { .. }
                    | crate::model::SectionKind::Ideas { .. }
                    | crate::model::SectionKind::Trajectory { .. }
                    | crate::model::SectionKind::Notes
            );
            if correctable {
                ui.label(
                    egui::RichText::new(format!("✎ {}", tr(lang, T::TapToCorrect)))
                        .color(theme::colour::MUTED),
                );
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if close_button(ui, lang) {
                    state.section_open = None;
                }
            });
        });
        egui::ScrollArea::vertical()
            .id_salt(("section-dialog", id))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                sections::show(
                    ui,
                    board,
                    section,
                    screen,
                    state,
                    commands,
                    sections::Mode::Full,
                );
            });
    });
    if modal.should_close() {
        state.section_open = None;
    }
}

/// An indicator, large: the chart over the whole screen, the signals in plain words, and a
/// button to enter a value.
fn chart_dialog(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    board: &Board,
    id: &str,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    use crate::model::SectionKind;
    let lang = screen.lang();
    let (Some(section), Some(crate::view::SectionView::Indicator(data))) =
        (board.section(id), screen.view.sections.get(id))
    else {
        state.chart_open = None;
        return;
    };
    let SectionKind::Indicator(spec) = &section.kind else {
        state.chart_open = None;
        return;
    };
    let screen_rect = ui.ctx().content_rect();
    let modal = egui::Modal::new(egui::Id::unique("chart-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(screen_rect.width() - 80.0);
        ui.horizontal(|ui| {
            ui.heading(egui::RichText::new(&section.title).text_style(theme::board_title()));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if close_button(ui, lang) {
                    state.chart_open = None;
                }
                let enter = egui::Button::new(format!("+  {}", tr(lang, T::EnterValue)))
                    .min_size(egui::vec2(theme::TOUCH * 4.0, theme::TOUCH));
                if theme::tapped(&ui.add(enter)) {
                    state.chart_open = None;
                    state.form = Some(Form::value(&section.id, &section.title, screen.today()));
                }
                // On an XmR chart, a change the team tests starts a new phase.
                if data.xmr.is_some() {
                    let mark = egui::Button::new(format!("▶  {}", tr(lang, T::MarkChange)))
                        .min_size(egui::vec2(theme::TOUCH * 4.0, theme::TOUCH));
                    if theme::tapped(&ui.add(mark)) {
                        state.chart_open = None;
                        state.form =
                            Some(Form::change(&section.id, &section.title, screen.today()));
                    }
                }
            });
        });
        ui.separator();
        let height = (screen_rect.height() - 330.0).max(240.0);
        match &data.xmr {
            Some(x) => xmr::show(ui, lang, id, spec, x, height, true),
            None => chart::show(ui, lang, id, spec, data, height, true),
        }
        ui.add_space(8.0);
        if let Some(x) = &data.xmr {
            // In facilitator mode, a change marked by mistake can be taken off the chart.
            if facilitator::deleting(screen, state) {
                ui.horizontal_wrapped(|ui| {
                    for change in &x.changes {
                        let Some(record) = &change.record else {
                            continue;
                        };
                        facilitator::delete_button(
                            ui,
                            screen,
                            state,
                            &section.id,
                            record,
                            crate::model::EntryKind::Tested,
                            commands,
                        );
                        ui.label(format!(
                            "▶ {} — {}",
                            crate::i18n::short_date(lang, change.date),
                            change.label
                        ));
                        ui.add_space(16.0);
                    }
                });
            }
            ui.label(
                egui::RichText::new(tr(lang, T::HowToReadXmr))
                    .size(theme::DETAIL_TEXT)
                    .color(theme::colour::MUTED),
            );
        } else {
            let signals = &data.shown.chart_signals;
            if let Some(chart) = &data.run_chart {
                ui.label(format!(
                    "{} : {} {} · {} {}",
                    tr(lang, T::Median),
                    crate::i18n::number(lang, chart.median),
                    spec.unit,
                    data.values.len(),
                    tr(lang, T::Values).to_lowercase()
                ));
            }
            if signals.is_empty() {
                ui.label(egui::RichText::new(tr(lang, T::NoSignal)).color(theme::colour::MUTED));
            }
            for (signal, began) in signals {
                ui.label(
                    egui::RichText::new(format!(
                        "◆ {}",
                        crate::runchart::describe(signal, *began, lang)
                    ))
                    .color(theme::colour::ACCENT)
                    .strong(),
                );
            }
            if data.values.len() < 10 {
                ui.label(egui::RichText::new(tr(lang, T::FewPoints)).color(theme::colour::MUTED));
            }
            ui.label(
                egui::RichText::new(tr(lang, T::HowToRead))
                    .size(theme::DETAIL_TEXT)
                    .color(theme::colour::MUTED),
            );
        }
    });
    if modal.should_close() {
        state.chart_open = None;
    }
}

/// The safety cross, large: each day a finger-sized cell that moves to the next level when
/// tapped (not recorded → no event → minor → serious), and a note for the day last tapped.
fn safety_dialog(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    board: &Board,
    id: &str,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = screen.lang();
    let Some(section) = board.section(id) else {
        state.safety_open = None;
        return;
    };
    let empty = std::collections::BTreeMap::new();
    let days = match screen.view.sections.get(id) {
        Some(crate::view::SectionView::Safety(days)) => days,
        _ => &empty,
    };
    // One size whatever is chosen or typed, so that the days never move under the finger.
    let screen_rect = ui.ctx().content_rect();
    let size = egui::vec2(
        1400.0_f32.min(screen_rect.width() - 60.0),
        900.0_f32.min(screen_rect.height() - 60.0),
    );
    let modal = egui::Modal::new(egui::Id::unique("safety-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(size.x);
        ui.set_max_width(size.x);
        ui.set_height(size.y);
        ui.horizontal(|ui| {
            ui.heading(format!(
                "{} — {}",
                section.title,
                crate::i18n::month_year(lang, screen.today())
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if close_button(ui, lang) {
                    state.safety_open = None;
                }
            });
        });
        ui.separator();
        let body = ui.available_size();
        // The cross on the left, in a square of its own; the note on the right.
        let left = egui::vec2((body.x * 0.5).min(body.y + 260.0), body.y);
        ui.horizontal_top(|ui| {
            // Left: the month, days of 56 points or more.
            ui.allocate_ui_with_layout(left, egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.set_min_size(left);
                if let Some(day) =
                    sections::safety_month(ui, lang, section, screen.today(), days, Some(commands))
                {
                    state.safety_day = Some(day);
                    state.safety_note = days
                        .get(&day)
                        .and_then(|(_, n)| n.clone())
                        .unwrap_or_default();
                }
            });
            ui.add_space(16.0);
            // Right: the note of the day last tapped, in the room left, whatever it holds.
            let right = egui::vec2((body.x - left.x - 16.0).max(0.0), body.y);
            let column = egui::Layout::top_down(egui::Align::Min);
            ui.allocate_ui_with_layout(right, column, |ui| {
                ui.set_max_width(right.x);
                // What does not fit scrolls rather than widening the dialog.
                egui::ScrollArea::both()
                    .id_salt("safety-note")
                    .max_width(right.x)
                    .max_height(right.y)
                    .auto_shrink([false, false])
                    .show(ui, |ui| match state.safety_day {
                        None => {
                            ui.label(
                                egui::RichText::new(tr(lang, T::ChooseADay))
                                    .color(theme::colour::MUTED),
                            );
                        }
                        Some(day) => {
                            let label = format!(
                                "{} — {}",
                                tr(lang, T::Note),
                                crate::i18n::short_date(lang, day)
                            );
                            let label = ui.label(egui::RichText::new(label).strong());
                            let field = ui.make_persistent_id("safety-note");
                            ui.add(
                                egui::TextEdit::singleline(&mut state.safety_note)
                                    .id(field)
                                    .char_limit(crate::model::TEXT_MAX)
                                    .desired_width(ui.available_width()),
                            )
                            .labelled_by(label.id);
                            keyboard::show(
                                ui,
                                lang,
                                keyboard::Layout::Letters,
                                &mut state.safety_keys,
                                (&mut state.safety_note, Some(field)),
                            );
                            let save = egui::Button::new(tr(lang, T::SaveNote))
                                .min_size(egui::vec2(theme::TOUCH * 3.0, theme::TOUCH));
                            if theme::tapped(&ui.add(save)) {
                                let level = days
                                    .get(&day)
                                    .map_or(crate::model::SafetyLevel::Unrecorded, |(l, _)| *l);
                                let note = Some(state.safety_note.trim().to_owned())
                                    .filter(|n| !n.is_empty());
                                commands.push(UiCommand::Edit {
                                    section: id.to_owned(),
                                    edit: crate::model::Edit::SetSafety {
                                        date: day,
                                        level,
                                        note,
                                    },
                                });
                            }
                        }
                    });
            });
        });
    });
    if modal.should_close() {
        state.safety_open = None;
    }
    if state.safety_open.is_none() {
        state.safety_day = None;
        state.safety_note.clear();
    }
}
