//! The body of each kind of section: what it holds, and the taps that change it. Every status
//! has a shape as well as a colour (✓ ! ✕), and every empty section says how to fill it.

mod actions;
mod attendance;
mod escalations;
mod ideas;
mod indicator;
mod mood;
mod notes;
mod safety;
mod trajectory;

use chrono::{Datelike as _, NaiveDate};
use egui::{Color32, RichText, Sense, StrokeKind, vec2};

use super::form::Form;
use super::theme::{self, colour};
use super::{Screen, UiCommand, UiState};
use crate::i18n::{self, T, tr};
use crate::model::{
    ActionStatus, Board, Direction, Edit, Frequency, IndicatorSpec, Lang, SafetyLevel, Section,
    SectionKind,
};
use crate::view::{self, SectionView, Status};

use escalations::*;
use indicator::*;

pub(super) use attendance::member_toggle;
pub(super) use safety::safety_month;

type Commands = Vec<UiCommand>;

/// What the body of every kind of section is drawn with.
pub(super) struct Cx<'a, 's> {
    board: &'a Board,
    section: &'a Section,
    screen: &'a Screen<'s>,
    state: &'a mut UiState,
    commands: &'a mut Commands,
    mode: Mode,
    lang: Lang,
    today: NaiveDate,
}

/// How a section is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Mode {
    /// A card on the board: what fits, the most important first, and how many more there are.
    Card,
    /// Its turn in the huddle: the card brought forward, larger.
    Spotlight,
    /// Opened over the whole screen: every entry, scrolled by dragging.
    Full,
}

/// How wide a section must be for what it holds not to break words: a column per trajectory
/// stage or ideas column; nothing more than a card for the others.
pub(super) fn min_width(section: &Section) -> f32 {
    match &section.kind {
        SectionKind::Trajectory { stages, .. } => stages.len() as f32 * 150.0,
        SectionKind::Ideas { columns, .. } => columns.len() as f32 * 170.0,
        SectionKind::Units { .. } => 520.0,
        _ => 0.0,
    }
}

/// Space between the entries of a list in a card.
const ROW_SPACING: f32 = 6.0;
/// The height of the "+N" cue under a list.
const CUE_HEIGHT: f32 = theme::TOUCH * 0.8;
/// The room the cue takes under a list: itself and the space above it.
pub(super) const CUE_ROOM: f32 = CUE_HEIGHT + ROW_SPACING;

/// How many of the entries of these heights fit in `room`, keeping room for the "+N" cue
/// when some do not. A full section shows them all.
pub(super) fn fitting(
    mode: Mode,
    room: f32,
    heights: impl IntoIterator<Item = f32>,
) -> (usize, usize) {
    let heights: Vec<f32> = heights.into_iter().collect();
    if mode == Mode::Full {
        return (heights.len(), 0);
    }
    let total: f32 = heights.iter().map(|h| h + ROW_SPACING).sum();
    if total <= room {
        return (heights.len(), 0);
    }
    let room = room - CUE_ROOM;
    let mut used = 0.0;
    let mut shown = 0;
    for h in &heights {
        if used + h + ROW_SPACING > room {
            break;
        }
        used += h + ROW_SPACING;
        shown += 1;
    }
    (shown, heights.len() - shown)
}

/// "+6 autres": how many entries the card does not show; a tap opens the section large.
pub(super) fn more_cue(
    ui: &mut egui::Ui,
    lang: Lang,
    hidden: usize,
    section: &Section,
    state: &mut UiState,
) {
    more_cue_of(ui, lang, hidden, (T::OneMore, T::More), section, state);
}

/// "+3 colonnes": the cue for what a card leaves out, named in the singular and the plural.
pub(super) fn more_cue_of(
    ui: &mut egui::Ui,
    lang: Lang,
    hidden: usize,
    (one, more): (T, T),
    section: &Section,
    state: &mut UiState,
) {
    if hidden == 0 {
        return;
    }
    let what = if hidden == 1 { one } else { more };
    let text = format!("+{hidden} {}", tr(lang, what));
    let button = egui::Button::new(RichText::new(&text).strong().color(colour::ACCENT))
        .min_size(vec2(theme::TOUCH * 2.0, CUE_HEIGHT));
    let name = format!("{text} : {}", section.title);
    if theme::tapped_named(&ui.add(button), name, None) {
        state.section_open = Some(section.id.clone());
    }
}

/// One line of text, cut with "…" where the room ends (never broken mid-word nor stretched).
fn line(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).truncate())
}

/// Text that wraps at spaces in a full section and stays on one line, cut with "…", in a card.
fn words(ui: &mut egui::Ui, mode: Mode, text: impl Into<egui::WidgetText>) -> egui::Response {
    if mode == Mode::Full {
        ui.add(egui::Label::new(text).wrap())
    } else {
        line(ui, text)
    }
}

/// In a full section, the words of an entry are one touch target that opens the entry in the
/// form it was made with, to be corrected, named "Corriger : <what>"; whether it was tapped.
/// Its id is the entry's (`entry`), not the words': a press on an idea's words starts a drag
/// that draws them elsewhere, and the tap must still land on the same target.
fn correct_tapped(
    ui: &mut egui::Ui,
    lang: Lang,
    (shown, entry): (&egui::Response, &str),
    what: &str,
) -> bool {
    let id = ui.scope_id().with(("correct", entry));
    // A finger's size at least, however short the words ("ok", a two-letter code).
    let rect = egui::Rect::from_min_size(
        shown.rect.min,
        shown.rect.size().max(vec2(theme::TOUCH, theme::TOUCH)),
    );
    let response = ui.interact(rect, id, Sense::click());
    theme::tapped_named(
        &response,
        format!("{} : {what}", tr(lang, T::Correct)),
        None,
    )
}

/// Draws `n` columns side by side, each in its own top-down area of equal width, so that a
/// column's words wrap at spaces in its width, neither stretched nor letter-spaced.
fn side_by_side(ui: &mut egui::Ui, n: usize, mut column: impl FnMut(usize, &mut egui::Ui)) {
    let n = n.max(1);
    let gap = 10.0;
    let width = ((ui.available_width() - gap * (n as f32 - 1.0)) / n as f32).max(1.0);
    let top = ui.cursor().min;
    let height = ui.available_height().max(0.0);
    let mut bottom = top.y;
    for i in 0..n {
        let rect = egui::Rect::from_min_size(
            egui::pos2(top.x + i as f32 * (width + gap), top.y),
            vec2(width, height),
        );
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .id_salt(("column", i))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        child.set_clip_rect(rect.expand(2.0).intersect(ui.clip_rect()));
        column(i, &mut child);
        bottom = bottom.max(child.min_rect().bottom());
    }
    ui.allocate_rect(
        egui::Rect::from_min_max(top, egui::pos2(top.x + ui.available_width(), bottom)),
        Sense::hover(),
    );
}

pub(super) fn show(
    ui: &mut egui::Ui,
    board: &Board,
    section: &Section,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Commands,
    mode: Mode,
) {
    let lang = board.lang;
    let today = screen.today();
    let data = screen.view.sections.get(&section.id);
    // An indicator's whole card opens its chart, large; the + on top of it enters a value.
    // The card is sensed first so that the widgets drawn on it stay tappable.
    if matches!(section.kind, SectionKind::Indicator(_))
        && card_tapped(ui, lang, T::ShowLarge, section)
    {
        state.chart_open = Some(section.id.clone());
    }
    // Header: title, and a + for the sections that take new entries.
    let takes_entries = matches!(
        section.kind,
        SectionKind::Indicator(_)
            | SectionKind::Actions { .. }
            | SectionKind::Ideas { .. }
            | SectionKind::Escalations { .. }
            | SectionKind::Trajectory { .. }
            | SectionKind::Notes
    );
    // Who is here, counted where it costs no line.
    let mut count = match data {
        Some(SectionView::Attendance(present)) => Some(format!(
            "{}/{} {}",
            present.len(),
            board.members.len(),
            tr(lang, T::Present)
        )),
        _ => None,
    };
    // The title wraps short of what sits on its right (the +, the count), never under it. A
    // count that would squeeze the title goes on a line of its own.
    let width_of = |ui: &egui::Ui, text: &str, style: egui::TextStyle| {
        let font = style.resolve(ui.style());
        ui.painter()
            .layout_no_wrap(text.to_owned(), font, colour::INK)
            .size()
            .x
    };
    let mut count_below = None;
    let reserved = match count.take() {
        _ if takes_entries => theme::TOUCH + ui.spacing().item_spacing.x,
        Some(text) => {
            let needed =
                width_of(ui, &text, egui::TextStyle::Body) + 2.0 * ui.spacing().item_spacing.x;
            let title = width_of(ui, &section.title, egui::TextStyle::Heading);
            if title + needed <= ui.available_width() {
                count = Some(text);
                needed
            } else {
                count_below = Some(text);
                0.0
            }
        }
        None => 0.0,
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().interact_size.y = 0.0;
        let title_width = (ui.available_width() - reserved).max(60.0);
        ui.scope(|ui| {
            ui.set_max_width(title_width);
            ui.add(
                egui::Label::new(
                    RichText::new(&section.title).text_style(egui::TextStyle::Heading),
                )
                .wrap(),
            );
        });
        if let Some(count) = count {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(count).color(colour::MUTED));
            });
        }
        if takes_entries {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                let plus = egui::Button::new(RichText::new("+").size(32.0))
                    .min_size(vec2(theme::TOUCH, theme::TOUCH));
                let name = format!("{} : {}", tr(lang, T::Add), section.title);
                if theme::tapped_named(&ui.add(plus), name, None) {
                    state.form = new_entry_form(board, section, screen, state.person.as_deref());
                }
            });
        }
    });
    if let Some(count) = count_below {
        ui.label(RichText::new(count).color(colour::MUTED));
    }
    ui.add_space(2.0);
    let cx = Cx {
        board,
        section,
        screen,
        state,
        commands,
        mode,
        lang,
        today,
    };
    match (&section.kind, data) {
        (SectionKind::Indicator(spec), Some(SectionView::Indicator(values))) => {
            indicator(ui, lang, &section.id, spec, values, mode)
        }
        (SectionKind::Actions { .. }, Some(SectionView::Actions(actions))) => {
            actions::body(ui, cx, actions)
        }
        (SectionKind::Ideas { columns, .. }, Some(SectionView::Ideas(ideas))) => {
            ideas::body(ui, cx, columns, ideas)
        }
        (SectionKind::Escalations { .. }, Some(SectionView::Escalations(list))) => {
            escalations::body(ui, cx, list)
        }
        (SectionKind::Mood, Some(SectionView::Mood(mood))) => mood::body(ui, cx, mood),
        (SectionKind::Attendance, Some(SectionView::Attendance(present))) => {
            attendance::body(ui, cx, present)
        }
        (
            SectionKind::Trajectory {
                stages,
                wait_warning_days,
                private,
                ..
            },
            Some(SectionView::Trajectory(all)),
        ) => trajectory::body(ui, cx, (stages, wait_warning_days, private), all),
        (SectionKind::Notes, Some(SectionView::Notes(notes))) => notes::body(ui, cx, notes),
        (SectionKind::Safety, Some(SectionView::Safety(days))) => safety::body(ui, cx, days),
        (SectionKind::Units { .. }, Some(SectionView::Units(units))) => {
            crate::ui::units::section(ui, board, section, units, state, mode);
        }
        _ => {}
    }
}

/// Makes the whole card of a section one touch target, named "<what> : <title>"; whether it
/// was tapped.
fn card_tapped(ui: &mut egui::Ui, lang: Lang, what: T, section: &Section) -> bool {
    let card = ui.max_rect().expand(14.0);
    let response = ui.interact(card, ui.scope_id().with("card"), Sense::click());
    theme::tapped_named(
        &response,
        format!("{} : {}", tr(lang, what), section.title),
        None,
    )
}

/// The form that adds an entry to a section (made when + is tapped, not every frame).
fn new_entry_form(
    board: &Board,
    section: &Section,
    screen: &Screen<'_>,
    person: Option<&str>,
) -> Option<Form> {
    let today = screen.today();
    let (id, title) = (&section.id, &section.title);
    Some(match &section.kind {
        SectionKind::Actions { .. } => Form::action(id, title, today, person),
        SectionKind::Ideas { .. } => Form::idea(id, title, today, person),
        SectionKind::Escalations { .. } => {
            Form::escalation(id, title, today, &ancestors(board, screen))
        }
        SectionKind::Trajectory { stages, .. } => Form::client(id, title, stages, today, person),
        SectionKind::Notes => Form::note(id, title, today),
        SectionKind::Indicator(_) => Form::value(id, title, today),
        _ => return None,
    })
}

/// What an empty section says: that it is empty, and how to fill it.
fn add_hint(lang: Lang, text: T) -> String {
    format!("{} — {}", tr(lang, text), tr(lang, T::TapPlusToAdd))
}

fn empty(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).color(colour::MUTED).italics());
}
