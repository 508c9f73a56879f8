//! Entry forms: a few fields, big, with the on-screen keyboard under the field being typed.
//! A form is a draft (UI state); saving turns it into an [`Edit`] that the app applies.

use chrono::{Duration, NaiveDate};
use egui::{RichText, vec2};

use super::keyboard::{self, KeyOutcome, KeyboardState, Layout};
use super::theme::{self, colour};
use crate::i18n::{self, T, tr};
use crate::model::{
    ActionEntry, ClientEntry, Edit, Entry as _, EntryKind, Fields, IdeaEntry, InputError, Lang,
    NoteEntry, non_empty, parse_number,
};
use crate::view;

/// What a form creates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// An indicator value.
    Value,
    /// An action.
    Action,
    /// An idea.
    Idea,
    /// An escalation.
    Escalation,
    /// A client status sheet.
    Client,
    /// A note.
    Note,
    /// The answer to an escalation sent to this board.
    Answer,
    /// A change tested, marked on an indicator's chart.
    Change,
}

/// The input of one field.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// Free text, typed.
    Text(String),
    /// A number, typed on the keypad.
    Number(String),
    /// A date chosen with ◀ ▶ and shortcuts; `None` when the field is optional and empty.
    Date(Option<NaiveDate>),
    /// A team member, or nobody.
    Member(Option<String>),
    /// One of the listed choices.
    Choice(usize),
    /// Yes or no.
    Flag(bool),
}

/// One field of a form.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Key used to read the field back.
    pub key: &'static str,
    /// Label shown.
    pub label: T,
    /// Current input.
    pub input: Input,
    /// Choices as shown, for [`Input::Choice`].
    pub choices: Vec<String>,
    /// What each choice stands for (a board id…); the choice itself when empty.
    pub values: Vec<String>,
    /// For dates: the latest allowed (values cannot be entered for the future).
    pub max_date: Option<NaiveDate>,
}

impl Field {
    fn new(key: &'static str, label: T, input: Input) -> Self {
        Self {
            key,
            label,
            input,
            choices: Vec::new(),
            values: Vec::new(),
            max_date: None,
        }
    }
}

/// A form being filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    /// What it creates.
    pub kind: FormKind,
    /// The section it writes to.
    pub section: String,
    /// Title shown at the top (the section's title).
    pub title: String,
    /// Its fields.
    pub fields: Vec<Field>,
    /// The field being typed into.
    pub focus: usize,
    /// Why the last save was refused.
    pub error: Option<String>,
    /// Keyboard state.
    pub keyboard: KeyboardState,
    /// Today, for date shortcuts.
    pub today: NaiveDate,
    /// The field being typed into should take the keyboard focus (a physical keyboard then
    /// types into it at once).
    pub focus_pending: bool,
    /// For an answer: the escalation answered, and the board answering.
    pub answers: Option<(crate::model::EscalationRef, String)>,
    /// For a change tested: the improvement idea it comes from.
    pub idea: Option<String>,
    /// When the form corrects an entry rather than making one: the entry's id and its fields
    /// as the form showed them.
    pub corrects: Option<(String, Fields)>,
}

impl Form {
    fn new(
        kind: FormKind,
        section: &str,
        title: &str,
        today: NaiveDate,
        fields: Vec<Field>,
    ) -> Self {
        Self {
            today,
            focus_pending: true,
            answers: None,
            idea: None,
            corrects: None,
            kind,
            section: section.to_owned(),
            title: title.to_owned(),
            fields,
            focus: 0,
            error: None,
            keyboard: KeyboardState::default(),
        }
    }

    /// Today's (or a past date's) value of an indicator.
    pub fn value(section: &str, title: &str, today: NaiveDate) -> Self {
        let mut date = Field::new("date", T::Date, Input::Date(Some(today)));
        date.max_date = Some(today);
        Self::new(
            FormKind::Value,
            section,
            title,
            today,
            vec![
                Field::new("value", T::Value, Input::Number(String::new())),
                date,
            ],
        )
    }

    /// A new action.
    pub fn action(section: &str, title: &str, today: NaiveDate, person: Option<&str>) -> Self {
        let fields = vec![
            Field::new("title", T::What, Input::Text(String::new())),
            Field::new("owner", T::Who, Input::Member(person.map(str::to_owned))),
            Field::new("due", T::Due, Input::Date(None)),
        ];
        Self::new(FormKind::Action, section, title, today, fields)
    }

    /// A new idea.
    pub fn idea(section: &str, title: &str, today: NaiveDate, person: Option<&str>) -> Self {
        let fields = vec![
            Field::new("title", T::Idea, Input::Text(String::new())),
            Field::new(
                "by",
                T::ProposedBy,
                Input::Member(person.map(str::to_owned)),
            ),
        ];
        Self::new(FormKind::Idea, section, title, today, fields)
    }

    /// A new escalation, to one of `targets` (board id, title): the parent board first, then
    /// the levels above it.
    pub fn escalation(
        section: &str,
        title: &str,
        today: NaiveDate,
        targets: &[(String, String)],
    ) -> Self {
        let mut fields = vec![
            Field::new("title", T::What, Input::Text(String::new())),
            Field::new("why", T::Why, Input::Text(String::new())),
        ];
        if !targets.is_empty() {
            let mut to = Field::new("to", T::To, Input::Choice(0));
            to.choices = targets.iter().map(|(_, t)| t.clone()).collect();
            to.values = targets.iter().map(|(id, _)| id.clone()).collect();
            fields.push(to);
        }
        Self::new(FormKind::Escalation, section, title, today, fields)
    }

    /// The answer `board` gives to an escalation sent to it; the form's title is what was
    /// asked.
    pub fn answer(
        at: crate::model::EscalationRef,
        board: &str,
        asked: &str,
        today: NaiveDate,
    ) -> Self {
        let fields = vec![Field::new("answer", T::Answer, Input::Text(String::new()))];
        let mut form = Self::new(FormKind::Answer, &at.section.clone(), asked, today, fields);
        form.answers = Some((at, board.to_owned()));
        form
    }

    /// A new client status sheet.
    pub fn client(
        section: &str,
        title: &str,
        stages: &[String],
        today: NaiveDate,
        person: Option<&str>,
    ) -> Self {
        let mut stage = Field::new("stage", T::Stage, Input::Choice(0));
        stage.choices = stages.to_vec();
        let mut since = Field::new("since", T::Since, Input::Date(Some(today)));
        since.max_date = Some(today);
        let fields = vec![
            Field::new("code", T::ClientCode, Input::Text(String::new())),
            stage,
            since,
            Field::new("next_step", T::NextStep, Input::Text(String::new())),
            Field::new("owner", T::Who, Input::Member(person.map(str::to_owned))),
        ];
        Self::new(FormKind::Client, section, title, today, fields)
    }

    /// A new announcement or recognition.
    pub fn note(section: &str, title: &str, today: NaiveDate) -> Self {
        let fields = vec![
            Field::new("text", T::Text, Input::Text(String::new())),
            Field::new("recognition", T::Recognition, Input::Flag(false)),
            Field::new(
                "expires",
                T::Until,
                Input::Date(Some(today + Duration::days(7))),
            ),
        ];
        Self::new(FormKind::Note, section, title, today, fields)
    }

    /// A change the team tested on an indicator, from the day it began (today by default, or
    /// a past day: never a future one).
    pub fn change(section: &str, title: &str, today: NaiveDate) -> Self {
        let mut date = Field::new("date", T::Since, Input::Date(Some(today)));
        date.max_date = Some(today);
        let fields = vec![
            Field::new("label", T::WhatChanged, Input::Text(String::new())),
            date,
        ];
        Self::new(FormKind::Change, section, title, today, fields)
    }

    /// The change an improvement idea puts to the test, marked on one of the board's XmR
    /// `indicators` (id, title; chosen in the form when there are several): what changed is
    /// the idea's title, from today.
    pub fn change_from_idea(
        idea: (&str, &str),
        indicators: &[(String, String)],
        today: NaiveDate,
    ) -> Option<Self> {
        let (first, title) = indicators.first()?;
        let mut form = Self::change(first, title, today);
        if let Some(Field { input, .. }) = form.fields.iter_mut().find(|f| f.key == "label") {
            *input = Input::Text(idea.1.to_owned());
        }
        if indicators.len() > 1 {
            let mut on = Field::new("indicator", T::OnIndicator, Input::Choice(0));
            on.choices = indicators.iter().map(|(_, t)| t.clone()).collect();
            on.values = indicators.iter().map(|(id, _)| id.clone()).collect();
            form.fields.insert(0, on);
        }
        form.idea = Some(idea.0.to_owned());
        Some(form)
    }

    /// An action, in the form it was made with, to be corrected.
    pub fn correct_action(
        section: &str,
        title: &str,
        today: NaiveDate,
        a: &view::ActionView,
    ) -> Self {
        let mut form = Self::action(section, title, today, a.owner.as_deref());
        form.set("title", Input::Text(a.title.clone()));
        form.set("due", Input::Date(a.due));
        form.correcting(&a.id)
    }

    /// An idea, in the form it was made with, to be corrected.
    pub fn correct_idea(
        section: &str,
        title: &str,
        today: NaiveDate,
        idea: &view::IdeaView,
    ) -> Self {
        let mut form = Self::idea(section, title, today, idea.by.as_deref());
        form.set("title", Input::Text(idea.title.clone()));
        form.correcting(&idea.id)
    }

    /// A client's status sheet, in the form it was made with, to be corrected (its stage
    /// and since when included).
    pub fn correct_client(
        section: &str,
        title: &str,
        stages: &[String],
        today: NaiveDate,
        c: &view::ClientView,
    ) -> Self {
        let mut form = Self::client(section, title, stages, today, c.owner.as_deref());
        form.set("code", Input::Text(c.code.clone()));
        if let Some(i) = stages.iter().position(|s| *s == c.stage) {
            form.set("stage", Input::Choice(i));
        }
        form.set("since", Input::Date(c.since));
        form.set("next_step", Input::Text(c.next_step.clone()));
        form.correcting(&c.id)
    }

    /// An announcement or recognition, in the form it was made with, to be corrected.
    pub fn correct_note(section: &str, title: &str, today: NaiveDate, n: &view::NoteView) -> Self {
        let mut form = Self::note(section, title, today);
        form.set("text", Input::Text(n.text.clone()));
        form.set("recognition", Input::Flag(n.recognition));
        form.set("expires", Input::Date(n.expires));
        form.correcting(&n.id)
    }

    /// Makes the form, filled with the entry `id`, correct it: its title says so, and saving
    /// changes the fields that were changed. What it compares against is the entry as the form
    /// shows it, read by the same [`Form::entry`] as what is saved.
    fn correcting(mut self, id: &str) -> Self {
        self.corrects = self.entry().map(|(_, fields)| (id.to_owned(), fields));
        self
    }

    fn set(&mut self, key: &str, input: Input) {
        if let Some(field) = self.fields.iter_mut().find(|f| f.key == key) {
            field.input = input;
        }
    }

    /// The section the form writes to: the indicator chosen, for a change from an idea.
    pub fn target_section(&self) -> String {
        self.choice("indicator")
            .unwrap_or_else(|| self.section.clone())
    }

    fn text(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| match &f.input {
                Input::Text(t) | Input::Number(t) => t.as_str(),
                _ => "",
            })
    }

    fn date(&self, key: &str) -> Option<NaiveDate> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .and_then(|f| match f.input {
                Input::Date(d) => d,
                _ => None,
            })
    }

    fn member(&self, key: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .and_then(|f| match &f.input {
                Input::Member(m) => m.clone(),
                _ => None,
            })
    }

    fn choice(&self, key: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .and_then(|f| match f.input {
                Input::Choice(i) => f.values.get(i).or_else(|| f.choices.get(i)).cloned(),
                _ => None,
            })
    }

    fn flag(&self, key: &str) -> bool {
        self.fields
            .iter()
            .any(|f| f.key == key && f.input == Input::Flag(true))
    }

    /// The edit this form asks for, or why it cannot be saved. `first_column` is where a new
    /// idea goes.
    pub fn to_edit(&self, first_column: Option<&str>) -> Result<Edit, InputError> {
        if let Some((id, before)) = &self.corrects {
            return self.correction(id, before);
        }
        Ok(match self.kind {
            FormKind::Value => Edit::SetValue {
                value: parse_number(self.text("value"))?,
                date: self.date("date").ok_or(InputError::Empty("date"))?,
            },
            FormKind::Action => Edit::AddAction {
                title: non_empty(self.text("title"), "action")?,
                owner: self.member("owner"),
                due: self.date("due"),
            },
            FormKind::Idea => Edit::AddIdea {
                title: non_empty(self.text("title"), "idea")?,
                by: self.member("by"),
                column: first_column.unwrap_or_default().to_owned(),
            },
            FormKind::Escalation => Edit::RaiseEscalation {
                title: non_empty(self.text("title"), "escalation")?,
                why: non_empty(self.text("why"), "reason")?,
                to: self.choice("to"),
                // Set from the section's answer delay where the edit is applied.
                due: None,
            },
            FormKind::Answer => {
                let (at, by) = self.answers.clone().ok_or(InputError::Empty("answer"))?;
                Edit::AnswerEscalation {
                    at,
                    by,
                    text: non_empty(self.text("answer"), "answer")?,
                }
            }
            FormKind::Client => Edit::AddClient {
                code: non_empty(self.text("code"), "client code")?,
                stage: self.choice("stage").unwrap_or_default(),
                since: self.date("since").ok_or(InputError::Empty("date"))?,
                next_step: self.text("next_step").to_owned(),
                owner: self.member("owner"),
            },
            FormKind::Change => Edit::MarkChange {
                label: non_empty(self.text("label"), "change")?,
                date: self.date("date").ok_or(InputError::Empty("date"))?,
                idea: self.idea.clone(),
            },
            FormKind::Note => Edit::AddNote {
                text: non_empty(self.text("text"), "note")?,
                recognition: self.flag("recognition"),
                expires: self.date("expires"),
            },
        })
    }
}

impl Form {
    /// The entry as the form's fields say it, with its kind: what a correction compares, when
    /// the form opens and when it is saved. An emptied text is left out (cleared).
    fn entry(&self) -> Option<(EntryKind, Fields)> {
        let text = |key| Some(self.text(key).trim().to_owned()).filter(|t| !t.is_empty());
        Some(match self.kind {
            FormKind::Action => (
                EntryKind::Action,
                ActionEntry {
                    title: text("title"),
                    owner: self.member("owner"),
                    due: self.date("due"),
                    status: None,
                }
                .to_fields(),
            ),
            FormKind::Idea => (
                EntryKind::Idea,
                IdeaEntry {
                    title: text("title"),
                    by: self.member("by"),
                    column: None,
                }
                .to_fields(),
            ),
            FormKind::Client => (
                EntryKind::Client,
                ClientEntry {
                    code: text("code"),
                    stage: self.choice("stage"),
                    since: self.date("since"),
                    next_step: text("next_step"),
                    owner: self.member("owner"),
                }
                .to_fields(),
            ),
            FormKind::Note => (
                EntryKind::Note,
                NoteEntry {
                    text: text("text"),
                    recognition: Some(self.flag("recognition")),
                    expires: self.date("expires"),
                }
                .to_fields(),
            ),
            _ => return None,
        })
    }

    /// The correction of the entry `id`, shown as `before`: the fields as they now stand in the
    /// form (an emptied title is refused where the change is made).
    fn correction(&self, id: &str, before: &Fields) -> Result<Edit, InputError> {
        if self.kind == FormKind::Client && self.date("since").is_none() {
            return Err(InputError::Empty("date"));
        }
        let (kind, after) = self.entry().ok_or(InputError::Empty("entry"))?;
        Ok(Edit::correct_fields(id, kind, before, &after))
    }
}

pub use crate::model::looks_like_a_name;

/// What the person did with the form this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormOutcome {
    /// Still filling it in.
    Open,
    /// Tapped Save.
    Save,
    /// Tapped Cancel.
    Cancel,
}

/// Draws the form in a modal window.
pub fn show(ui: &mut egui::Ui, lang: Lang, members: &[String], form: &mut Form) -> FormOutcome {
    let mut outcome = FormOutcome::Open;
    let screen = ui.ctx().content_rect();
    let before = form.fields.clone();
    let modal = egui::Modal::new(egui::Id::unique("entry-form")).show(ui.ctx(), |ui| {
        ui.set_width((screen.width() * 0.8).min(1400.0));
        if form.corrects.is_some() {
            ui.heading(format!("✎ {} — {}", tr(lang, T::Correct), form.title));
        } else {
            ui.heading(&form.title);
        }
        ui.separator();
        let mut layout = None;
        let mut focused_edit = None;
        for (i, field) in form.fields.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let label = ui.add_sized(
                    vec2(220.0, theme::TOUCH),
                    egui::Label::new(RichText::new(tr(lang, field.label)).strong()),
                );
                let numeric = matches!(field.input, Input::Number(_));
                match &mut field.input {
                    Input::Text(text) | Input::Number(text) => {
                        let id = ui.make_persistent_id(("form-field", i));
                        let edit = egui::TextEdit::singleline(text)
                            .id(id)
                            .char_limit(crate::model::TEXT_MAX)
                            .font(egui::TextStyle::Heading)
                            .desired_width(ui.available_width().min(800.0));
                        let response = ui.add(edit).labelled_by(label.id);
                        if form.focus == i && form.focus_pending {
                            response.request_focus();
                            form.focus_pending = false;
                        }
                        if response.clicked() || response.gained_focus() {
                            form.focus = i;
                        }
                        if form.focus == i {
                            layout = Some(if numeric {
                                Layout::Numeric
                            } else {
                                Layout::Letters
                            });
                            focused_edit = Some(id);
                        }
                    }
                    Input::Date(date) => date_picker(
                        ui,
                        lang,
                        date,
                        field.max_date,
                        field.key == "due",
                        form.today,
                    ),
                    Input::Member(member) => {
                        ui.horizontal_wrapped(|ui| {
                            for m in members {
                                let chosen = member.as_deref() == Some(m.as_str());
                                if theme::tapped(
                                    &ui.add(
                                        egui::Button::new(m.as_str())
                                            .selected(chosen)
                                            .min_size(vec2(theme::TOUCH, theme::TOUCH)),
                                    ),
                                ) {
                                    *member = if chosen { None } else { Some(m.clone()) };
                                }
                            }
                        });
                    }
                    Input::Choice(index) => {
                        ui.horizontal_wrapped(|ui| {
                            for (k, c) in field.choices.iter().enumerate() {
                                if theme::tapped(
                                    &ui.add(
                                        egui::Button::new(c.as_str())
                                            .selected(*index == k)
                                            .min_size(vec2(theme::TOUCH, theme::TOUCH)),
                                    ),
                                ) {
                                    *index = k;
                                }
                            }
                        });
                    }
                    Input::Flag(flag) => {
                        let text = if *flag {
                            tr(lang, T::Yes)
                        } else {
                            tr(lang, T::No)
                        };
                        if theme::tapped(
                            &ui.add(
                                egui::Button::new(text)
                                    .selected(*flag)
                                    .min_size(vec2(theme::TOUCH * 2.0, theme::TOUCH)),
                            ),
                        ) {
                            *flag = !*flag;
                        }
                    }
                }
            });
        }
        let name_warning = form.kind == FormKind::Client && looks_like_a_name(form.text("code"));
        if name_warning {
            ui.label(
                RichText::new(format!("⚠ {}", tr(lang, T::LooksLikeAName)))
                    .color(colour::BAD)
                    .strong(),
            );
        }
        // A refusal that says what the warning above already says is not said twice.
        if let Some(error) = form
            .error
            .as_ref()
            .filter(|e| !(name_warning && e.as_str() == tr(lang, T::LooksLikeAName)))
        {
            ui.label(
                RichText::new(format!("✕ {error}"))
                    .color(colour::BAD)
                    .strong(),
            );
        }
        ui.add_space(8.0);
        if let Some(layout) = layout
            && let Some(field) = form.fields.get_mut(form.focus)
            && let Input::Text(text) | Input::Number(text) = &mut field.input
        {
            // Keys type at the field's cursor: a word in the middle is corrected where it is.
            let pressed =
                keyboard::show(ui, lang, layout, &mut form.keyboard, (text, focused_edit));
            if pressed == KeyOutcome::Enter {
                // Enter moves to the next field to type in, or saves from the last one.
                let next = form
                    .fields
                    .iter()
                    .enumerate()
                    .skip(form.focus + 1)
                    .find(|(_, f)| matches!(f.input, Input::Text(_) | Input::Number(_)));
                match next {
                    Some((i, _)) => {
                        form.focus = i;
                        form.focus_pending = true;
                    }
                    None => outcome = FormOutcome::Save,
                }
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let save = egui::Button::new(
                RichText::new(format!("✓  {}", tr(lang, T::Save))).color(egui::Color32::WHITE),
            )
            .fill(colour::ACCENT)
            .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH));
            if theme::tapped(&ui.add(save)) {
                outcome = FormOutcome::Save;
            }
            let cancel = egui::Button::new(format!("✕  {}", tr(lang, T::Cancel)))
                .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH));
            if theme::tapped(&ui.add(cancel)) {
                outcome = FormOutcome::Cancel;
            }
        });
    });
    if modal.should_close() && outcome == FormOutcome::Open {
        outcome = FormOutcome::Cancel;
    }
    if form.fields != before {
        // Whatever was refused is being corrected: the refusal goes.
        form.error = None;
    }
    outcome
}

/// ◀ date ▶ with shortcuts. Optional dates (a due date) can be cleared. Every button keeps
/// its place whatever the date: the date sits in a box as wide as the widest date, and a
/// button that cannot be used is greyed rather than taken away, so that a second tap lands
/// where the first did.
fn date_picker(
    ui: &mut egui::Ui,
    lang: Lang,
    date: &mut Option<NaiveDate>,
    max: Option<NaiveDate>,
    due: bool,
    today: NaiveDate,
) {
    let small = |ui: &mut egui::Ui, text: &str, enabled: bool| {
        let button = egui::Button::new(text).min_size(vec2(theme::TOUCH, theme::TOUCH));
        theme::tapped(&ui.add_enabled(enabled, button))
    };
    let font = egui::TextStyle::Heading.resolve(ui.style());
    // The widest a date gets ("mer. 30 sept."), or the words for none.
    let widest = NaiveDate::from_ymd_opt(2026, 9, 30)
        .map(|d| i18n::short_date(lang, d))
        .into_iter()
        .chain([tr(lang, T::NoDate).to_owned()])
        .map(|t| {
            ui.painter()
                .layout_no_wrap(t, font.clone(), colour::INK)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    ui.horizontal(|ui| {
        if small(ui, "◀", date.is_some())
            && let Some(d) = *date
        {
            *date = d.pred_opt();
        }
        let shown = date.map_or_else(
            || RichText::new(tr(lang, T::NoDate)).color(colour::MUTED),
            |d| RichText::new(i18n::short_date(lang, d)),
        );
        ui.allocate_ui_with_layout(
            vec2(widest + 8.0, theme::TOUCH),
            egui::Layout::centered_and_justified(egui::Direction::LeftToRight),
            |ui| ui.label(shown.text_style(egui::TextStyle::Heading)),
        );
        let can_go_on = date.is_some_and(|d| max.is_none_or(|m| d < m));
        if small(ui, "▶", can_go_on)
            && let Some(d) = *date
        {
            *date = d.succ_opt();
        }
    });
    if due {
        ui.horizontal_wrapped(|ui| {
            for (label, days) in [(T::InOneWeek, 7), (T::InTwoWeeks, 14), (T::InOneMonth, 30)] {
                if small(ui, tr(lang, label), true) {
                    *date = Some(today + Duration::days(days));
                }
            }
            if small(ui, tr(lang, T::NoDate), date.is_some()) {
                *date = None;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_recognised_and_codes_are_not() {
        for name in ["Jean Tremblay", "Marie-Ève Roy", "Léa Gagnon-Côté"] {
            assert!(looks_like_a_name(name), "{name}");
        }
        for code in [
            "J-2026-114",
            "AB12",
            "Client 42",
            "jean",
            "DOSSIER 17",
            "X Y",
        ] {
            assert!(!looks_like_a_name(code), "{code}");
        }
    }
}
