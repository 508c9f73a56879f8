//! The `units` section of an upper-level board: the boards below as a matrix of their latest
//! snapshots (status per family of indicators, signals, overdue actions, escalations, age), a
//! unit with no recent snapshot standing out; and a unit's snapshot, read-only, as it was sent.

use egui::{Color32, RichText, vec2};

use super::theme::{self, colour};
use super::{Screen, UiCommand, UiState};
use crate::i18n::{self, T, tr};
use crate::model::{Board, IndicatorCategory, Lang};
use crate::snapshot::{self, Snapshot};
use crate::view::{CATEGORIES, Status, UnitView};

type Commands = Vec<UiCommand>;

fn category_name(lang: Lang, c: IndicatorCategory) -> &'static str {
    tr(
        lang,
        match c {
            IndicatorCategory::Access => T::Access,
            IndicatorCategory::Continuity => T::Continuity,
            IndicatorCategory::WellBeing => T::WellBeing,
            IndicatorCategory::Safety => T::Safety,
            IndicatorCategory::Quality => T::Quality,
        },
    )
}

fn look(status: Status) -> (&'static str, Color32) {
    match status {
        Status::Good => ("✓", colour::GOOD),
        Status::Watch => ("!", colour::WATCH),
        Status::Bad => ("✕", colour::BAD),
    }
}

fn snapshot_status(status: snapshot::Status) -> Status {
    match status {
        snapshot::Status::Good => Status::Good,
        snapshot::Status::Watch => Status::Watch,
        snapshot::Status::Bad => Status::Bad,
    }
}

/// A status as a coloured chip with its shape.
fn chip(ui: &mut egui::Ui, status: Option<Status>) {
    match status {
        Some(status) => {
            let (mark, fill) = look(status);
            egui::Frame::new()
                .fill(fill)
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(14, 4))
                .show(ui, |ui| {
                    ui.label(RichText::new(mark).color(Color32::WHITE).strong());
                });
        }
        None => {
            ui.label(RichText::new("—").color(colour::MUTED));
        }
    }
}

/// How old a snapshot is, as the matrix says it.
fn age_text(lang: Lang, unit: &UnitView) -> String {
    match unit.age_working_days {
        None => tr(lang, T::NoSnapshot).to_owned(),
        Some(0) => tr(lang, T::Today).to_owned(),
        Some(days) => format!("{days} {}", tr(lang, T::WorkingDaysAgo)),
    }
}

/// The matrix of the units below `board`.
pub(super) fn section(
    ui: &mut egui::Ui,
    board: &Board,
    units: &[UnitView],
    state: &mut UiState,
    _commands: &mut Commands,
) {
    let lang = board.lang;
    if units.is_empty() {
        ui.label(
            RichText::new(tr(lang, T::NoUnits))
                .color(colour::MUTED)
                .italics(),
        );
        return;
    }
    // Only the families some unit measures.
    let columns: Vec<usize> = (0..CATEGORIES.len())
        .filter(|&i| units.iter().any(|u| u.categories[i].is_some()))
        .collect();
    egui::ScrollArea::both().id_salt("units").show(ui, |ui| {
        egui::Grid::new(("units-grid", &board.id))
            .striped(true)
            .spacing(vec2(12.0, 6.0))
            .min_row_height(theme::TOUCH)
            .show(ui, |ui| {
                let head = |ui: &mut egui::Ui, t: &str| {
                    ui.label(
                        RichText::new(t)
                            .size(theme::DETAIL_TEXT)
                            .color(colour::MUTED)
                            .strong(),
                    );
                };
                head(ui, tr(lang, T::Unit));
                for &c in &columns {
                    head(ui, category_name(lang, CATEGORIES[c]));
                }
                head(ui, tr(lang, T::Signals));
                head(ui, tr(lang, T::OverdueShort));
                head(ui, tr(lang, T::OpenEscalations));
                head(ui, tr(lang, T::Snapshot));
                ui.end_row();
                for unit in units {
                    let name = if unit.stale {
                        format!("⚠ {}", unit.title)
                    } else {
                        unit.title.clone()
                    };
                    let button = egui::Button::new(RichText::new(format!("{name}  ›")).strong())
                        .min_size(vec2(160.0, theme::TOUCH));
                    if theme::tapped(&ui.add(button)) {
                        state.unit_open = Some(unit.board.clone());
                    }
                    for &c in &columns {
                        chip(ui, unit.categories[c]);
                    }
                    if unit.snapshot.is_some() {
                        let signals = RichText::new(format!("◆ {}", unit.signals));
                        ui.label(if unit.signals > 0 {
                            signals.color(colour::ACCENT).strong()
                        } else {
                            signals.color(colour::MUTED)
                        });
                        let overdue = RichText::new(format!("✕ {}", unit.overdue_actions));
                        ui.label(if unit.overdue_actions > 0 {
                            overdue.color(colour::BAD).strong()
                        } else {
                            RichText::new("0").color(colour::MUTED)
                        });
                        let mut escalations = unit.open_escalations.to_string();
                        if unit.late_escalations > 0 {
                            escalations = format!(
                                "{escalations} (✕ {} {})",
                                unit.late_escalations,
                                tr(lang, T::Late).to_lowercase()
                            );
                        }
                        ui.label(if unit.late_escalations > 0 {
                            RichText::new(escalations).color(colour::BAD).strong()
                        } else {
                            RichText::new(escalations).color(colour::INK)
                        });
                    } else {
                        for _ in 0..3 {
                            ui.label(RichText::new("—").color(colour::MUTED));
                        }
                    }
                    let age = RichText::new(age_text(lang, unit));
                    ui.label(if unit.stale {
                        age.color(colour::BAD).strong()
                    } else {
                        age.color(colour::MUTED)
                    });
                    ui.end_row();
                }
            });
        ui.label(
            RichText::new(tr(lang, T::TapUnit))
                .size(theme::DETAIL_TEXT)
                .color(colour::MUTED),
        );
    });
}

/// A unit's latest snapshot, read-only, as it was sent.
pub(super) fn dialog(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    board: &Board,
    id: &str,
    state: &mut UiState,
    commands: &mut Commands,
) {
    let lang = board.lang;
    let unit = screen.view.sections.values().find_map(|s| match s {
        crate::view::SectionView::Units(units) => units.iter().find(|u| u.board == id),
        _ => None,
    });
    let Some(unit) = unit else {
        state.unit_open = None;
        return;
    };
    let screen_rect = ui.ctx().content_rect();
    let modal = egui::Modal::new(egui::Id::unique("unit-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(screen_rect.width() - 120.0);
        ui.set_max_height(screen_rect.height() - 120.0);
        ui.horizontal(|ui| {
            ui.heading(RichText::new(&unit.title).text_style(theme::board_title()));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if super::close_button(ui, lang) {
                    state.unit_open = None;
                }
                // Its live board, when this kiosk has its file.
                if screen.live.board(&unit.board).is_some() && screen.shows(&unit.board) {
                    let open = egui::Button::new(format!("{}  ›", tr(lang, T::LiveBoard)))
                        .min_size(vec2(theme::TOUCH * 3.0, theme::TOUCH));
                    if theme::tapped(&ui.add(open)) {
                        state.unit_open = None;
                        commands.push(UiCommand::ShowBoard(unit.board.clone()));
                    }
                }
            });
        });
        let Some(snapshot) = &unit.snapshot else {
            ui.label(
                RichText::new(tr(lang, T::NoSnapshot))
                    .color(colour::BAD)
                    .strong(),
            );
            return;
        };
        let taken = snapshot
            .taken_at
            .with_timezone(&chrono::Local)
            .naive_local();
        let age = RichText::new(format!(
            "{} — {} {} {} · {} ({})",
            tr(lang, T::ReadOnlySnapshot),
            tr(lang, T::TakenAt),
            i18n::short_date(lang, taken.date()),
            i18n::time_of_day(taken),
            snapshot.taken_by,
            age_text(lang, unit)
        ));
        ui.label(if unit.stale {
            age.color(colour::BAD).strong()
        } else {
            age.color(colour::MUTED)
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt(("unit-snapshot", id))
            .show(ui, |ui| body(ui, lang, snapshot));
    });
    if modal.should_close() {
        state.unit_open = None;
    }
}

/// What a snapshot holds, in the order the board's huddle reads it.
fn body(ui: &mut egui::Ui, lang: Lang, snapshot: &Snapshot) {
    let muted = |t: String| {
        RichText::new(t)
            .size(theme::DETAIL_TEXT)
            .color(colour::MUTED)
    };
    egui::Grid::new("unit-indicators")
        .spacing(vec2(16.0, 8.0))
        .show(ui, |ui| {
            for indicator in &snapshot.indicators {
                chip(ui, indicator.status.map(snapshot_status));
                ui.label(RichText::new(&indicator.title).strong());
                match indicator.latest {
                    Some(p) => ui.label(
                        RichText::new(format!(
                            "{} {}",
                            i18n::number(lang, p.value),
                            indicator.unit
                        ))
                        .size(26.0)
                        .strong(),
                    ),
                    None => ui.label(muted(tr(lang, T::NoValueYet).to_owned())),
                };
                ui.label(muted(format!(
                    "{} {} {}",
                    tr(lang, T::Target),
                    i18n::number(lang, indicator.target),
                    indicator.unit
                )));
                let ongoing: Vec<String> = indicator
                    .signals
                    .iter()
                    .filter(|s| s.ongoing)
                    .map(|s| format!("◆ {}", signal_text(lang, s)))
                    .collect();
                ui.label(
                    RichText::new(ongoing.join(" · "))
                        .color(colour::ACCENT)
                        .strong(),
                );
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    let a = &snapshot.actions;
    ui.heading(format!(
        "{} : {} · {} : {}",
        tr(lang, T::OpenActions),
        a.open,
        tr(lang, T::OverdueActions),
        a.overdue
    ));
    for item in a.items.iter().filter(|i| i.overdue).take(8) {
        let due = item
            .due
            .map(|d| i18n::short_date(lang, d))
            .unwrap_or_default();
        ui.label(
            RichText::new(format!("✕ {} · {due}", item.title))
                .color(colour::BAD)
                .size(18.0),
        );
    }
    if !snapshot.escalations.is_empty() {
        ui.add_space(8.0);
        ui.heading(tr(lang, T::OpenEscalations));
        for e in &snapshot.escalations {
            let late = if e.late {
                format!(" · ✕ {}", tr(lang, T::Late))
            } else {
                String::new()
            };
            let text = RichText::new(format!("▲ {} — {}{late}", e.title, e.why)).size(18.0);
            ui.label(if e.late {
                text.color(colour::BAD)
            } else {
                text
            });
        }
    }
    for t in &snapshot.trajectories {
        ui.add_space(8.0);
        ui.heading(&t.title);
        let stages: Vec<String> = t
            .stages
            .iter()
            .map(|s| format!("{} : {}", s.stage, s.clients))
            .collect();
        ui.label(RichText::new(stages.join(" · ")).size(18.0));
        if !t.longest_waits.is_empty() {
            let waits: Vec<String> = t
                .longest_waits
                .iter()
                .map(|w| format!("{} ({}, {} j)", w.code, w.stage, w.days))
                .collect();
            ui.label(muted(format!(
                "{} : {}",
                tr(lang, T::LongestWaits),
                waits.join(" · ")
            )));
        }
    }
    if let Some(h) = &snapshot.last_huddle {
        ui.add_space(8.0);
        ui.label(muted(format!(
            "{} : {} · {} min · {} {}",
            tr(lang, T::LastHuddle),
            i18n::short_date(lang, h.date),
            h.minutes,
            h.attendees,
            tr(lang, T::Present)
        )));
    }
}

/// A signal in a few words: "hausse · depuis le 3 nov.".
fn signal_text(lang: Lang, s: &snapshot::SignalSnapshot) -> String {
    let what = match (s.kind.as_str(), s.way.as_deref(), lang) {
        ("shift", Some("above"), Lang::Fr) => "série au-dessus de la médiane",
        ("shift", _, Lang::Fr) => "série sous la médiane",
        ("trend", Some("up"), Lang::Fr) => "tendance à la hausse",
        ("trend", _, Lang::Fr) => "tendance à la baisse",
        (_, _, Lang::Fr) => "point hors norme",
        ("shift", Some("above"), Lang::En) => "shift above the median",
        ("shift", _, Lang::En) => "shift below the median",
        ("trend", Some("up"), Lang::En) => "trend up",
        ("trend", _, Lang::En) => "trend down",
        (_, _, Lang::En) => "astronomical point",
    };
    format!("{what} ({})", i18n::short_date(lang, s.from))
}
