//! The body of each kind of section: what it holds, and the taps that change it. Every status
//! has a shape as well as a colour (✓ ! ✕), and every empty section says how to fill it.

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

/// How wide `text` is on one line.
fn width_of(ui: &egui::Ui, text: &RichText) -> f32 {
    egui::WidgetText::from(text.clone())
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::FontSelection::Default,
        )
        .size()
        .x
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

/// A member's name to tick: ✓ and selected when here; `size` at least.
pub(super) fn member_toggle(member: &str, here: bool, size: egui::Vec2) -> egui::Button<'static> {
    let text = if here {
        format!("✓ {member}")
    } else {
        member.to_owned()
    };
    egui::Button::new(text).selected(here).min_size(size)
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

/// What is carried while an idea is dragged: its id.
struct DraggedIdea(String);

/// The ideas board: a column each, a card each. Cards move by a tap on ◀ ▶ (always there), or
/// by dragging them to another column. A card shows as many ideas of each column as fit, with
/// how many more each column holds.
fn idea_columns(
    ui: &mut egui::Ui,
    (screen, state): (&Screen<'_>, &mut UiState),
    section: &Section,
    columns: &[crate::model::IdeaColumn],
    ideas: &[view::IdeaView],
    mode: Mode,
    commands: &mut Commands,
) {
    let lang = screen.lang();
    let move_to = |id: &str, column: &str| UiCommand::Edit {
        section: section.id.clone(),
        edit: Edit::MoveIdea {
            id: id.to_owned(),
            column: column.to_owned(),
        },
    };
    let deleting = super::facilitator::deleting(screen, state);
    side_by_side(ui, columns.len(), |i, col| {
        let Some(column) = columns.get(i) else {
            return;
        };
        let here: Vec<_> = ideas
            .iter()
            .filter(|idea| idea.column == column.name)
            .collect();
        let over = column.limit.is_some_and(|l| here.len() > l as usize);
        let header = match column.limit {
            Some(l) => format!("{} ({}/{l})", column.name, here.len()),
            None => format!("{} ({})", column.name, here.len()),
        };
        let (rect, _) = col.allocate_exact_size(vec2(col.available_width(), 4.0), Sense::hover());
        col.painter()
            .rect_filled(rect, 2.0, if over { colour::BAD } else { colour::LINE });
        let header =
            RichText::new(header)
                .strong()
                .color(if over { colour::BAD } else { colour::INK });
        words(col, mode, header);
        if over {
            words(
                col,
                mode,
                RichText::new(format!("! {}", tr(lang, T::WipExceeded)))
                    .color(colour::BAD)
                    .size(theme::MIN_TEXT),
            );
        }
        let row = theme::TOUCH + 12.0;
        col.spacing_mut().item_spacing.y = ROW_SPACING;
        let (shown, hidden) = fitting(mode, col.available_height(), here.iter().map(|_| row));
        let zone_height = if hidden > 0 {
            (col.available_height() - CUE_ROOM).max(theme::TOUCH)
        } else {
            col.available_height().max(theme::TOUCH)
        };
        let prev = i.checked_sub(1).and_then(|p| columns.get(p));
        let next = columns.get(i + 1);
        let (_, dropped) = col.dnd_drop_zone::<DraggedIdea, ()>(egui::Frame::new(), |ui| {
            ui.set_min_size(vec2(ui.available_width(), zone_height));
            let mut card = |ui: &mut egui::Ui, idea: &view::IdeaView| {
                egui::Frame::new()
                    .fill(Color32::from_rgb(0xFF, 0xF6, 0xC8))
                    .corner_radius(6)
                    .inner_margin(6)
                    .show(ui, |ui| {
                        ui.set_min_width(ui.available_width());
                        // ◀ ▶ to the columns beside, and ✕ in facilitator mode.
                        let buttons =
                            |ui: &mut egui::Ui, commands: &mut Commands, compact: bool| {
                                for (arrow, to) in [("◀", prev), ("▶", next)] {
                                    let Some(to) = to else { continue };
                                    let name = format!("{arrow} {}", to.name);
                                    let (text, size) = if compact {
                                        (arrow.to_owned(), vec2(48.0, theme::TOUCH))
                                    } else {
                                        (name.clone(), vec2(theme::TOUCH, theme::TOUCH))
                                    };
                                    let button = egui::Button::new(text).min_size(size);
                                    if theme::tapped_named(&ui.add(button), name, None) {
                                        commands.push(move_to(&idea.id, &to.name));
                                    }
                                }
                                super::facilitator::delete_button(
                                    ui,
                                    screen,
                                    state,
                                    &section.id,
                                    &idea.id,
                                    crate::model::EntryKind::Idea,
                                    commands,
                                );
                            };
                        // The words of the card are the drag handle; the buttons stay buttons.
                        // One id per idea and way of drawing it: opened over its card, an idea
                        // is drawn twice in one frame.
                        let drag_id = egui::Id::unique(("idea", &idea.id, mode));
                        let text = |ui: &mut egui::Ui| {
                            ui.dnd_drag_source(drag_id, DraggedIdea(idea.id.clone()), |ui| {
                                ui.spacing_mut().item_spacing.y = 2.0;
                                words(ui, mode, &idea.title);
                                let mut by = idea.by.clone().unwrap_or_default();
                                if idea.stale {
                                    by = format!("◷ {} {by}", tr(lang, T::Stale));
                                }
                                if !by.trim().is_empty() {
                                    let colour = if idea.stale {
                                        colour::WATCH
                                    } else {
                                        colour::MUTED
                                    };
                                    words(
                                        ui,
                                        mode,
                                        RichText::new(by.trim())
                                            .size(theme::MIN_TEXT)
                                            .color(colour),
                                    );
                                }
                            });
                        };
                        if mode == Mode::Full {
                            text(ui);
                            ui.horizontal_wrapped(|ui| buttons(ui, commands, false));
                        } else {
                            ui.set_height(theme::TOUCH);
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    buttons(ui, commands, true);
                                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), text);
                                },
                            );
                        }
                    });
            };
            if mode == Mode::Full {
                let key = |idea: &&&view::IdeaView| {
                    egui::epaint::util::hash((&idea.title, &idea.by, idea.stale, lang, deleting))
                };
                let id = ui.scope_id().with(("cards", &column.name));
                super::list::lazy_rows(ui, id, &here, key, |ui, idea| card(ui, idea));
            } else {
                ui.spacing_mut().item_spacing.y = ROW_SPACING;
                for idea in &here[..shown] {
                    card(ui, idea);
                }
            }
        });
        if let Some(dragged) = dropped
            && !here.iter().any(|idea| idea.id == dragged.0)
        {
            commands.push(move_to(&dragged.0, &column.name));
        }
        more_cue(col, lang, hidden, section, state);
    });
}

/// The clients of the other teams on the trajectory, read-only, team by team: where each is,
/// for how long; a client also on this board (a hand-over under way) is marked ⇄.
fn other_teams(
    ui: &mut egui::Ui,
    lang: Lang,
    screen: &Screen<'_>,
    others: &[&view::ClientView],
    handed_over: &dyn Fn(&str) -> bool,
) {
    let mut teams: Vec<&str> = others.iter().filter_map(|c| c.team.as_deref()).collect();
    teams.sort_unstable();
    teams.dedup();
    for team in teams {
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!(
                "{} — {}",
                board_title(screen, team),
                tr(lang, T::ReadOnly)
            ))
            .strong()
            .color(colour::MUTED),
        );
        ui.horizontal_wrapped(|ui| {
            for c in others.iter().filter(|c| c.team.as_deref() == Some(team)) {
                let mark = if handed_over(&c.code) { "⇄ " } else { "" };
                egui::Frame::new()
                    .fill(colour::EMPTY_DAY)
                    .corner_radius(6)
                    .inner_margin(6)
                    .show(ui, |ui| {
                        ui.label(
                            RichText::new(format!(
                                "{mark}{} · {} · {} {}",
                                c.code,
                                c.stage,
                                c.days_waiting,
                                tr(lang, T::DaysInStage)
                            ))
                            .size(theme::DETAIL_TEXT),
                        );
                    });
            }
        });
    }
}

/// A board's title, or its id when no board file names it.
fn board_title<'a>(screen: &'a Screen<'_>, id: &'a str) -> &'a str {
    screen.live.board(id).map_or(id, |b| b.title.as_str())
}

/// One escalation: what, from where, where it stands, its answer; and, on the board holding
/// it, the taps that take it, answer it or send it up; on the board that raised it, the tap
/// that closes it once answered.
fn escalation(
    ui: &mut egui::Ui,
    board: &Board,
    screen: &Screen<'_>,
    state: &mut UiState,
    e: &view::EscalationView,
    (mode, buttons): (Mode, bool),
    commands: &mut Commands,
) {
    use crate::model::EscalationStatus as S;
    let lang = board.lang;
    ui.spacing_mut().item_spacing.y = 2.0;
    let status = match e.status {
        S::Answered => tr(lang, T::Answered),
        S::Taken => tr(lang, T::Taken),
        S::Closed => tr(lang, T::Closed),
        S::Open => tr(lang, T::Open),
    };
    let title = if e.received {
        format!(
            "▼ {} — {} {}",
            e.title,
            tr(lang, T::From),
            board_title(screen, &e.at.board)
        )
    } else {
        format!("▲ {}", e.title)
    };
    let title = RichText::new(title).strong();
    words(
        ui,
        mode,
        if e.status == S::Closed {
            title.strikethrough().color(colour::MUTED)
        } else {
            title
        },
    );
    let mut meta = vec![
        e.why.clone(),
        status.to_owned(),
        format!(
            "{} {}",
            tr(lang, T::AskedOn),
            i18n::short_date(lang, e.raised.at.date_naive())
        ),
    ];
    // Where it went, when it went past the board it was first sent to.
    if e.route.len() > 1
        && let Some(to) = &e.to
    {
        meta.push(format!(
            "{} {}",
            tr(lang, T::SentUpTo),
            board_title(screen, to)
        ));
    }
    if let Some(due) = e.due
        && e.status.awaits_answer()
    {
        meta.push(format!(
            "{} {}",
            tr(lang, T::AnswerDue),
            i18n::short_date(lang, due)
        ));
    }
    if e.late {
        meta.insert(0, format!("✕ {}", tr(lang, T::Late)));
    }
    let meta = RichText::new(meta.join(" · ")).size(theme::DETAIL_TEXT);
    words(
        ui,
        mode,
        if e.late {
            meta.color(colour::BAD).strong()
        } else {
            meta.color(colour::MUTED)
        },
    );
    if let Some((text, by, _)) = &e.answer {
        words(
            ui,
            mode,
            RichText::new(format!(
                "↳ {} {} : {text}",
                tr(lang, T::AnswerFrom),
                board_title(screen, by)
            ))
            .color(colour::GOOD)
            .strong(),
        );
    }
    if !buttons {
        return;
    }
    let button = |ui: &mut egui::Ui, label: T| {
        let name = format!("{} : {}", tr(lang, label), e.title);
        let b = egui::Button::new(tr(lang, label)).min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH));
        theme::tapped_named(&ui.add(b), name, None)
    };
    let edit = |edit: Edit| UiCommand::Edit {
        section: e.at.section.clone(),
        edit,
    };
    if e.held_by(&board.id) {
        ui.horizontal_wrapped(|ui| {
            if e.status == S::Open && button(ui, T::TakeIt) {
                commands.push(edit(Edit::TakeEscalation {
                    at: e.at.clone(),
                    by: board.id.clone(),
                }));
            }
            if button(ui, T::AnswerIt) {
                state.form = Some(Form::answer(
                    e.at.clone(),
                    &board.id,
                    &e.title,
                    screen.today(),
                ));
            }
            if let Some(parent) = &board.parent
                && button(ui, T::SendUp)
            {
                let mut route = e.route.clone();
                route.push(parent.clone());
                // Sent up, it is this board's escalation too: its answer delay counts.
                let days = board.answer_within_days().unwrap_or(3);
                commands.push(edit(Edit::ForwardEscalation {
                    at: e.at.clone(),
                    to: parent.clone(),
                    route,
                    due: Some(crate::model::calendar::add_working_days(
                        screen.today(),
                        days,
                    )),
                }));
            }
        });
    } else if !e.received && e.status == S::Answered && button(ui, T::CloseIt) {
        commands.push(edit(Edit::CloseEscalation { at: e.at.clone() }));
    }
}

/// The buttons an escalation shows on this board: take, answer, send up; or close.
fn escalation_buttons(board: &Board, e: &view::EscalationView) -> usize {
    use crate::model::EscalationStatus as S;
    if e.held_by(&board.id) {
        usize::from(e.status == S::Open) + 1 + usize::from(board.parent.is_some())
    } else {
        usize::from(!e.received && e.status == S::Answered)
    }
}

/// The height an escalation takes in a card `width` wide: its title, what and when, its
/// answer, and its buttons (in as many rows as they need) when it shows them.
fn escalation_height(board: &Board, e: &view::EscalationView, width: f32, buttons: bool) -> f32 {
    let mut height = 30.0 + 26.0;
    if e.answer.is_some() {
        height += 28.0;
    }
    let buttons = if buttons {
        escalation_buttons(board, e)
    } else {
        0
    };
    if buttons > 0 {
        let per_row = ((width + 12.0) / 240.0).floor().max(1.0) as usize;
        height += buttons.div_ceil(per_row) as f32 * (theme::TOUCH + 6.0) + 4.0;
    }
    height
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

/// The boards above this one, nearest first: where an escalation can go.
fn ancestors(board: &Board, screen: &Screen<'_>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut next = board.parent.as_deref();
    while let Some(id) = next {
        let Some(b) = screen.live.board(id) else {
            break;
        };
        if out.iter().any(|(seen, _)| seen == id) {
            break;
        }
        out.push((
            b.id.clone(),
            format!("{} ({})", b.title, i18n::level_name(board.lang, &b.level)),
        ));
        next = b.parent.as_deref();
    }
    out
}

/// An action's words: its title (struck through once closed), owner and due date or how late
/// it is, and whether it has gone stale; wrapped in a full section, one line each in a card.
fn action_words(ui: &mut egui::Ui, lang: Lang, mode: Mode, a: &view::ActionView) {
    ui.spacing_mut().item_spacing.y = 2.0;
    let title = RichText::new(&a.title);
    words(
        ui,
        mode,
        if a.status.is_closed() {
            title.strikethrough().color(colour::MUTED)
        } else {
            title
        },
    );
    let mut meta = Vec::new();
    if a.overdue {
        meta.push(format!("✕ {}", tr(lang, T::Overdue)));
    }
    if let Some(o) = &a.owner {
        meta.push(o.clone());
    }
    if let Some(d) = a.due {
        meta.push(i18n::short_date(lang, d));
    }
    if a.stale {
        meta.push(format!("◷ {}", tr(lang, T::Stale)));
    }
    if meta.is_empty() {
        return;
    }
    let text = RichText::new(meta.join(" · ")).size(theme::DETAIL_TEXT);
    words(
        ui,
        mode,
        if a.overdue {
            text.color(colour::BAD).strong()
        } else if a.stale {
            text.color(colour::WATCH)
        } else {
            text.color(colour::MUTED)
        },
    );
}

fn empty(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).color(colour::MUTED).italics());
}

fn status_look(lang: Lang, status: ActionStatus) -> (&'static str, Color32) {
    match status {
        ActionStatus::Todo => (tr(lang, T::Todo), colour::MUTED),
        ActionStatus::Doing => (tr(lang, T::Doing), colour::ACCENT),
        ActionStatus::Done => (tr(lang, T::Done), colour::GOOD),
        ActionStatus::Cancelled => (tr(lang, T::Cancelled), colour::MUTED),
    }
}

/// A status's colour and shape.
fn status_mark(status: Status) -> (&'static str, Color32) {
    match status {
        Status::Good => ("✓", colour::GOOD),
        Status::Watch => ("!", colour::WATCH),
        Status::Bad => ("✕", colour::BAD),
    }
}

/// An indicator's card; brought forward (its turn in the huddle) or opened, the whole run chart.
fn indicator(
    ui: &mut egui::Ui,
    lang: Lang,
    id: &str,
    spec: &IndicatorSpec,
    values: &view::IndicatorView,
    mode: Mode,
) {
    let large = mode != Mode::Card;
    // In order of importance: the value and its status, the target, the signal going on; then,
    // if the card has room, the trend line, the direction and frequency, and who entered it.
    match values.latest() {
        Some((date, value)) => {
            let (mark, color) = status_mark(spec.status(value));
            let number = RichText::new(format!("{mark} {}", i18n::number(lang, value)))
                .text_style(theme::big_number())
                .color(color);
            let unit = RichText::new(&spec.unit).color(colour::MUTED);
            let day = RichText::new(i18n::short_date(lang, date))
                .size(theme::DETAIL_TEXT)
                .color(colour::MUTED);
            let number_width = width_of(ui, &number);
            let beside = width_of(ui, &unit).max(width_of(ui, &day)) + ui.spacing().item_spacing.x;
            let room = ui.available_width();
            let size = ui
                .style()
                .text_styles
                .get(&theme::big_number())
                .map_or(theme::DETAIL_TEXT, |f| f.size);
            // A long number (a regional list of 12 345) is drawn smaller rather than cut: first
            // down to half (still the largest text of the card), keeping the unit and day
            // beside it; past that, as large as the card's width allows, with the unit and day
            // under it when there is room.
            let scale = (room - beside) / number_width;
            if scale >= 1.0 {
                ui.horizontal(|ui| {
                    ui.label(number);
                    ui.vertical(|ui| {
                        ui.label(unit);
                        ui.label(day);
                    });
                });
            } else if scale >= 0.5 {
                ui.horizontal(|ui| {
                    ui.label(number.size(size * scale));
                    ui.vertical(|ui| {
                        ui.label(unit);
                        ui.label(day);
                    });
                });
            } else {
                let scale = (room / number_width).min(1.0);
                ui.add(
                    egui::Label::new(number.size((size * scale).max(theme::DETAIL_TEXT)))
                        .truncate(),
                );
                // The target comes next and matters more: the day goes only where both fit.
                let needed = theme::DETAIL_TEXT * 1.25 + ui.spacing().item_spacing.y + 22.0 * 1.25;
                if ui.available_height() >= needed {
                    let when = i18n::short_date(lang, date);
                    let under = if spec.unit.is_empty() {
                        when
                    } else {
                        format!("{} · {when}", spec.unit)
                    };
                    line(
                        ui,
                        RichText::new(under)
                            .size(theme::DETAIL_TEXT)
                            .color(colour::MUTED),
                    );
                }
            }
        }
        None => {
            // The large dash only where the target still fits under it (a card made low by a
            // banner, or by a title on three lines, keeps the target rather than the dash).
            let big = ui
                .style()
                .text_styles
                .get(&theme::big_number())
                .map_or(theme::DETAIL_TEXT, |f| f.size);
            let needed = big * 1.25 + ui.spacing().item_spacing.y + 22.0 * 1.25;
            let none = RichText::new(tr(lang, T::NoValueYet))
                .color(colour::MUTED)
                .italics();
            if ui.available_height() >= needed {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new("—")
                            .text_style(theme::big_number())
                            .color(colour::MUTED),
                    );
                    // Beside the dash, cut with "…" where the card is narrow.
                    line(ui, none);
                });
            } else {
                line(ui, none);
            }
        }
    }
    let sign = match spec.direction {
        Direction::Lower => "≤",
        Direction::Higher => "≥",
    };
    let target = format!(
        "{} {sign} {} {}",
        tr(lang, T::Target),
        i18n::number(lang, spec.target),
        spec.unit
    );
    ui.label(RichText::new(target.trim_end()).strong());
    let room = |ui: &egui::Ui, needed: f32| ui.available_height() >= needed;
    // A line of detail text is drawn whole or not at all; in a card, on one line.
    let detail_line = theme::DETAIL_TEXT * 1.25;
    if let Some((signal, began)) = &values.shown.ongoing
        && room(ui, detail_line)
    {
        let text = format!("◆ {}", crate::runchart::describe(signal, *began, lang));
        let text = RichText::new(text)
            .size(theme::DETAIL_TEXT)
            .color(colour::ACCENT)
            .strong();
        // Wrapped only where the card has room for two lines.
        if mode == Mode::Card && !room(ui, 2.0 * detail_line + 44.0) {
            line(ui, text);
        } else {
            ui.add(egui::Label::new(text).wrap());
        }
    }
    if values.latest().is_none() && room(ui, detail_line) {
        line(
            ui,
            RichText::new(format!("→ {}", tr(lang, T::TapPlusToAdd)))
                .size(theme::DETAIL_TEXT)
                .color(colour::ACCENT),
        );
    }
    if large && values.values.len() >= 2 && room(ui, 200.0) {
        let height = ui.available_height() - 8.0;
        super::chart::show(ui, lang, id, spec, values, height, false);
        return;
    }
    if values.values.len() >= 2 && room(ui, 44.0) {
        sparkline(ui, spec, &values.shown.sparkline);
    }
    let better = match spec.direction {
        Direction::Lower => tr(lang, T::LowerIsBetter),
        Direction::Higher => tr(lang, T::HigherIsBetter),
    };
    let frequency = match spec.frequency {
        Frequency::Daily => tr(lang, T::Daily),
        Frequency::Weekly => tr(lang, T::Weekly),
        Frequency::Monthly => tr(lang, T::Monthly),
    };
    if room(ui, detail_line) {
        line(
            ui,
            RichText::new(format!("{better} · {frequency}"))
                .size(theme::DETAIL_TEXT)
                .color(colour::MUTED),
        );
    }
    if let Some(stamp) = &values.latest_stamp
        && room(ui, theme::MIN_TEXT * 1.25)
    {
        let local = stamp.at.with_timezone(&chrono::Local).naive_local();
        let by = i18n::author(lang, &stamp.by);
        let text = format!(
            "{} {by} {} {}",
            tr(lang, T::ChangedBy),
            tr(lang, T::At),
            i18n::time_of_day(local)
        );
        line(
            ui,
            RichText::new(text)
                .size(theme::MIN_TEXT)
                .color(colour::MUTED),
        );
    }
}

/// The last values as a small line, with the target as a dashed line.
fn sparkline(ui: &mut egui::Ui, spec: &IndicatorSpec, last: &[f64]) {
    if last.len() < 2 {
        return;
    }
    let (rect, _) =
        ui.allocate_exact_size(vec2(ui.available_width().min(260.0), 36.0), Sense::hover());
    let lo = last.iter().copied().fold(spec.target, f64::min);
    let hi = last.iter().copied().fold(spec.target, f64::max);
    let span = (hi - lo).max(f64::EPSILON);
    let y = |v: f64| rect.bottom() - ((v - lo) / span) as f32 * rect.height();
    let step = rect.width() / (last.len() - 1) as f32;
    let points: Vec<egui::Pos2> = last
        .iter()
        .enumerate()
        .map(|(i, v)| egui::pos2(rect.left() + i as f32 * step, y(*v)))
        .collect();
    let painter = ui.painter_at(rect.expand(2.0));
    let target_y = y(spec.target);
    painter.extend(egui::Shape::dashed_line(
        &[
            egui::pos2(rect.left(), target_y),
            egui::pos2(rect.right(), target_y),
        ],
        egui::Stroke::new(1.5, colour::GOOD),
        6.0,
        4.0,
    ));
    painter.add(egui::Shape::line(
        points.clone(),
        egui::Stroke::new(2.5, colour::INK),
    ));
    if let Some(p) = points.last() {
        painter.circle_filled(*p, 4.0, colour::INK);
    }
}

/// A face of the mood scale, drawn rather than taken from a font: 4 is the happiest, 0 the
/// saddest. Colour and the mouth's curve both carry the level.
pub(super) fn face(ui: &mut egui::Ui, level: u8, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
    let painter = ui.painter_at(rect.expand(2.0));
    let colours = [
        colour::BAD,
        Color32::from_rgb(0xD9, 0x6C, 0x1E),
        colour::WATCH,
        Color32::from_rgb(0x5B, 0x9A, 0x3A),
        colour::GOOD,
    ];
    let fill = colours[usize::from(level.min(4))];
    let c = rect.center();
    let r = size / 2.0;
    painter.circle(c, r - 1.0, fill, egui::Stroke::new(1.5, colour::INK));
    let eye = r * 0.12;
    painter.circle_filled(c + vec2(-r * 0.35, -r * 0.25), eye, colour::INK);
    painter.circle_filled(c + vec2(r * 0.35, -r * 0.25), eye, colour::INK);
    let curve = (f32::from(level.min(4)) - 2.0) * r * 0.22;
    let left = c + vec2(-r * 0.45, r * 0.3);
    let right = c + vec2(r * 0.45, r * 0.3);
    let control = c + vec2(0.0, r * 0.3 + curve * 2.0);
    painter.add(egui::epaint::QuadraticBezierShape::from_points_stroke(
        [left, control, right],
        false,
        Color32::TRANSPARENT,
        egui::Stroke::new(r * 0.1, colour::INK),
    ));
    response
}

fn safety_look(level: SafetyLevel) -> (Color32, &'static str) {
    match level {
        SafetyLevel::Unrecorded => (colour::EMPTY_DAY, ""),
        SafetyLevel::None => (colour::GOOD, "✓"),
        SafetyLevel::Minor => (colour::WATCH, "!"),
        SafetyLevel::Serious => (colour::BAD, "✕"),
    }
}

/// The smallest cell of the safety cross that holds a day's two digits at the smallest text
/// size.
const DIGITS_FIT: f32 = 22.0;

/// Where the days of a month go on the safety cross: a 7 × 7 grid whose middle three columns
/// and middle three rows make the + that teams draw on paper (33 cells, the days in reading
/// order), as (row, column) from 0.
pub(super) fn cross_cells() -> impl Iterator<Item = (usize, usize)> {
    (0..7).flat_map(|row| {
        (0..7).filter_map(move |col| {
            let arm = (2..5).contains(&row) || (2..5).contains(&col);
            arm.then_some((row, col))
        })
    })
}

/// The safety cross: a cell a day in the shape of a +, today outlined, the legend beside it or
/// under it, whichever leaves the days larger. A tap on a past day or today moves it to the
/// next level: not recorded → no event → minor → serious. The cells and their places depend
/// only on the room given, so a tap never moves the day under the finger.
pub(super) fn safety_month(
    ui: &mut egui::Ui,
    lang: Lang,
    section: &Section,
    today: NaiveDate,
    days: &std::collections::BTreeMap<NaiveDate, (SafetyLevel, Option<String>)>,
    mut commands: Option<&mut Commands>,
) -> Option<NaiveDate> {
    let mut tapped = None;
    let count = i18n::days_in_month(today);
    let avail = ui.available_size();
    let gap = (avail.x.min(avail.y) / 80.0).clamp(2.0, 6.0);
    let text = theme::MIN_TEXT;
    let legend_font = egui::FontId::proportional(text);
    let legend_height = 4.0 * (text + 8.0);
    let cell_for = |w: f32, h: f32| ((w.min(h) - 6.0 * gap) / 7.0).max(0.0);
    // The legend's words in full where they leave the days large enough for their numbers,
    // else short.
    let layout = |legend: [(SafetyLevel, T); 4]| {
        let width = legend
            .iter()
            .map(|(_, t)| {
                ui.painter()
                    .layout_no_wrap(tr(lang, *t).to_owned(), legend_font.clone(), colour::MUTED)
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
            + text * 2.5;
        let beside = cell_for(avail.x - width - 12.0, avail.y);
        let below = cell_for(avail.x, avail.y - legend_height - 8.0);
        (legend, width, beside >= below, beside.max(below))
    };
    let full = layout([
        (SafetyLevel::None, T::SafetyNone),
        (SafetyLevel::Minor, T::SafetyMinor),
        (SafetyLevel::Serious, T::SafetySerious),
        (SafetyLevel::Unrecorded, T::DayNotRecorded),
    ]);
    let (legend_lines, legend_width, legend_beside, cell) = if full.3 >= 30.0 {
        full
    } else {
        layout([
            (SafetyLevel::None, T::SafetyNoneShort),
            (SafetyLevel::Minor, T::SafetyMinorShort),
            (SafetyLevel::Serious, T::SafetySeriousShort),
            (SafetyLevel::Unrecorded, T::DayNotRecordedShort),
        ])
    };
    let cell = cell.clamp(14.0, 96.0);
    let side = 7.0 * cell + 6.0 * gap;
    let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    let font = egui::FontId::proportional((cell * 0.45).clamp(text, 30.0));
    for ((row, col), day) in cross_cells().zip(1..=count) {
        let min = egui::pos2(
            rect.left() + col as f32 * (cell + gap),
            rect.top() + row as f32 * (cell + gap),
        );
        let r = egui::Rect::from_min_size(min, vec2(cell, cell));
        let Some(date) = today.with_day(day) else {
            continue;
        };
        let level = days.get(&date).map_or(SafetyLevel::Unrecorded, |(l, _)| *l);
        let future = date > today;
        let (fill, _) = if future {
            (Color32::WHITE, "")
        } else {
            safety_look(level)
        };
        let stroke = if date == today {
            egui::Stroke::new(3.0, colour::INK)
        } else {
            egui::Stroke::new(1.0, colour::LINE)
        };
        ui.painter().rect(r, 4.0, fill, stroke, StrokeKind::Inside);
        let text_color = if level == SafetyLevel::Unrecorded || future {
            colour::MUTED
        } else {
            Color32::WHITE
        };
        // The day's number where the cell holds two digits at a legible size (the cross opened large
        // always does); its level's shape goes in a corner when the cell has room for it.
        if cell >= DIGITS_FIT {
            ui.painter().text(
                r.center(),
                egui::Align2::CENTER_CENTER,
                day.to_string(),
                font.clone(),
                text_color,
            );
        }
        // The level's shape as well as its colour: its mark in a corner where the cell has
        // room for it; else a corner cut for a minor event and a cross for a serious one.
        let (_, mark) = safety_look(level);
        if !future && !mark.is_empty() && cell >= 44.0 {
            ui.painter().text(
                r.left_top() + vec2(4.0, 2.0),
                egui::Align2::LEFT_TOP,
                mark,
                egui::FontId::proportional(text),
                text_color,
            );
        } else if !future {
            let corner = cell * 0.3;
            let faint = egui::Stroke::new(1.5, Color32::from_white_alpha(150));
            if level == SafetyLevel::Minor {
                ui.painter().add(egui::Shape::convex_polygon(
                    vec![
                        r.left_top(),
                        r.left_top() + vec2(corner, 0.0),
                        r.left_top() + vec2(0.0, corner),
                    ],
                    Color32::WHITE,
                    egui::Stroke::NONE,
                ));
            } else if level == SafetyLevel::Serious {
                ui.painter()
                    .line_segment([r.left_top(), r.right_bottom()], faint);
                ui.painter()
                    .line_segment([r.right_top(), r.left_bottom()], faint);
            }
        }
        if !future && let Some(commands) = commands.as_deref_mut() {
            let id = ui.scope_id().with(("safety-day", day));
            let response = ui.interact(r, id, Sense::click());
            if theme::tapped_named(&response, i18n::short_date(lang, date), None) {
                let next = SafetyLevel::ALL[(SafetyLevel::ALL
                    .iter()
                    .position(|l| *l == level)
                    .unwrap_or(0)
                    + 1)
                    % SafetyLevel::ALL.len()];
                // The day's note stays with it whatever its colour.
                let note = days.get(&date).and_then(|(_, n)| n.clone());
                commands.push(UiCommand::Edit {
                    section: section.id.clone(),
                    edit: Edit::SetSafety {
                        date,
                        level: next,
                        note,
                    },
                });
                tapped = Some(date);
            }
        }
        if days.get(&date).is_some_and(|(_, n)| n.is_some()) {
            // A day with a note has a small mark in its corner.
            ui.painter().circle_filled(
                r.right_top() + vec2(-5.0, 5.0),
                (cell / 12.0).clamp(2.5, 5.0),
                colour::INK,
            );
        }
    }
    // The legend: a swatch with the level's shape, and its name.
    let origin = if legend_beside {
        egui::pos2(rect.right() + 12.0, rect.top())
    } else {
        egui::pos2(rect.left(), rect.bottom() + 8.0)
    };
    for (i, (level, label)) in legend_lines.iter().enumerate() {
        let y = origin.y + i as f32 * (text + 8.0);
        let swatch =
            egui::Rect::from_min_size(egui::pos2(origin.x, y), vec2(text + 4.0, text + 4.0));
        let (fill, mark) = safety_look(*level);
        ui.painter().rect(
            swatch,
            3.0,
            fill,
            egui::Stroke::new(1.0, colour::LINE),
            StrokeKind::Inside,
        );
        ui.painter().text(
            swatch.center(),
            egui::Align2::CENTER_CENTER,
            mark,
            legend_font.clone(),
            Color32::WHITE,
        );
        let words = egui::Rect::from_min_max(
            egui::pos2(swatch.right() + 6.0, y),
            egui::pos2(
                (origin.x + legend_width).max(swatch.right() + 6.0),
                y + text + 6.0,
            ),
        );
        ui.put(
            words,
            egui::Label::new(
                RichText::new(tr(lang, *label))
                    .font(legend_font.clone())
                    .color(colour::MUTED),
            )
            .truncate(),
        );
    }
    let legend = if legend_beside {
        egui::Rect::from_min_size(origin, vec2(legend_width, legend_height))
    } else {
        egui::Rect::from_min_size(origin, vec2(side, legend_height))
    };
    ui.allocate_rect(legend, Sense::hover());
    tapped
}
