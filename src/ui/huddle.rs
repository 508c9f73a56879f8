//! Huddle mode: the start dialog (who is here, who holds which role), the panel that runs the
//! agenda item by item with its timers, decisions noted on the way, and the summary at the end.

use egui::{Color32, RichText, vec2};

use super::keyboard::{self, KeyboardState};
use super::theme::{self, colour};
use super::{Screen, UiCommand, UiState};
use crate::i18n::{self, T, tr};
use crate::model::huddle::{Role, Roles, Session, clock_text, suggest_roles};
use crate::model::{Board, Lang, SectionKind};
use crate::view::SectionView;

/// The start dialog's choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Setup {
    /// Who is here, in the board's order of members.
    pub present: Vec<String>,
    /// Who holds each role.
    pub roles: Roles,
    /// The roles chosen by hand (the others follow the suggestion).
    pub chosen: Vec<Role>,
    /// The rotation's suggestion for those present, worked out when they change.
    pub suggested: Roles,
}

impl Setup {
    /// A start dialog with today's attendance already ticked, and the roles suggested.
    pub fn new(board: &Board, screen: &Screen<'_>) -> Self {
        let marked: Vec<String> = board
            .sections
            .iter()
            .filter(|s| matches!(s.kind, SectionKind::Attendance))
            .filter_map(|s| match screen.view.sections.get(&s.id) {
                Some(SectionView::Attendance(present)) => Some(present),
                _ => None,
            })
            .flat_map(|present| present.iter().cloned())
            .collect();
        let mut setup = Setup {
            present: board
                .members
                .iter()
                .filter(|m| marked.contains(m))
                .cloned()
                .collect(),
            ..Setup::default()
        };
        setup.suggest(screen);
        setup
    }

    /// Fills the roles not chosen by hand with the suggestion for those present.
    fn suggest(&mut self, screen: &Screen<'_>) {
        self.suggested = suggest_roles(&self.present, &screen.view.huddles);
        for role in Role::ALL {
            let kept = self.chosen.contains(&role)
                && self
                    .roles
                    .get(role)
                    .is_some_and(|who| self.present.iter().any(|p| p == who));
            if !kept {
                self.chosen.retain(|r| *r != role);
                self.roles
                    .set(role, self.suggested.get(role).map(str::to_owned));
            }
        }
    }
}

/// The decision being written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecisionDraft {
    /// Its text.
    pub text: String,
    /// The keyboard under it.
    pub keys: KeyboardState,
    /// When it corrects a decision noted: where it is (item, index).
    pub corrects: Option<(usize, usize)>,
}

fn role_name(lang: Lang, role: Role) -> &'static str {
    tr(
        lang,
        match role {
            Role::Facilitator => T::Facilitator,
            Role::Secretary => T::Secretary,
            Role::Timekeeper => T::Timekeeper,
        },
    )
}

fn big_button(text: impl Into<egui::WidgetText>, width: f32) -> egui::Button<'static> {
    egui::Button::new(text).min_size(vec2(width, theme::TOUCH))
}

/// A button in a strong colour with white words, for the step that moves the huddle on.
fn strong_button(text: String, fill: Color32, width: f32) -> egui::Button<'static> {
    egui::Button::new(RichText::new(text).color(Color32::WHITE).strong())
        .fill(fill)
        .min_size(vec2(width, theme::TOUCH))
}

/// A button with its own accessible name, when the text on it is not enough to tell it apart.
fn named(ui: &mut egui::Ui, button: egui::Button<'_>, name: String, selected: bool) -> bool {
    theme::tapped_named(&ui.add(button), name, Some(selected))
}

/// The huddle's panel at the side of the board.
pub(super) fn panel(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    board: &Board,
    session: &Session,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = board.lang;
    let now = screen.now;
    let width = ui.available_width();
    let total = session.total_s(now);
    let planned = session.planned_s();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(tr(lang, T::Huddle))
                .text_style(theme::board_title())
                .color(colour::BAR),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let colour = if total > planned {
                colour::WATCH
            } else {
                colour::INK
            };
            ui.label(
                RichText::new(format!(
                    "{} {} / {}",
                    tr(lang, T::Total),
                    clock_text(total),
                    clock_text(planned)
                ))
                .size(22.0)
                .color(colour),
            );
        });
    });
    ui.add_space(6.0);
    // The agenda: every item a button, the current one selected; rows tighter than elsewhere
    // so that the whole agenda stays in view.
    ui.spacing_mut().item_spacing.y = 4.0;
    let padding = ui.spacing().button_padding;
    ui.spacing_mut().button_padding = vec2(padding.x, 2.0);
    // The agenda scrolls when the screen is short, so that the timer and the buttons under it
    // always show, at the same place.
    let below = 110.0 + 2.0 * theme::TOUCH + 160.0;
    let agenda = (ui.available_height() - below).max(80.0);
    egui::ScrollArea::vertical()
        .id_salt("agenda")
        .max_height(agenda)
        .auto_shrink([false, true])
        .show(ui, |ui| agenda_items(ui, session, now, width, commands));
    ui.spacing_mut().button_padding = padding;
    ui.add_space(4.0);
    let Some(item) = session.record.items.get(session.current) else {
        return;
    };
    current_item(ui, lang, session, item, now, width, commands);
    ui.separator();
    // The decisions of this item, each one tap from becoming an action; under them, always in
    // reach, note a decision and end the huddle.
    let buttons = theme::TOUCH + 2.0 * ui.spacing().item_spacing.y;
    let list = (ui.available_height() - buttons).max(60.0);
    ui.allocate_ui(vec2(width, list), |ui| {
        ui.set_min_height(list);
        ui.set_max_height(list);
        if let Some((d, text)) = decisions(ui, lang, board, session, item, commands) {
            state.decision = Some(DecisionDraft {
                text,
                corrects: Some((session.current, d)),
                ..DecisionDraft::default()
            });
        }
    });
    ui.horizontal(|ui| {
        let half = (width - ui.spacing().item_spacing.x) / 2.0;
        // Short words on the buttons, the full ones in their names.
        let note = big_button(format!("+  {}", tr(lang, T::Decision)), half);
        if named(ui, note, tr(lang, T::NoteDecision).to_owned(), false) {
            state.decision = Some(DecisionDraft::default());
        }
        let end = strong_button(format!("■  {}", tr(lang, T::End)), colour::BAR, half);
        if named(ui, end, tr(lang, T::EndHuddle).to_owned(), false) {
            state.huddle_end_open = true;
        }
    });
}

/// The agenda: every item a button, the current one selected.
fn agenda_items(
    ui: &mut egui::Ui,
    session: &Session,
    now: chrono::NaiveDateTime,
    width: f32,
    commands: &mut Vec<UiCommand>,
) {
    for (i, item) in session.record.items.iter().enumerate() {
        let spent = session.spent_s(i, now);
        let text = format!(
            "{}. {}   {} / {}",
            i + 1,
            item.title,
            clock_text(spent),
            clock_text(item.planned_s)
        );
        let mut rich = RichText::new(text).size(theme::DETAIL_TEXT);
        if spent > item.planned_s {
            rich = rich.color(colour::WATCH);
        }
        let button = egui::Button::new(rich)
            .selected(i == session.current)
            .truncate()
            .min_size(vec2(width, 36.0));
        if named(
            ui,
            button,
            format!("{}. {}", i + 1, item.title),
            i == session.current,
        ) {
            commands.push(UiCommand::HuddleGoTo(i));
        }
    }
}

/// The current item, its countdown large in a frame of one height whether on time or over
/// it, and the buttons to the item before and after.
fn current_item(
    ui: &mut egui::Ui,
    lang: Lang,
    session: &Session,
    item: &crate::model::huddle::ItemRecord,
    now: chrono::NaiveDateTime,
    width: f32,
    commands: &mut Vec<UiCommand>,
) {
    // The current item, its countdown large; past its time, a gentle amber rather than red.
    let left = session.left_s(now);
    let (fill, text, ink, size) = if left >= 0 {
        (
            Color32::from_rgb(0xE8, 0xF1, 0xFA),
            clock_text(left),
            colour::INK,
            56.0,
        )
    } else {
        (
            Color32::from_rgb(0xFF, 0xF1, 0xD6),
            format!("{} {}", tr(lang, T::OverBy), clock_text(-left)),
            colour::WATCH,
            40.0,
        )
    };
    egui::Frame::new()
        .fill(fill)
        .corner_radius(12.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_height(96.0);
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{} {}/{} · {}",
                        tr(lang, T::Item),
                        session.current + 1,
                        session.record.items.len(),
                        item.title
                    ))
                    .size(20.0)
                    .strong(),
                )
                .truncate(),
            );
            ui.label(RichText::new(text).size(size).color(ink).strong());
        });
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let half = (width - ui.spacing().item_spacing.x) / 2.0;
        let first = session.current == 0;
        let last = session.current + 1 >= session.record.items.len();
        if ui
            .add_enabled(
                !first,
                big_button(format!("◀  {}", tr(lang, T::Previous)), half),
            )
            .clicked()
        {
            commands.push(UiCommand::HuddleGoTo(session.current - 1));
        }
        if ui
            .add_enabled(!last, big_button(format!("{}  ▶", tr(lang, T::Next)), half))
            .clicked()
        {
            commands.push(UiCommand::HuddleGoTo(session.current + 1));
        }
    });
}

fn decisions(
    ui: &mut egui::Ui,
    lang: Lang,
    board: &Board,
    session: &Session,
    item: &crate::model::huddle::ItemRecord,
    commands: &mut Vec<UiCommand>,
) -> Option<(usize, String)> {
    let mut corrected = None;
    ui.label(RichText::new(tr(lang, T::Decisions)).strong());
    let has_actions = board
        .sections
        .iter()
        .any(|s| matches!(s.kind, SectionKind::Actions { .. }));
    egui::ScrollArea::vertical()
        .id_salt("decisions")
        .auto_shrink([false, false])
        .max_height(ui.available_height())
        .show(ui, |ui| {
            if item.decisions.is_empty() {
                ui.label(RichText::new(tr(lang, T::NoDecisionYet)).color(colour::MUTED));
            }
            for (d, decision) in item.decisions.iter().enumerate() {
                // A tap on its words opens it to be corrected.
                let row = ui.allocate_ui(vec2(ui.available_width(), 0.0), |ui| {
                    ui.set_min_size(vec2(ui.available_width(), theme::TOUCH));
                    ui.add(
                        egui::Label::new(RichText::new(format!("◆ {}", decision.text)).size(20.0))
                            .wrap(),
                    );
                });
                let words = ui.interact(
                    row.response.rect,
                    ui.scope_id().with(("decision", d)),
                    egui::Sense::click(),
                );
                let name = format!("{} : {}", tr(lang, T::Correct), decision.text);
                if theme::tapped_named(&words, name, None) {
                    corrected = Some((d, decision.text.clone()));
                }
                if decision.action.is_some() {
                    ui.label(
                        RichText::new(format!("✓ {}", tr(lang, T::NowAnAction)))
                            .color(colour::GOOD),
                    );
                } else if has_actions {
                    let button = big_button(format!("→ {}", tr(lang, T::MakeAction)), 0.0);
                    let name = format!("{} : {}", tr(lang, T::MakeAction), decision.text);
                    if named(ui, button, name, false) {
                        commands.push(UiCommand::DecisionToAction {
                            item: session.current,
                            decision: d,
                        });
                    }
                }
            }
        });
    corrected
}

/// The huddle's dialogs: start, decision, end.
pub(super) fn dialogs(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    board: &Board,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    if state.huddle_setup.is_some() {
        setup_dialog(ui, screen, board, state, commands);
    }
    if let Some(session) = screen.huddle {
        if state.decision.is_some() {
            decision_dialog(ui, board.lang, session, state, commands);
        }
        if state.huddle_end_open {
            end_dialog(ui, screen, board, session, state, commands);
        }
    }
}

fn setup_dialog(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    board: &Board,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = board.lang;
    let Some(mut setup) = state.huddle_setup.take() else {
        return;
    };
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("huddle-setup")).show(ui.ctx(), |ui| {
        // A dialog that keeps its size as names are tapped: a dialog that grows moves, and
        // the next tap lands on the wrong name.
        let screen_rect = ui.ctx().content_rect();
        ui.set_width(1600.0_f32.min(screen_rect.width() - 60.0));
        ui.set_min_height(560.0_f32.min(screen_rect.height() - 120.0));
        ui.heading(RichText::new(tr(lang, T::StartHuddle)).text_style(theme::board_title()));
        ui.separator();
        ui.label(
            RichText::new(format!(
                "{}  {}/{}",
                tr(lang, T::WhoIsHere),
                setup.present.len(),
                board.members.len()
            ))
            .strong(),
        );
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            for member in &board.members {
                let here = setup.present.contains(member);
                let button = super::sections::member_toggle(
                    member,
                    here,
                    vec2(theme::TOUCH * 3.4, theme::TOUCH),
                );
                if named(ui, button, member.clone(), here) {
                    if here {
                        setup.present.retain(|p| p != member);
                    } else {
                        setup.present.push(member.clone());
                    }
                    changed = true;
                }
            }
        });
        if changed {
            // Keep the board's order of members, then suggest again.
            let order = |m: &String| board.members.iter().position(|b| b == m);
            setup.present.sort_by_key(order);
            setup.suggest(screen);
        }
        ui.add_space(10.0);
        ui.label(RichText::new(tr(lang, T::Roles)).strong());
        if setup.present.is_empty() {
            ui.label(RichText::new(tr(lang, T::TapWhoIsHere)).color(colour::MUTED));
        }
        for role in Role::ALL {
            ui.horizontal_wrapped(|ui| {
                ui.allocate_ui_with_layout(
                    vec2(230.0, theme::TOUCH),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_min_width(230.0);
                        ui.label(RichText::new(role_name(lang, role)).strong());
                        if let Some(who) = setup.suggested.get(role) {
                            ui.label(
                                RichText::new(format!("★ {} : {who}", tr(lang, T::Suggested)))
                                    .size(theme::DETAIL_TEXT)
                                    .color(colour::MUTED),
                            );
                        }
                    },
                );
                for member in setup.present.clone() {
                    let holds = setup.roles.get(role) == Some(member.as_str());
                    let button = egui::Button::new(member.clone())
                        .selected(holds)
                        .min_size(vec2(theme::TOUCH * 2.2, theme::TOUCH));
                    let name = format!("{} : {member}", role_name(lang, role));
                    if named(ui, button, name, holds) {
                        setup.roles.set(role, Some(member.clone()));
                        if !setup.chosen.contains(&role) {
                            setup.chosen.push(role);
                        }
                    }
                }
            });
        }
        ui.separator();
        ui.horizontal(|ui| {
            let begin = strong_button(
                format!("▶  {}", tr(lang, T::Begin)),
                colour::GOOD,
                theme::TOUCH * 4.0,
            );
            if theme::tapped(&ui.add(begin)) {
                commands.push(UiCommand::StartHuddle {
                    attendees: setup.present.clone(),
                    roles: setup.roles.clone(),
                });
                open = false;
            }
            if theme::tapped(&ui.add(big_button(
                format!("✕  {}", tr(lang, T::Cancel)),
                theme::TOUCH * 3.0,
            ))) {
                open = false;
            }
        });
    });
    if modal.should_close() {
        open = false;
    }
    if open {
        state.huddle_setup = Some(setup);
    }
}

fn decision_dialog(
    ui: &mut egui::Ui,
    lang: Lang,
    session: &Session,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let Some(draft) = &mut state.decision else {
        return;
    };
    let title = session
        .record
        .items
        .get(session.current)
        .map(|i| i.title.clone())
        .unwrap_or_default();
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("decision")).show(ui.ctx(), |ui| {
        ui.set_width(1100.0_f32.min(ui.ctx().content_rect().width() - 40.0));
        let heading = if draft.corrects.is_some() {
            format!("✎ {} — {title}", tr(lang, T::Correct))
        } else {
            format!("{} — {title}", tr(lang, T::NoteDecision))
        };
        ui.heading(heading);
        let label = ui.label(RichText::new(tr(lang, T::Decision)).strong());
        let field = ui.make_persistent_id("decision-text");
        ui.add(
            egui::TextEdit::singleline(&mut draft.text)
                .id(field)
                .char_limit(crate::model::TEXT_MAX)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let outcome = keyboard::show(
            ui,
            lang,
            keyboard::Layout::Letters,
            &mut draft.keys,
            (&mut draft.text, Some(field)),
        );
        ui.horizontal(|ui| {
            let save = big_button(format!("✓  {}", tr(lang, T::Save)), theme::TOUCH * 3.0);
            if theme::tapped(&ui.add_enabled(!draft.text.trim().is_empty(), save))
                || (outcome == keyboard::KeyOutcome::Enter && !draft.text.trim().is_empty())
            {
                commands.push(match draft.corrects {
                    Some(at) => UiCommand::CorrectDecision {
                        at,
                        text: draft.text.clone(),
                    },
                    None => UiCommand::NoteDecision(draft.text.clone()),
                });
            }
            if theme::tapped(&ui.add(big_button(
                format!("✕  {}", tr(lang, T::Cancel)),
                theme::TOUCH * 3.0,
            ))) {
                close = true;
            }
        });
    });
    if modal.should_close() || close {
        state.decision = None;
    }
}

fn end_dialog(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    board: &Board,
    session: &Session,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = board.lang;
    let record = session.snapshot(screen.now);
    let modal = egui::Modal::new(egui::Id::unique("huddle-end")).show(ui.ctx(), |ui| {
        ui.set_width(900.0_f32.min(ui.ctx().content_rect().width() - 40.0));
        ui.heading(RichText::new(tr(lang, T::HuddleSummary)).text_style(theme::board_title()));
        ui.separator();
        ui.label(format!(
            "{} : {} / {}",
            tr(lang, T::Duration),
            clock_text(record.duration_s),
            clock_text(session.planned_s())
        ));
        ui.label(format!(
            "{} : {}/{}",
            tr(lang, T::Present),
            record.attendees.len(),
            board.members.len()
        ));
        for role in Role::ALL {
            if let Some(who) = record.roles.get(role) {
                ui.label(format!("{} : {who}", role_name(lang, role)));
            }
        }
        ui.label(format!(
            "{} : {} · {} : {} · {} : {}",
            tr(lang, T::Decisions),
            record.decisions().count(),
            tr(lang, T::ActionsCreated),
            record.actions.len(),
            tr(lang, T::EscalationsRaised),
            record.escalations.len()
        ));
        ui.add_space(6.0);
        for (i, item) in record.items.iter().enumerate() {
            let over = item.spent_s > item.planned_s;
            let text = format!(
                "{}. {}   {} / {}",
                i + 1,
                item.title,
                clock_text(item.spent_s),
                clock_text(item.planned_s)
            );
            ui.label(RichText::new(text).color(if over { colour::WATCH } else { colour::MUTED }));
        }
        ui.separator();
        ui.horizontal(|ui| {
            let save = strong_button(
                format!("✓  {}", tr(lang, T::SaveAndEnd)),
                colour::BAR,
                theme::TOUCH * 5.0,
            );
            if theme::tapped(&ui.add(save)) {
                commands.push(UiCommand::EndHuddle);
            }
            if theme::tapped(&ui.add(big_button(
                format!("◀  {}", tr(lang, T::KeepGoing)),
                theme::TOUCH * 4.0,
            ))) {
                state.huddle_end_open = false;
            }
        });
    });
    if modal.should_close() {
        state.huddle_end_open = false;
    }
}

/// The last huddle and the regularity, for the bottom bar.
pub(super) fn regularity_text(screen: &Screen<'_>) -> String {
    let lang = screen.lang();
    let r = &screen.view.regularity;
    match &r.last {
        None => tr(lang, T::NoHuddleYet).to_owned(),
        Some(last) => format!(
            "{} : {}, {} min · {}/{} {}",
            tr(lang, T::LastHuddle),
            i18n::short_date(lang, last.date),
            (last.duration_s + 30) / 60,
            r.held,
            r.working_days,
            tr(lang, T::InFourWeeks)
        ),
    }
}
