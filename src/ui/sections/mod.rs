//! The body of each kind of section: what it holds, and the taps that change it. Every status
//! has a shape as well as a colour (✓ ! ✕), and every empty section says how to fill it.

mod actions;
mod escalations;
mod ideas;
mod indicator;
mod mood;
mod safety;

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

use actions::*;
use escalations::*;
use ideas::*;
use indicator::*;

pub(super) use actions::member_toggle;
pub(super) use mood::face;
pub(super) use safety::safety_month;

type Commands = Vec<UiCommand>;

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
    let add_hint = |text: T| format!("{} — {}", tr(lang, text), tr(lang, T::TapPlusToAdd));
    match (&section.kind, data) {
        (SectionKind::Indicator(spec), Some(SectionView::Indicator(values))) => {
            indicator(ui, lang, &section.id, spec, values, mode)
        }
        (SectionKind::Actions { .. }, Some(SectionView::Actions(actions))) => {
            if actions.is_empty() {
                empty(ui, &add_hint(T::NoActionYet));
            }
            let row = theme::TOUCH;
            let (shown, hidden) = fitting(mode, ui.available_height(), actions.iter().map(|_| row));
            let deleting = super::facilitator::deleting(screen, state);
            let mut draw = |ui: &mut egui::Ui, a: &view::ActionView| {
                ui.horizontal(|ui| {
                    let (label, fill) = status_look(lang, a.status);
                    let chip =
                        egui::Button::new(RichText::new(label).color(Color32::WHITE).strong())
                            .fill(fill)
                            .min_size(vec2(130.0, theme::TOUCH));
                    if theme::tapped(&ui.add(chip)) {
                        let next = match a.status {
                            ActionStatus::Todo => ActionStatus::Doing,
                            ActionStatus::Doing => ActionStatus::Done,
                            ActionStatus::Done | ActionStatus::Cancelled => ActionStatus::Todo,
                        };
                        commands.push(UiCommand::Edit {
                            section: section.id.clone(),
                            edit: Edit::SetActionStatus {
                                id: a.id.clone(),
                                status: next,
                            },
                        });
                    }
                    if deleting {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            super::facilitator::delete_button(
                                ui,
                                screen,
                                state,
                                &section.id,
                                &a.id,
                                crate::model::EntryKind::Action,
                                commands,
                            );
                            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                                action_words(ui, lang, mode, a);
                            });
                        });
                    } else {
                        ui.vertical(|ui| action_words(ui, lang, mode, a));
                    }
                });
            };
            if mode == Mode::Full {
                let key = |a: &&view::ActionView| {
                    let shown = (&a.title, &a.owner, a.due, a.status.name());
                    egui::epaint::util::hash((shown, a.overdue, a.stale, lang, deleting))
                };
                let id = ui.scope_id().with("rows");
                super::list::lazy_rows(ui, id, actions, key, |ui, a| draw(ui, a));
            } else {
                ui.spacing_mut().item_spacing.y = ROW_SPACING;
                for a in &actions[..shown] {
                    let (rect, _) =
                        ui.allocate_exact_size(vec2(ui.available_width(), row), Sense::hover());
                    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
                    draw(&mut child, a);
                }
                more_cue(ui, lang, hidden, section, state);
            }
        }
        (SectionKind::Ideas { columns, .. }, Some(SectionView::Ideas(ideas))) => {
            if ideas.is_empty() {
                empty(ui, &add_hint(T::NoIdeaYet));
            }
            idea_columns(ui, (screen, state), section, columns, ideas, mode, commands);
        }
        (SectionKind::Escalations { .. }, Some(SectionView::Escalations(list))) => {
            if list.is_empty() {
                empty(ui, &add_hint(T::NoEscalationYet));
            }
            let width = ui.available_width();
            let room = ui.available_height();
            let heights = |buttons: bool| -> Vec<f32> {
                list.iter()
                    .map(|e| escalation_height(board, e, width, buttons))
                    .collect()
            };
            ui.spacing_mut().item_spacing.y = ROW_SPACING;
            // With their buttons; in a card too small for even one with its buttons, the
            // escalations alone (their buttons are one tap away, in the section opened).
            let mut buttons = true;
            let mut heights_now = heights(true);
            let (mut shown, mut hidden) = fitting(mode, room, heights_now.iter().copied());
            if shown == 0 && !list.is_empty() {
                buttons = false;
                heights_now = heights(false);
                (shown, hidden) = fitting(mode, room, heights_now.iter().copied());
            }
            for (e, height) in list.iter().zip(&heights_now).take(shown) {
                if mode == Mode::Full {
                    escalation(ui, board, screen, state, e, (mode, buttons), commands);
                    ui.add_space(6.0);
                } else {
                    // Each in the room counted for it, so that none runs over the next.
                    let (rect, _) = ui.allocate_exact_size(vec2(width, *height), Sense::hover());
                    let mut child = ui.new_child(
                        egui::UiBuilder::new()
                            .max_rect(rect)
                            .layout(egui::Layout::top_down(egui::Align::Min)),
                    );
                    child.set_clip_rect(rect.expand(2.0).intersect(ui.clip_rect()));
                    escalation(
                        &mut child,
                        board,
                        screen,
                        state,
                        e,
                        (mode, buttons),
                        commands,
                    );
                }
            }
            more_cue(ui, lang, hidden, section, state);
            // Where they go, under them, where the card has a line left for it.
            if mode == Mode::Full || ui.available_height() >= theme::DETAIL_TEXT * 1.25 {
                let target = board.parent.as_deref().map(|p| board_title(screen, p));
                let text = match target {
                    Some(parent) => format!("{} : {parent}", tr(lang, T::EscalationsGoTo)),
                    None => tr(lang, T::TopOfChain).to_owned(),
                };
                words(
                    ui,
                    mode,
                    RichText::new(text)
                        .size(theme::DETAIL_TEXT)
                        .color(colour::MUTED),
                );
            }
        }
        (SectionKind::Mood, Some(SectionView::Mood(mood))) => {
            // Five faces across the card, each at least a finger wide, close together.
            let spacing = 6.0;
            ui.spacing_mut().item_spacing.x = spacing;
            let size = ((ui.available_width() - 4.0 * spacing) / 5.0).clamp(44.0, 96.0);
            let size = if mode == Mode::Card {
                size.min(64.0)
            } else {
                size
            };
            ui.horizontal(|ui| {
                for level in (0..5u8).rev() {
                    let column = egui::Layout::top_down(egui::Align::Center);
                    ui.allocate_ui_with_layout(vec2(size, size + 30.0), column, |ui| {
                        let response = face(ui, level, size).interact(Sense::click());
                        if theme::tapped_named(&response, i18n::mood_name(lang, level), None) {
                            commands.push(UiCommand::Edit {
                                section: section.id.clone(),
                                edit: Edit::Vote {
                                    date: today,
                                    face: level,
                                },
                            });
                        }
                        ui.label(
                            RichText::new(mood.today[usize::from(level)].to_string()).strong(),
                        );
                    });
                }
            });
            if mood.today.iter().sum::<u32>() == 0 && ui.available_height() >= 30.0 {
                words(
                    ui,
                    mode,
                    RichText::new(tr(lang, T::NoVoteYet))
                        .color(colour::MUTED)
                        .italics(),
                );
            }
            if mood.weeks.len() > 1 {
                let trend: String = mood
                    .weeks
                    .iter()
                    .map(|(_, mean, _)| ["▁", "▂", "▄", "▆", "█"][(mean.round() as usize).min(4)])
                    .collect();
                ui.label(
                    RichText::new(format!("{} {trend}", tr(lang, T::MoodTrend)))
                        .size(theme::DETAIL_TEXT)
                        .color(colour::MUTED),
                );
            }
        }
        (SectionKind::Attendance, Some(SectionView::Attendance(present))) => {
            ui.spacing_mut().item_spacing = vec2(8.0, 6.0);
            // Where each name's chip would go, to know how many fit before drawing them.
            let font = egui::TextStyle::Button.resolve(ui.style());
            let padding = ui.spacing().button_padding.x * 2.0;
            let widths: Vec<f32> = board
                .members
                .iter()
                .map(|m| {
                    let text = if present.contains(m) {
                        format!("✓ {m}")
                    } else {
                        m.clone()
                    };
                    let width = ui
                        .painter()
                        .layout_no_wrap(text, font.clone(), colour::INK)
                        .size()
                        .x;
                    (width + padding).max(48.0).min(ui.available_width())
                })
                .collect();
            let row = theme::TOUCH + 6.0;
            let lines = |room: f32| ((room + 6.0) / row).floor().max(0.0) as usize;
            let chips_in = |lines: usize| {
                if lines == 0 {
                    return 0;
                }
                let (mut line, mut x) = (1, 0.0);
                for (i, w) in widths.iter().enumerate() {
                    if x > 0.0 && x + w > ui.available_width() {
                        line += 1;
                        x = 0.0;
                    }
                    if line > lines {
                        return i;
                    }
                    x += w + 8.0;
                }
                widths.len()
            };
            let room = ui.available_height();
            let shown = match mode {
                Mode::Full => widths.len(),
                _ if chips_in(lines(room)) == widths.len() => widths.len(),
                _ => chips_in(lines(room - CUE_ROOM)),
            };
            ui.horizontal_wrapped(|ui| {
                for member in &board.members[..shown] {
                    let here = present.contains(member);
                    let button = member_toggle(member, here, vec2(48.0, 48.0));
                    if theme::tapped(&ui.add(button)) {
                        commands.push(UiCommand::Edit {
                            section: section.id.clone(),
                            edit: Edit::SetPresent {
                                date: today,
                                member: member.clone(),
                                present: !here,
                            },
                        });
                    }
                }
            });
            more_cue(ui, lang, board.members.len() - shown, section, state);
            if present.is_empty() && ui.available_height() >= 30.0 {
                empty(ui, tr(lang, T::AttendanceNotTaken));
            }
        }
        (
            SectionKind::Trajectory {
                stages,
                wait_warning_days,
                private,
                ..
            },
            Some(SectionView::Trajectory(all)),
        ) => {
            let shown = state
                .revealed
                .as_ref()
                .is_some_and(|(id, _)| *id == section.id);
            if *private && !shown {
                // A privacy screen: who is waiting where stays hidden until a tap.
                let button = egui::Button::new(
                    RichText::new(format!("◉ {}", tr(lang, T::PrivateHidden)))
                        .text_style(egui::TextStyle::Button),
                )
                .min_size(vec2(ui.available_width(), theme::TOUCH * 2.0));
                if theme::tapped(&ui.add(button)) {
                    state.revealed = Some((section.id.clone(), screen.now));
                }
                return;
            }
            if *private {
                let hide = egui::Button::new(format!("◉ {}", tr(lang, T::HideNow)))
                    .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH));
                if theme::tapped(&ui.add(hide)) {
                    state.revealed = None;
                }
            }
            let (clients, others): (Vec<&view::ClientView>, Vec<&view::ClientView>) =
                all.iter().partition(|c| c.team.is_none());
            if clients.is_empty() {
                empty(ui, &add_hint(T::NoClientYet));
            }
            // A client on both boards is being handed over: both teams see it.
            let handed_over = |code: &str| {
                clients.iter().any(|c| c.code == code) && others.iter().any(|c| c.code == code)
            };
            let clients = &clients;
            // In a card, the other teams' clients are counted, and shown when it opens.
            let height = if mode == Mode::Full || others.is_empty() {
                ui.available_height()
            } else {
                (ui.available_height() - CUE_ROOM).max(0.0)
            };
            let mut move_on = |ui: &mut egui::Ui, c: &view::ClientView, i: usize, full: bool| {
                let (text, name, edit) = match stages.get(i + 1) {
                    Some(next) => (
                        "▶".to_owned(),
                        format!("▶ {next}"),
                        Edit::MoveClient {
                            id: c.id.clone(),
                            stage: next.clone(),
                            since: today,
                        },
                    ),
                    // Past the last stage, the client leaves the trajectory (the sheet stays
                    // in the history).
                    None => (
                        "✓".to_owned(),
                        format!("✓ {}", tr(lang, T::EndFollowUp)),
                        Edit::Remove {
                            id: c.id.clone(),
                            kind: crate::model::EntryKind::Client,
                        },
                    ),
                };
                let button = if full {
                    egui::Button::new(name.clone()).min_size(vec2(theme::TOUCH, theme::TOUCH))
                } else {
                    egui::Button::new(text).min_size(vec2(48.0, theme::TOUCH))
                };
                if theme::tapped_named(&ui.add(button), name, None) {
                    commands.push(UiCommand::Edit {
                        section: section.id.clone(),
                        edit,
                    });
                }
            };
            let top = ui.cursor().min.y;
            let mut columns_ui = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(egui::Rect::from_min_size(
                        ui.cursor().min,
                        vec2(ui.available_width(), height),
                    ))
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            side_by_side(&mut columns_ui, stages.len(), |i, col| {
                let Some(stage) = stages.get(i) else {
                    return;
                };
                let here: Vec<&view::ClientView> = clients
                    .iter()
                    .filter(|c| &c.stage == stage)
                    .copied()
                    .collect();
                let (rect, _) =
                    col.allocate_exact_size(vec2(col.available_width(), 4.0), Sense::hover());
                col.painter().rect_filled(rect, 2.0, colour::LINE);
                words(
                    col,
                    mode,
                    RichText::new(format!("{stage} ({})", here.len())).strong(),
                );
                let row = theme::TOUCH + 12.0;
                col.spacing_mut().item_spacing.y = ROW_SPACING;
                let (shown, hidden) =
                    fitting(mode, col.available_height(), here.iter().map(|_| row));
                for c in &here[..shown] {
                    let long = wait_warning_days.is_some_and(|w| c.days_waiting >= i64::from(w));
                    let days = format!("{} {}", c.days_waiting, tr(lang, T::DaysInStage));
                    let days = if long {
                        RichText::new(format!("! {days}"))
                            .size(theme::DETAIL_TEXT)
                            .color(colour::BAD)
                            .strong()
                    } else {
                        RichText::new(days)
                            .size(theme::DETAIL_TEXT)
                            .color(colour::MUTED)
                    };
                    let code = if handed_over(&c.code) {
                        format!("⇄ {}", c.code)
                    } else {
                        c.code.clone()
                    };
                    egui::Frame::new()
                        .fill(Color32::from_rgb(0xE8, 0xF1, 0xFA))
                        .corner_radius(6)
                        .inner_margin(6)
                        .show(col, |ui| {
                            ui.set_min_width(ui.available_width());
                            if mode == Mode::Full {
                                ui.add(egui::Label::new(RichText::new(&code).strong()).wrap());
                                ui.add(egui::Label::new(days).wrap());
                                if !c.next_step.is_empty() {
                                    ui.add(
                                        egui::Label::new(
                                            RichText::new(&c.next_step).size(theme::DETAIL_TEXT),
                                        )
                                        .wrap(),
                                    );
                                }
                                move_on(ui, c, i, true);
                            } else {
                                ui.set_height(theme::TOUCH);
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        move_on(ui, c, i, false);
                                        ui.vertical(|ui| {
                                            ui.spacing_mut().item_spacing.y = 2.0;
                                            line(ui, RichText::new(&code).strong());
                                            line(ui, days);
                                        });
                                    },
                                );
                            }
                        });
                }
                more_cue(col, lang, hidden, section, state);
            });
            let used = columns_ui.min_rect().bottom().max(top);
            ui.allocate_rect(
                egui::Rect::from_min_max(
                    egui::pos2(ui.cursor().min.x, top),
                    egui::pos2(ui.cursor().min.x + ui.available_width(), used),
                ),
                Sense::hover(),
            );
            if mode == Mode::Full {
                other_teams(ui, lang, screen, &others, &handed_over);
            } else {
                more_cue(ui, lang, others.len(), section, state);
            }
        }
        (SectionKind::Notes, Some(SectionView::Notes(notes))) => {
            if notes.is_empty() {
                empty(ui, &add_hint(T::NoNoteYet));
            }
            let deleting = super::facilitator::deleting(screen, state);
            let row = if deleting { theme::TOUCH } else { 28.0 };
            ui.spacing_mut().item_spacing.y = ROW_SPACING;
            let (shown, hidden) = fitting(mode, ui.available_height(), notes.iter().map(|_| row));
            for n in &notes[..shown] {
                let mark = if n.recognition { "★" } else { "•" };
                let text = RichText::new(format!("{mark} {}", n.text));
                if deleting {
                    ui.horizontal(|ui| {
                        super::facilitator::delete_button(
                            ui,
                            screen,
                            state,
                            &section.id,
                            &n.id,
                            crate::model::EntryKind::Note,
                            commands,
                        );
                        words(ui, mode, text);
                    });
                } else {
                    words(ui, mode, text);
                }
            }
            more_cue(ui, lang, hidden, section, state);
        }
        (SectionKind::Safety, Some(SectionView::Safety(days))) => {
            safety_month(ui, lang, section, today, days, None);
            // The small calendar is for reading; a tap opens it large, with finger-sized days.
            if card_tapped(ui, lang, T::TapToEnter, section) {
                state.safety_open = Some(section.id.clone());
            }
        }
        (SectionKind::Units { .. }, Some(SectionView::Units(units))) => {
            super::units::section(ui, board, section, units, state, mode);
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

fn empty(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).color(colour::MUTED).italics());
}
