//! Escalations: the problems a team cannot solve alone, going up and coming back down.

use super::*;

/// The clients of the other teams on the trajectory, read-only, team by team: where each is,
/// for how long; a client also on this board (a hand-over under way) is marked ⇄.
pub(super) fn other_teams(
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
pub(super) fn board_title<'a>(screen: &'a Screen<'_>, id: &'a str) -> &'a str {
    screen.live.board(id).map_or(id, |b| b.title.as_str())
}

/// One escalation: what, from where, where it stands, its answer; and, on the board holding
/// it, the taps that take it, answer it or send it up; on the board that raised it, the tap
/// that closes it once answered.
pub(super) fn escalation(
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
    // Where it went, when that is not the parent every escalation of the board goes to: sent
    // further up from there, or raised straight to a board higher up.
    if let Some(to) = &e.to
        && (e.route.len() > 1 || (!e.received && board.parent.as_deref() != Some(to.as_str())))
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
pub(super) fn escalation_buttons(board: &Board, e: &view::EscalationView) -> usize {
    use crate::model::EscalationStatus as S;
    if e.held_by(&board.id) {
        usize::from(e.status == S::Open) + 1 + usize::from(board.parent.is_some())
    } else {
        usize::from(!e.received && e.status == S::Answered)
    }
}

/// The height an escalation takes in a card `width` wide: its title, what and when, its
/// answer, and its buttons (in as many rows as they need) when it shows them.
pub(super) fn escalation_height(
    board: &Board,
    e: &view::EscalationView,
    width: f32,
    buttons: bool,
) -> f32 {
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

/// The boards above this one, nearest first: where an escalation can go.
pub(super) fn ancestors(board: &Board, screen: &Screen<'_>) -> Vec<(String, String)> {
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

/// The escalations raised here or received, with their buttons, and where they go.
pub(super) fn body(ui: &mut egui::Ui, cx: Cx<'_, '_>, list: &[view::EscalationView]) {
    let Cx {
        board,
        section,
        screen,
        state,
        commands,
        mode,
        lang,
        ..
    } = cx;

    if list.is_empty() {
        empty(ui, &add_hint(lang, T::NoEscalationYet));
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
