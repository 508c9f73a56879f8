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

pub(super) fn show(
    ui: &mut egui::Ui,
    board: &Board,
    section: &Section,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Commands,
    large: bool,
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
            indicator(ui, lang, &section.id, spec, values, large)
        }
        (SectionKind::Actions { .. }, Some(SectionView::Actions(actions))) => {
            if actions.is_empty() {
                empty(ui, &add_hint(T::NoActionYet));
            }
            egui::ScrollArea::vertical()
                .id_salt("actions")
                .show(ui, |ui| {
                    let deleting = super::facilitator::deleting(screen, state);
                    let key = |a: &&view::ActionView| {
                        let shown = (&a.title, &a.owner, a.due, a.status.name());
                        egui::epaint::util::hash((shown, a.overdue, a.stale, lang, deleting))
                    };
                    let id = ui.scope_id().with("rows");
                    super::list::lazy_rows(ui, id, actions, key, |ui, a| {
                        ui.horizontal(|ui| {
                            let (label, fill) = status_look(lang, a.status);
                            let chip = egui::Button::new(
                                RichText::new(label).color(Color32::WHITE).strong(),
                            )
                            .fill(fill)
                            .min_size(vec2(130.0, theme::TOUCH));
                            if theme::tapped(&ui.add(chip)) {
                                let next = match a.status {
                                    ActionStatus::Todo => ActionStatus::Doing,
                                    ActionStatus::Doing => ActionStatus::Done,
                                    ActionStatus::Done | ActionStatus::Cancelled => {
                                        ActionStatus::Todo
                                    }
                                };
                                commands.push(UiCommand::Edit {
                                    section: section.id.clone(),
                                    edit: Edit::SetActionStatus {
                                        id: a.id.clone(),
                                        status: next,
                                    },
                                });
                            }
                            ui.vertical(|ui| {
                                let title = RichText::new(&a.title);
                                ui.label(if a.status.is_closed() {
                                    title.strikethrough().color(colour::MUTED)
                                } else {
                                    title
                                });
                                let mut meta = Vec::new();
                                if let Some(o) = &a.owner {
                                    meta.push(o.clone());
                                }
                                if let Some(d) = a.due {
                                    meta.push(i18n::short_date(lang, d));
                                }
                                let mut line = RichText::new(meta.join(" · "))
                                    .size(17.0)
                                    .color(colour::MUTED);
                                if a.overdue {
                                    line = RichText::new(format!(
                                        "✕ {} · {}",
                                        tr(lang, T::Overdue),
                                        meta.join(" · ")
                                    ))
                                    .size(17.0)
                                    .color(colour::BAD)
                                    .strong();
                                }
                                ui.label(line);
                                if a.stale {
                                    ui.label(
                                        RichText::new(format!("◷ {}", tr(lang, T::Stale)))
                                            .size(16.0)
                                            .color(colour::WATCH),
                                    );
                                }
                            });
                            super::facilitator::delete_button(
                                ui,
                                screen,
                                state,
                                &section.id,
                                &a.id,
                                crate::model::EntryKind::Action,
                                commands,
                            );
                        });
                    });
                });
        }
        (SectionKind::Ideas { columns, .. }, Some(SectionView::Ideas(ideas))) => {
            if ideas.is_empty() {
                empty(ui, &add_hint(T::NoIdeaYet));
            }
            idea_columns(ui, (screen, state), section, columns, ideas, commands);
        }
        (SectionKind::Escalations { .. }, Some(SectionView::Escalations(list))) => {
            if list.is_empty() {
                empty(ui, &add_hint(T::NoEscalationYet));
            }
            egui::ScrollArea::vertical()
                .id_salt("escalations")
                .show(ui, |ui| {
                    for e in list {
                        escalation(ui, board, screen, state, e, commands);
                        ui.add_space(6.0);
                    }
                });
            let target = board.parent.as_deref().map(|p| board_title(screen, p));
            let text = match target {
                Some(parent) => format!("{} : {parent}", tr(lang, T::EscalationsGoTo)),
                None => tr(lang, T::TopOfChain).to_owned(),
            };
            ui.label(RichText::new(text).size(17.0).color(colour::MUTED));
        }
        (SectionKind::Mood, Some(SectionView::Mood(mood))) => {
            ui.horizontal_wrapped(|ui| {
                for level in (0..5u8).rev() {
                    ui.vertical(|ui| {
                        let response = face(ui, level, 52.0).interact(Sense::click());
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
            if mood.today.iter().sum::<u32>() == 0 {
                empty(ui, tr(lang, T::NoVoteYet));
            }
            if mood.weeks.len() > 1 {
                let trend: String = mood
                    .weeks
                    .iter()
                    .map(|(_, mean, _)| ["▁", "▂", "▄", "▆", "█"][(mean.round() as usize).min(4)])
                    .collect();
                ui.label(
                    RichText::new(format!("{} {trend}", tr(lang, T::MoodTrend)))
                        .size(16.0)
                        .color(colour::MUTED),
                );
            }
        }
        (SectionKind::Attendance, Some(SectionView::Attendance(present))) => {
            ui.spacing_mut().item_spacing = vec2(8.0, 6.0);
            ui.horizontal_wrapped(|ui| {
                for member in &board.members {
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
            if present.is_empty() && ui.available_height() >= 24.0 {
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
            egui::ScrollArea::vertical()
                .id_salt("trajectory")
                .show(ui, |ui| {
                    ui.columns(stages.len().max(1), |cols| {
                        for (i, (col, stage)) in cols.iter_mut().zip(stages).enumerate() {
                            let here: Vec<_> =
                                clients.iter().filter(|c| &c.stage == stage).collect();
                            let (rect, _) = col.allocate_exact_size(
                                vec2(col.available_width(), 4.0),
                                Sense::hover(),
                            );
                            col.painter().rect_filled(rect, 2.0, colour::LINE);
                            col.label(RichText::new(format!("{stage} ({})", here.len())).strong());
                            for c in here.into_iter().copied() {
                                let long = wait_warning_days
                                    .is_some_and(|w| c.days_waiting >= i64::from(w));
                                let days =
                                    format!("{} {}", c.days_waiting, tr(lang, T::DaysInStage));
                                let days = if long {
                                    RichText::new(format!("! {days}"))
                                        .color(colour::BAD)
                                        .strong()
                                } else {
                                    RichText::new(days).color(colour::MUTED)
                                };
                                egui::Frame::new()
                                    .fill(Color32::from_rgb(0xE8, 0xF1, 0xFA))
                                    .corner_radius(6)
                                    .inner_margin(6)
                                    .show(col, |ui| {
                                        ui.horizontal_wrapped(|ui| {
                                            ui.spacing_mut().interact_size.y = 0.0;
                                            ui.label(RichText::new(&c.code).strong());
                                            ui.label(days);
                                            if handed_over(&c.code) {
                                                ui.label(
                                                    RichText::new("⇄")
                                                        .color(colour::ACCENT)
                                                        .strong(),
                                                );
                                            }
                                        });
                                        if !c.next_step.is_empty() {
                                            ui.label(RichText::new(&c.next_step).size(16.0));
                                        }
                                        if let Some(next) = stages.get(i + 1) {
                                            let button = egui::Button::new(format!("▶ {next}"))
                                                .min_size(vec2(theme::TOUCH, theme::TOUCH));
                                            if theme::tapped(&ui.add(button)) {
                                                commands.push(UiCommand::Edit {
                                                    section: section.id.clone(),
                                                    edit: Edit::MoveClient {
                                                        id: c.id.clone(),
                                                        stage: next.clone(),
                                                        since: today,
                                                    },
                                                });
                                            }
                                        } else {
                                            // Past the last stage, the client leaves the trajectory
                                            // (the sheet stays in the history).
                                            let button = egui::Button::new(format!(
                                                "✓ {}",
                                                tr(lang, T::EndFollowUp)
                                            ))
                                            .min_size(vec2(theme::TOUCH, theme::TOUCH));
                                            if theme::tapped(&ui.add(button)) {
                                                commands.push(UiCommand::Edit {
                                                    section: section.id.clone(),
                                                    edit: Edit::Remove {
                                                        id: c.id.clone(),
                                                        kind: crate::model::EntryKind::Client,
                                                    },
                                                });
                                            }
                                        }
                                    });
                            }
                        }
                    });
                    other_teams(ui, lang, screen, &others, &handed_over);
                });
        }
        (SectionKind::Notes, Some(SectionView::Notes(notes))) => {
            if notes.is_empty() {
                empty(ui, &add_hint(T::NoNoteYet));
            }
            for n in notes {
                let mark = if n.recognition { "★" } else { "•" };
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
                    ui.label(RichText::new(format!("{mark} {}", n.text)));
                });
            }
        }
        (SectionKind::Safety, Some(SectionView::Safety(days))) => {
            safety_month(ui, lang, section, today, days, None);
            // The small calendar is for reading; a tap opens it large, with finger-sized days.
            if card_tapped(ui, lang, T::TapToEnter, section) {
                state.safety_open = Some(section.id.clone());
            }
        }
        (SectionKind::Units { .. }, Some(SectionView::Units(units))) => {
            super::units::section(ui, board, units, state, commands);
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
/// by dragging them to another column.
fn idea_columns(
    ui: &mut egui::Ui,
    (screen, state): (&Screen<'_>, &UiState),
    section: &Section,
    columns: &[crate::model::IdeaColumn],
    ideas: &[view::IdeaView],
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
    ui.columns(columns.len().max(1), |cols| {
        for (i, (col, column)) in cols.iter_mut().zip(columns).enumerate() {
            let here: Vec<_> = ideas
                .iter()
                .filter(|idea| idea.column == column.name)
                .collect();
            let over = column.limit.is_some_and(|l| here.len() > l as usize);
            let header = match column.limit {
                Some(l) => format!("{} ({}/{l})", column.name, here.len()),
                None => format!("{} ({})", column.name, here.len()),
            };
            let (rect, _) =
                col.allocate_exact_size(vec2(col.available_width(), 4.0), Sense::hover());
            col.painter()
                .rect_filled(rect, 2.0, if over { colour::BAD } else { colour::LINE });
            col.label(RichText::new(header).strong().color(if over {
                colour::BAD
            } else {
                colour::INK
            }));
            if over {
                col.label(
                    RichText::new(format!("! {}", tr(lang, T::WipExceeded)))
                        .color(colour::BAD)
                        .size(16.0),
                );
            }
            let (_, dropped) = col.dnd_drop_zone::<DraggedIdea, ()>(egui::Frame::new(), |ui| {
                ui.set_min_size(vec2(
                    ui.available_width(),
                    ui.available_height().max(theme::TOUCH),
                ));
                let deleting = super::facilitator::deleting(screen, state);
                let key = |idea: &&&view::IdeaView| {
                    egui::epaint::util::hash((&idea.title, &idea.by, idea.stale, lang, deleting))
                };
                let id = ui.scope_id().with(("cards", &column.name));
                super::list::lazy_rows(ui, id, &here, key, |ui, idea| {
                    egui::Frame::new()
                        .fill(Color32::from_rgb(0xFF, 0xF6, 0xC8))
                        .corner_radius(6)
                        .inner_margin(6)
                        .show(ui, |ui| {
                            // The words of the card are the drag handle; the buttons stay buttons.
                            let drag_id = egui::Id::unique(("idea", &idea.id));
                            ui.dnd_drag_source(drag_id, DraggedIdea(idea.id.clone()), |ui| {
                                ui.set_min_width(ui.available_width());
                                ui.label(&idea.title);
                                if let Some(by) = &idea.by {
                                    ui.label(RichText::new(by).size(16.0).color(colour::MUTED));
                                }
                                if idea.stale {
                                    ui.label(
                                        RichText::new(format!("◷ {}", tr(lang, T::Stale)))
                                            .size(16.0)
                                            .color(colour::WATCH),
                                    );
                                }
                            });
                            ui.horizontal(|ui| {
                                let prev = i.checked_sub(1).and_then(|p| columns.get(p));
                                let next = columns.get(i + 1);
                                for (arrow, to) in [("◀", prev), ("▶", next)] {
                                    let Some(to) = to else { continue };
                                    let button = egui::Button::new(format!("{arrow} {}", to.name))
                                        .min_size(vec2(theme::TOUCH, theme::TOUCH));
                                    if theme::tapped(&ui.add(button)) {
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
                            });
                        });
                });
            });
            if let Some(dragged) = dropped
                && !here.iter().any(|idea| idea.id == dragged.0)
            {
                commands.push(move_to(&dragged.0, &column.name));
            }
        }
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
                            .size(17.0),
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
    commands: &mut Commands,
) {
    use crate::model::EscalationStatus as S;
    let lang = board.lang;
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
    ui.add(
        egui::Label::new(if e.status == S::Closed {
            title.strikethrough().color(colour::MUTED)
        } else {
            title
        })
        .wrap(),
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
    ui.add(
        egui::Label::new(
            RichText::new(meta.join(" · "))
                .size(17.0)
                .color(colour::MUTED),
        )
        .wrap(),
    );
    if e.late {
        ui.label(
            RichText::new(format!("✕ {}", tr(lang, T::Late)))
                .size(18.0)
                .color(colour::BAD)
                .strong(),
        );
    }
    if let Some((text, by, _)) = &e.answer {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "↳ {} {} : {text}",
                    tr(lang, T::AnswerFrom),
                    board_title(screen, by)
                ))
                .color(colour::GOOD),
            )
            .wrap(),
        );
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
                    due: Some(crate::model::add_working_days(screen.today(), days)),
                }));
            }
        });
    } else if !e.received && e.status == S::Answered && button(ui, T::CloseIt) {
        commands.push(edit(Edit::CloseEscalation { at: e.at.clone() }));
    }
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

/// An indicator's card; `large` (its turn in the huddle) shows the whole run chart.
fn indicator(
    ui: &mut egui::Ui,
    lang: Lang,
    id: &str,
    spec: &IndicatorSpec,
    values: &view::IndicatorView,
    large: bool,
) {
    // In order of importance: the value and its status, the target, the signal going on; then,
    // if the card has room, the trend line, the direction and frequency, and who entered it.
    match values.latest() {
        Some((date, value)) => {
            let (mark, color) = status_mark(view::status(spec, value));
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!("{mark} {}", i18n::number(lang, value)))
                        .text_style(theme::big_number())
                        .color(color),
                );
                ui.vertical(|ui| {
                    ui.label(RichText::new(&spec.unit).color(colour::MUTED));
                    ui.label(
                        RichText::new(i18n::short_date(lang, date))
                            .size(16.0)
                            .color(colour::MUTED),
                    );
                });
            });
        }
        None => {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new("—")
                        .text_style(theme::big_number())
                        .color(colour::MUTED),
                );
                empty(ui, tr(lang, T::NoValueYet));
            });
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
    if let Some((signal, began)) = &values.shown.ongoing {
        let text = format!("◆ {}", crate::runchart::describe(signal, *began, lang));
        ui.label(
            RichText::new(text)
                .size(16.0)
                .color(colour::ACCENT)
                .strong(),
        );
    }
    if values.latest().is_none() {
        ui.label(
            RichText::new(format!("☝ {}", tr(lang, T::TapPlusToAdd)))
                .size(17.0)
                .color(colour::ACCENT),
        );
    }
    let room = |ui: &egui::Ui, needed: f32| ui.available_height() >= needed;
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
    if room(ui, 22.0) {
        ui.label(
            RichText::new(format!("{better} · {frequency}"))
                .size(17.0)
                .color(colour::MUTED),
        );
    }
    if let Some(stamp) = &values.latest_stamp
        && room(ui, 20.0)
    {
        let local = stamp.at.with_timezone(&chrono::Local).naive_local();
        let by = i18n::author(lang, &stamp.by);
        let text = format!(
            "{} {by} {} {}",
            tr(lang, T::ChangedBy),
            tr(lang, T::At),
            i18n::time_of_day(local)
        );
        ui.label(RichText::new(text).size(15.0).color(colour::MUTED));
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

/// The safety cross as a month calendar: a cell a day, Monday first, today outlined. A tap on
/// a past day or today moves it to the next level: not recorded → no event → minor → serious.
pub(super) fn safety_month(
    ui: &mut egui::Ui,
    lang: Lang,
    section: &Section,
    today: NaiveDate,
    days: &std::collections::BTreeMap<NaiveDate, (SafetyLevel, Option<String>)>,
    mut commands: Option<&mut Commands>,
) -> Option<NaiveDate> {
    let mut tapped = None;
    let first = today.with_day(1)?;
    let offset = first.weekday().num_days_from_monday();
    let count = i18n::days_in_month(today);
    let weeks = (offset + count).div_ceil(7);
    let gap = 4.0;
    let header = 20.0;
    let legend = 44.0;
    let avail = ui.available_size();
    let by_width = (avail.x - 6.0 * gap) / 7.0;
    let by_height = (avail.y - header - legend - weeks as f32 * gap) / weeks as f32;
    let cell = by_width.min(by_height).clamp(12.0, 64.0);
    let size = vec2(7.0 * cell + 6.0 * gap, header + weeks as f32 * (cell + gap));
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let letters = i18n::weekday_letters(lang);
    let small = egui::FontId::proportional(15.0);
    for (i, letter) in letters.iter().enumerate() {
        let x = rect.left() + i as f32 * (cell + gap) + cell / 2.0;
        ui.painter().text(
            egui::pos2(x, rect.top() + header / 2.0),
            egui::Align2::CENTER_CENTER,
            *letter,
            small.clone(),
            colour::MUTED,
        );
    }
    let font = egui::FontId::proportional((cell * 0.42).clamp(10.0, 22.0));
    for day in 1..=count {
        let index = offset + day - 1;
        let (row, col) = (index / 7, index % 7);
        let min = egui::pos2(
            rect.left() + col as f32 * (cell + gap),
            rect.top() + header + row as f32 * (cell + gap),
        );
        let r = egui::Rect::from_min_size(min, vec2(cell, cell));
        let Some(date) = today.with_day(day) else {
            continue;
        };
        let level = days.get(&date).map_or(SafetyLevel::Unrecorded, |(l, _)| *l);
        let future = date > today;
        let (fill, mark) = if future {
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
        let text = if mark.is_empty() {
            day.to_string()
        } else {
            format!("{mark}{day}")
        };
        ui.painter().text(
            r.center(),
            egui::Align2::CENTER_CENTER,
            text,
            font.clone(),
            text_color,
        );
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
            ui.painter()
                .circle_filled(r.right_top() + vec2(-5.0, 5.0), 3.5, colour::INK);
        }
    }
    // The legend, two by two.
    let legend = [
        (SafetyLevel::None, T::SafetyNone),
        (SafetyLevel::Minor, T::SafetyMinor),
        (SafetyLevel::Serious, T::SafetySerious),
        (SafetyLevel::Unrecorded, T::DayNotRecorded),
    ];
    for pair in legend.chunks(2) {
        ui.horizontal(|ui| {
            ui.spacing_mut().interact_size.y = 16.0;
            for (level, label) in pair {
                let (fill, mark) = safety_look(*level);
                let (swatch, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
                ui.painter().rect(
                    swatch,
                    3.0,
                    fill,
                    egui::Stroke::new(1.0, colour::LINE),
                    StrokeKind::Inside,
                );
                ui.label(
                    RichText::new(
                        format!("{mark} {}", tr(lang, *label))
                            .trim_start()
                            .to_owned(),
                    )
                    .size(14.0)
                    .color(colour::MUTED),
                );
            }
        });
    }
    tapped
}
