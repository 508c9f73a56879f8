//! The top bar (board title, level, date and time, huddle time, who is at the screen, undo,
//! navigation) and the banner that reports problems.

use egui::{Align, Layout, RichText, vec2};

use super::theme::{self, colour};
use super::{Screen, UiCommand, UiState};
use crate::i18n::{self, T, tr};
use crate::layout::Notice;

fn bar_button(ui: &mut egui::Ui, text: String, min_width: f32) -> bool {
    let button = egui::Button::new(RichText::new(text).color(colour::INK))
        .min_size(vec2(min_width, theme::TOUCH));
    theme::tapped(&ui.add(button))
}

/// The buttons of the top bar that may go into its menu when the bar is short of room.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Secondary {
    Person,
    Parent,
    Boards,
}

pub(super) fn show(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    state: &mut UiState,
    commands: &mut Vec<UiCommand>,
) {
    let lang = screen.lang();
    let in_huddle = screen.huddle.is_some();
    let width_of = |ui: &egui::Ui, text: &str, style: egui::TextStyle| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), style.resolve(ui.style()), colour::INK)
            .size()
            .x
    };
    let spacing = ui.spacing().item_spacing.x;
    let padding = ui.spacing().button_padding.x * 2.0;
    let button_width = |ui: &egui::Ui, text: &str, min: f32| {
        (width_of(ui, text, egui::TextStyle::Button) + padding).max(min) + spacing
    };
    // What the bar holds, the most needed first: the board's title, the clock, the huddle,
    // facilitator mode; then who is at the screen, the board above and the switcher, which
    // go together into a menu (☰) when the title would not show whole beside them.
    let parent = screen
        .board
        .and_then(|b| b.parent.as_deref())
        .and_then(|p| screen.live.board(p))
        .filter(|p| screen.shows(&p.id) && !in_huddle);
    let person = state
        .person
        .clone()
        .unwrap_or_else(|| tr(lang, T::WhoAreYou).to_owned());
    let person_text = format!("☺ {person}");
    let parent_text = parent.map(|p| format!("⬆ {}", p.title));
    let boards_text = format!("☰  {}", tr(lang, T::Boards));
    let menu_text = format!("☰  {}", tr(lang, T::Menu));
    let huddle_text = format!("▶  {}", tr(lang, T::Huddle));
    let clock = format!(
        "{}  {}",
        i18n::short_date(lang, screen.now.date()),
        i18n::time_of_day(screen.now)
    );
    let huddle_line = screen.board.and_then(|b| b.huddle.as_ref()).map(|h| {
        format!(
            "{} {:02}:{:02} · {} min",
            tr(lang, T::Huddle),
            h.time.0,
            h.time.1,
            h.minutes
        )
    });
    let clock_width = width_of(ui, &clock, egui::TextStyle::Heading).max(
        huddle_line
            .as_deref()
            .map_or(0.0, |l| width_of(ui, l, egui::TextStyle::Body)),
    ) + spacing * 2.0;
    let facilitator = super::facilitator::bar_text(screen);
    let mut fixed = clock_width + button_width(ui, &facilitator, theme::TOUCH);
    if screen.board.is_some_and(|b| b.huddle.is_some()) && !in_huddle {
        fixed += button_width(ui, &huddle_text, theme::TOUCH * 2.5);
    }
    // Each with its words and its least width, in the order they are laid from the right.
    let mut secondary: Vec<(Secondary, String, f32)> = Vec::new();
    if !in_huddle {
        secondary.push((Secondary::Boards, boards_text, theme::TOUCH * 2.5));
    }
    if let Some(text) = parent_text {
        secondary.push((Secondary::Parent, text, theme::TOUCH));
    }
    if screen.board.is_some() {
        secondary.push((Secondary::Person, person_text, theme::TOUCH * 2.0));
    }
    let secondary_width: f32 = secondary
        .iter()
        .map(|(_, text, min)| button_width(ui, text, *min))
        .sum();
    // The board above can shrink to its arrow (its name stays the button's name).
    let parent_shrinks = secondary
        .iter()
        .find(|(item, ..)| *item == Secondary::Parent)
        .map_or(0.0, |(_, text, min)| {
            button_width(ui, text, *min) - button_width(ui, "⬆", *min)
        });
    let menu_width = button_width(ui, &menu_text, theme::TOUCH * 2.0);
    let total = ui.available_width();
    let title = screen.board.map(|b| b.title.as_str()).unwrap_or_default();
    let short = screen.board.and_then(|b| b.short_title.as_deref());
    let title_width = |text: &str| width_of(ui, text, theme::board_title()) + spacing;
    // Everything on the bar if the whole title fits beside it; else the board above as its
    // arrow alone; else the menu; else, in the menu's company, the short title.
    // The title and the buttons share the bar when the whole title fits beside them: every
    // button, else the board above as its arrow alone, else the menu (☰). Then the short title
    // beside the most compact buttons; then the title a size smaller; last, the title on a row
    // of its own above the buttons (a portrait screen), cut with "…" only if it is still too
    // long there.
    let room = total - fixed;
    let bar_width = |(arrow_only, menu): (bool, bool)| {
        if menu {
            menu_width
        } else if arrow_only {
            secondary_width - parent_shrinks
        } else {
            secondary_width
        }
    };
    let layouts: Vec<(bool, bool)> = [(false, false), (true, false), (true, true)]
        .into_iter()
        .filter(|(_, menu)| !menu || secondary.len() > 1)
        .collect();
    let compact = layouts.last().copied().unwrap_or((false, false));
    let heading_width = |text: &str| width_of(ui, text, egui::TextStyle::Heading) + spacing;
    let beside = |width: f32, layout| width <= room - bar_width(layout);
    let (layout, shown_title, stacked) =
        match layouts.iter().find(|l| beside(title_width(title), **l)) {
            Some(layout) => (*layout, title, false),
            None => match short.filter(|s| beside(title_width(s), compact)) {
                Some(short) => (compact, short, false),
                None if beside(heading_width(title), compact) => (compact, title, false),
                None => {
                    let alone = layouts.iter().find(|l| bar_width(**l) <= room);
                    (alone.copied().unwrap_or(compact), title, true)
                }
            },
        };
    let (arrow_only, menu) = layout;
    let title_room = if stacked {
        total
    } else {
        (room - bar_width(layout)).max(60.0)
    };
    let title_style = if title_width(shown_title) > title_room {
        egui::TextStyle::Heading
    } else {
        theme::board_title()
    };
    let title_block = |ui: &mut egui::Ui| {
        let Some(board) = screen.board else {
            return;
        };
        ui.allocate_ui_with_layout(
            vec2(title_room, theme::TOUCH + 8.0),
            Layout::top_down(Align::Min),
            |ui| {
                ui.set_max_width(title_room);
                let title = ui.add(
                    egui::Label::new(
                        RichText::new(shown_title)
                            .text_style(title_style)
                            .color(colour::ON_BAR),
                    )
                    .truncate(),
                );
                // Named in full for screen readers and tests, whatever is shown.
                title.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Label, true, &board.title)
                });
                let mut sub = i18n::level_name(lang, &board.level);
                if !board.team.is_empty() {
                    sub = format!("{sub} · {}", board.team);
                }
                ui.add(egui::Label::new(RichText::new(sub).color(colour::ON_BAR)).truncate());
            },
        );
    };
    let buttons = |ui: &mut egui::Ui| {
        super::facilitator::bar_button(ui, screen, state);
        let open = |state: &mut UiState, item: Secondary, commands: &mut Vec<UiCommand>| match item
        {
            Secondary::Person => state.person_picker_open = true,
            Secondary::Boards => state.switcher_open = true,
            Secondary::Parent => {
                if let Some(parent) = parent {
                    commands.push(UiCommand::ShowBoard(parent.id.clone()));
                }
            }
        };
        if menu {
            if bar_button(ui, menu_text.clone(), theme::TOUCH * 2.0) {
                state.menu_open = true;
            }
        } else {
            for (item, name, min) in &secondary {
                let text = match item {
                    Secondary::Parent if arrow_only => "⬆",
                    _ => name.as_str(),
                };
                let button = egui::Button::new(RichText::new(text).color(colour::INK))
                    .min_size(vec2(*min, theme::TOUCH));
                if theme::tapped_named(&ui.add(button), name, None) {
                    open(state, *item, commands);
                }
            }
        }
        if let Some(board) = screen.board.filter(|b| b.huddle.is_some())
            && !in_huddle
        {
            // Short on the bar, where the board's title needs the room; named in full.
            let start = egui::Button::new(
                RichText::new(&huddle_text)
                    .color(egui::Color32::WHITE)
                    .strong(),
            )
            .fill(colour::GOOD)
            .min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH));
            if theme::tapped_named(&ui.add(start), tr(lang, T::StartHuddle), None) {
                state.huddle_setup = Some(super::huddle::Setup::new(board, screen));
            }
        }
        ui.add_space(spacing);
        ui.allocate_ui_with_layout(
            vec2(clock_width, theme::TOUCH + 8.0),
            Layout::top_down(Align::Max),
            |ui| {
                ui.label(
                    RichText::new(&clock)
                        .text_style(egui::TextStyle::Heading)
                        .color(colour::ON_BAR),
                );
                if let Some(line) = &huddle_line {
                    ui.label(RichText::new(line).color(colour::ON_BAR));
                }
            },
        );
        // The menu of what did not fit: big buttons, one a line.
        if menu && state.menu_open {
            let modal = egui::Modal::new(egui::Id::unique("top-bar-menu")).show(ui.ctx(), |ui| {
                ui.set_width(480.0);
                for (item, text, _) in &secondary {
                    let button = egui::Button::new(text.as_str())
                        .min_size(vec2(ui.available_width(), theme::TOUCH));
                    if theme::tapped(&ui.add(button)) {
                        state.menu_open = false;
                        open(state, *item, commands);
                    }
                }
                let close = egui::Button::new(format!("✓  {}", tr(lang, T::Close)))
                    .min_size(vec2(ui.available_width(), theme::TOUCH));
                if theme::tapped(&ui.add(close)) {
                    state.menu_open = false;
                }
            });
            if modal.should_close() {
                state.menu_open = false;
            }
        }
    };
    if stacked {
        title_block(ui);
        ui.horizontal(|ui| {
            ui.set_min_height(theme::TOUCH + 8.0);
            ui.with_layout(Layout::right_to_left(Align::Center), buttons);
        });
    } else {
        ui.horizontal(|ui| {
            ui.set_min_height(theme::TOUCH + 8.0);
            title_block(ui);
            ui.with_layout(Layout::right_to_left(Align::Center), buttons);
        });
    }
}

/// The bottom bar: undo, always at the left edge, and the board's last change; the snapshot
/// button; then where sync and the huddles stand. Texts are cut with "…" where the bar is
/// short, never drawn over a button.
pub(super) fn bottom(ui: &mut egui::Ui, screen: &Screen<'_>, commands: &mut Vec<UiCommand>) {
    let lang = screen.lang();
    ui.horizontal(|ui| {
        ui.set_min_height(theme::TOUCH);
        let undoable = screen.last_change.is_some_and(|l| l.undoable);
        let button = egui::Button::new(format!("↶ {}", tr(lang, T::Undo)))
            .min_size(vec2(theme::TOUCH * 2.5, theme::TOUCH));
        if theme::tapped(&ui.add_enabled(undoable, button)) {
            commands.push(UiCommand::Undo);
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            send_snapshot(ui, screen, commands);
            let room = ui.available_width();
            let mut statuses = Vec::new();
            if let Some(status) = screen.sync {
                statuses.push(sync_text(lang, status));
            }
            if screen.board.is_some_and(|b| b.huddle.is_some()) {
                statuses.push((super::huddle::regularity_text(screen), colour::MUTED));
            }
            for (text, colour) in statuses {
                // Each status takes at most a quarter of what is left; the last change the rest.
                let cap = (room * 0.25).max(80.0);
                ui.allocate_ui_with_layout(
                    vec2(cap, theme::TOUCH),
                    Layout::right_to_left(Align::Center),
                    |ui| {
                        ui.add(egui::Label::new(RichText::new(text).color(colour)).truncate());
                    },
                );
                ui.add_space(theme::GAP);
            }
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                let text = match screen.last_change {
                    Some(last) => {
                        let by = i18n::author(lang, &last.by);
                        format!(
                            "{} — {} {by} {} {}",
                            last.what,
                            tr(lang, T::ChangedBy),
                            tr(lang, T::At),
                            i18n::time_of_day(last.at)
                        )
                    }
                    None => tr(lang, T::NothingToUndo).to_owned(),
                };
                ui.add(egui::Label::new(RichText::new(text).color(colour::MUTED)).truncate());
            });
        });
    });
}

/// The bottom bar's sync status: "⇅ Synchro 08:41 · 2 autres écrans", or in amber "Pas
/// synchronisé depuis 08:41" while the shared folder cannot be reached or written.
pub fn sync_text(
    lang: crate::model::Lang,
    status: &crate::sync::SyncStatus,
) -> (String, egui::Color32) {
    let last = status
        .last_sync
        .map(|t| i18n::time_of_day(t.with_timezone(&chrono::Local).naive_local()));
    if status.refused.is_some() {
        return (format!("✕ {}", tr(lang, T::SyncStopped)), colour::BAD);
    }
    if status.error.is_some() {
        let text = match last {
            Some(last) => format!("⚠ {} {last}", tr(lang, T::NotSyncedSince)),
            None => format!("⚠ {}", tr(lang, T::NeverSynced)),
        };
        return (text, colour::WATCH);
    }
    let Some(last) = last else {
        return (format!("⇅ {}", tr(lang, T::NeverSynced)), colour::MUTED);
    };
    let mut text = format!(
        "⇅ {} {last} · {}",
        tr(lang, T::Synced),
        i18n::other_screens(lang, status.peers.len())
    );
    if status.waiting > 0 {
        text += &format!(" · {} {}", status.waiting, tr(lang, T::SyncWaiting));
    }
    (text, colour::MUTED)
}

/// "⬆ Envoyer la photo": a snapshot of the board for the level above, and how the last one
/// went ("envoyée à 10:14", or why not).
fn send_snapshot(ui: &mut egui::Ui, screen: &Screen<'_>, commands: &mut Vec<UiCommand>) {
    use crate::snapshot::shelf::Sent;
    let lang = screen.lang();
    let Some(board) = screen.board.filter(|_| screen.can_send_snapshot) else {
        return;
    };
    match screen.snapshot_sent {
        Some(Sent::Done {
            board: sent,
            taken_at,
            ..
        }) if *sent == board.id => {
            let at = i18n::time_of_day(taken_at.with_timezone(&chrono::Local).naive_local());
            ui.label(
                RichText::new(format!("✓ {} {at}", tr(lang, T::SnapshotSent))).color(colour::GOOD),
            );
        }
        Some(Sent::Failed { board: sent, error }) if *sent == board.id => {
            ui.label(
                RichText::new(format!("✕ {}", tr(lang, T::SnapshotNotSent))).color(colour::BAD),
            )
            .on_hover_text(error);
        }
        _ => {}
    }
    let button = egui::Button::new(format!("⬆ {}", tr(lang, T::SendSnapshot)))
        .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH));
    if theme::tapped(&ui.add(button)) {
        commands.push(UiCommand::SendSnapshot);
    }
    ui.add_space(theme::GAP);
}

/// "Who are you?": the team's members, one big button each.
pub(super) fn person_picker(ui: &mut egui::Ui, screen: &Screen<'_>, state: &mut UiState) {
    let lang = screen.lang();
    let members = screen.board.map(|b| b.members.clone()).unwrap_or_default();
    let modal = egui::Modal::new(egui::Id::unique("person-picker")).show(ui.ctx(), |ui| {
        ui.set_width(640.0);
        ui.heading(tr(lang, T::WhoAreYou));
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            for m in members.iter().map(Some).chain([None]) {
                let label = m.cloned().unwrap_or_else(|| tr(lang, T::Nobody).to_owned());
                let chosen = state.person.as_ref() == m;
                if theme::tapped(
                    &ui.add(
                        egui::Button::new(label)
                            .selected(chosen)
                            .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH)),
                    ),
                ) {
                    state.person = m.cloned();
                    state.person_picker_open = false;
                }
            }
        });
    });
    if modal.should_close() {
        state.person_picker_open = false;
    }
}

/// The lines of the banner: problems of board files and of the data store.
pub(super) fn banner_lines(screen: &Screen<'_>) -> Vec<String> {
    let lang = screen.lang();
    let mut lines = Vec::new();
    if let Some(err) = screen.store_error {
        lines.push(format!("✕ {} : {err}", tr(lang, T::StoreUnavailable)));
    }
    if let Some(err) = screen.folder_error {
        lines.push(format!("⚠ {} : {err}", tr(lang, T::BoardsFolderUnreadable)));
    }
    if let Some(problem) = &screen.feed_problem {
        lines.push(format!("⚠ {} : {problem}", tr(lang, T::DataFeed)));
    }
    if let Some(refusal) = screen.sync.and_then(|s| s.refused) {
        lines.push(format!(
            "✕ {} : {}",
            tr(lang, T::SyncStopped),
            i18n::sync_refusal(lang, refusal)
        ));
    }
    let notices = screen.live.notices();
    if let Some(first) = notices.first() {
        let text = match first {
            Notice::Broken(p) => {
                format!("⚠ {} — {}", p.in_lang(lang), tr(lang, T::ShowingLastGood))
            }
            Notice::Missing(path) => format!("⚠ {} : {}", path.display(), tr(lang, T::FileMissing)),
        };
        lines.push(text);
        if notices.len() > 1 {
            lines.push(format!(
                "+{} {}",
                notices.len() - 1,
                tr(lang, T::MoreProblems)
            ));
        }
    }
    lines
}
