//! The `units` section of an upper-level board: the boards below as a matrix of their latest
//! snapshots (status per family of indicators, signals, overdue actions, escalations, age), a
//! unit with no recent snapshot standing out; and a unit's snapshot, read-only, as it was sent.

use egui::{Color32, RichText, vec2};

use super::sections::Mode;
use super::theme::{self, colour};
use super::{Screen, UiCommand, UiState};
use crate::i18n::{self, T, tr};
use crate::model::{Board, IndicatorCategory, Lang};
use crate::snapshot::{self, Snapshot};
use crate::view::{Status, UnitView};

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

/// One column of the matrix.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Family(usize),
    /// The variation and assurance icons of each XmR indicator.
    Xmr,
    Signals,
    Overdue,
    Escalations,
    Age,
}

/// The size of the XmR icons in the units table.
const ICON: f32 = 26.0;

/// How many XmR indicators a unit's snapshot holds.
fn xmr_count(unit: &UnitView) -> usize {
    unit.snapshot
        .iter()
        .flat_map(|s| &s.indicators)
        .filter(|i| i.variation.is_some())
        .count()
}

/// The escalations cell's words: how many are open, and how many of them are late.
fn escalations_text(lang: Lang, unit: &UnitView) -> String {
    let mut text = unit.open_escalations.to_string();
    if unit.late_escalations > 0 {
        text = format!(
            "{text} (✕ {} {})",
            unit.late_escalations,
            tr(lang, T::Late).to_lowercase()
        );
    }
    text
}

/// The matrix of the units below `board`. In a card, the units that need a look come first
/// (no recent snapshot, late escalations, overdue actions), as many rows and columns as fit,
/// and cues say how many more there are; opened, every unit and every column.
pub(super) fn section(
    ui: &mut egui::Ui,
    board: &Board,
    section: &crate::model::Section,
    units: &[UnitView],
    state: &mut UiState,
    mode: Mode,
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
    let mut units: Vec<&UnitView> = units.iter().collect();
    if mode != Mode::Full {
        units.sort_by_key(|u| {
            (
                !u.stale,
                std::cmp::Reverse(u.late_escalations),
                std::cmp::Reverse(u.overdue_actions),
            )
        });
    }
    // How fresh each unit's snapshot is first (a unit silent for days is what a manager must
    // see), then the families some unit measures, then the counts.
    let mut columns = vec![Column::Age];
    columns.extend(
        (0..IndicatorCategory::ALL.len())
            .filter(|&i| units.iter().any(|u| u.categories[i].is_some()))
            .map(Column::Family),
    );
    if units.iter().any(|u| xmr_count(u) > 0) {
        columns.push(Column::Xmr);
    }
    columns.extend([Column::Signals, Column::Overdue, Column::Escalations]);
    let header = |c: Column| match c {
        Column::Family(i) => category_name(lang, IndicatorCategory::ALL[i]),
        Column::Xmr => tr(lang, T::Variation),
        Column::Signals => tr(lang, T::Signals),
        Column::Overdue => tr(lang, T::OverdueShort),
        Column::Escalations => tr(lang, T::OpenEscalations),
        Column::Age => tr(lang, T::Snapshot),
    };
    let spacing = vec2(12.0, 6.0);
    // Each column's width, to know how many fit: its header or its widest cell.
    let body = egui::TextStyle::Body.resolve(ui.style());
    let head_font = egui::FontId::proportional(theme::DETAIL_TEXT);
    let width_of = |ui: &egui::Ui, text: &str, font: &egui::FontId| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font.clone(), colour::INK)
            .size()
            .x
    };
    let padding = ui.spacing().button_padding.x * 2.0;
    // The units' names take at most two fifths of a card; longer ones are cut with "…".
    let unit_width = units
        .iter()
        .map(|u| {
            let font = egui::TextStyle::Button.resolve(ui.style());
            width_of(ui, &format!("⚠ {}  ›", u.title), &font) + padding
        })
        .fold(160.0, f32::max);
    let unit_width = if mode == Mode::Full {
        unit_width
    } else {
        unit_width.min((ui.available_width() * 0.4).max(160.0))
    };
    let column_width = |ui: &egui::Ui, c: Column| {
        let cells = units
            .iter()
            .map(|u| match c {
                Column::Family(_) => 44.0,
                Column::Xmr => xmr_count(u) as f32 * (ICON * 2.2 + 10.0),
                Column::Signals => width_of(ui, &format!("◆ {}", u.signals), &body),
                Column::Overdue => width_of(ui, &format!("✕ {}", u.overdue_actions), &body),
                Column::Escalations => width_of(ui, &escalations_text(lang, u), &body),
                Column::Age => width_of(ui, &age_text(lang, u), &body),
            })
            .fold(0.0, f32::max);
        cells.max(width_of(ui, header(c), &head_font)) + spacing.x
    };
    let (shown_columns, hidden_columns) = if mode == Mode::Full {
        (columns.len(), 0)
    } else {
        let mut room = ui.available_width() - unit_width - spacing.x;
        let fit = columns
            .iter()
            .take_while(|c| {
                room -= column_width(ui, **c);
                room >= 0.0
            })
            .count();
        (fit, columns.len() - fit)
    };
    let columns = &columns[..shown_columns];
    let row = theme::TOUCH + spacing.y;
    let hint = theme::DETAIL_TEXT * 1.25 + spacing.y;
    let (shown_rows, hidden_rows) = super::sections::fitting(
        mode,
        ui.available_height() - row - hint,
        units.iter().map(|_| theme::TOUCH),
    );
    let grid = |ui: &mut egui::Ui, state: &mut UiState| {
        egui::Grid::new(("units-grid", &board.id))
            .striped(true)
            .spacing(spacing)
            .min_row_height(theme::TOUCH)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(tr(lang, T::Unit))
                        .size(theme::DETAIL_TEXT)
                        .color(colour::MUTED)
                        .strong(),
                );
                for &c in columns {
                    ui.label(
                        RichText::new(header(c))
                            .size(theme::DETAIL_TEXT)
                            .color(colour::MUTED)
                            .strong(),
                    );
                }
                ui.end_row();
                for unit in &units[..shown_rows] {
                    unit_row(ui, lang, unit, unit_width, columns, state);
                    ui.end_row();
                }
            });
    };
    if mode == Mode::Full {
        egui::ScrollArea::horizontal()
            .id_salt("units")
            .show(ui, |ui| grid(ui, state));
    } else {
        grid(ui, state);
    }
    ui.horizontal(|ui| {
        super::sections::more_cue(ui, lang, hidden_rows, section, state);
        super::sections::more_cue_of(
            ui,
            lang,
            hidden_columns,
            (T::OneMoreColumn, T::MoreColumns),
            section,
            state,
        );
    });
    if ui.available_height() >= theme::DETAIL_TEXT * 1.25 {
        ui.add(
            egui::Label::new(
                RichText::new(tr(lang, T::TapUnit))
                    .size(theme::DETAIL_TEXT)
                    .color(colour::MUTED),
            )
            .truncate(),
        );
    }
}

/// A unit's row: its name (a tap opens its snapshot), then its cells.
fn unit_row(
    ui: &mut egui::Ui,
    lang: Lang,
    unit: &UnitView,
    width: f32,
    columns: &[Column],
    state: &mut UiState,
) {
    let name = if unit.stale {
        format!("⚠ {}", unit.title)
    } else {
        unit.title.clone()
    };
    let text = format!("{name}  ›");
    let button = egui::Button::new(RichText::new(&text).strong())
        .truncate()
        .min_size(vec2(160.0, theme::TOUCH));
    // Named in full, whatever the button shows.
    let tapped = theme::tapped_named(&ui.add_sized(vec2(width, theme::TOUCH), button), text, None);
    if tapped {
        state.unit_open = Some(unit.board.clone());
    }
    for &c in columns {
        match c {
            Column::Family(i) => chip(ui, unit.categories[i]),
            _ if unit.snapshot.is_none() && c != Column::Age => {
                ui.label(RichText::new("—").color(colour::MUTED));
            }
            Column::Xmr => {
                ui.horizontal(|ui| {
                    for i in unit.snapshot.iter().flat_map(|s| &s.indicators) {
                        if let Some(variation) = i.variation {
                            let high = i.stands_out_high();
                            super::xmr::draw_icons(
                                ui,
                                lang,
                                (variation, high, i.assurance),
                                ICON,
                                Some(&format!("{} · {}", unit.title, i.title)),
                            );
                        }
                    }
                });
            }
            Column::Signals => {
                let signals = RichText::new(format!("◆ {}", unit.signals));
                ui.label(if unit.signals > 0 {
                    signals.color(colour::ACCENT).strong()
                } else {
                    signals.color(colour::MUTED)
                });
            }
            Column::Overdue => {
                let overdue = RichText::new(format!("✕ {}", unit.overdue_actions));
                ui.label(if unit.overdue_actions > 0 {
                    overdue.color(colour::BAD).strong()
                } else {
                    RichText::new("0").color(colour::MUTED)
                });
            }
            Column::Escalations => {
                let text = RichText::new(escalations_text(lang, unit));
                ui.label(if unit.late_escalations > 0 {
                    text.color(colour::BAD).strong()
                } else {
                    text.color(colour::INK)
                });
            }
            Column::Age => {
                let age = RichText::new(age_text(lang, unit));
                ui.label(if unit.stale {
                    age.color(colour::BAD).strong()
                } else {
                    age.color(colour::MUTED)
                });
            }
        }
    }
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
                chip(ui, indicator.status);
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
                if let Some(target) = indicator.target {
                    ui.label(muted(format!(
                        "{} {} {} {}",
                        tr(lang, T::Target),
                        indicator.direction.target_sign(),
                        i18n::number(lang, target),
                        indicator.unit
                    )));
                } else {
                    ui.label("");
                }
                if let Some(variation) = indicator.variation {
                    let high = indicator.stands_out_high();
                    super::xmr::draw_icons(
                        ui,
                        lang,
                        (variation, high, indicator.assurance),
                        34.0,
                        None,
                    );
                } else {
                    ui.label("");
                }
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
    let (name, what) = crate::runchart::words(lang, s.kind, s.way);
    let what = if what.is_empty() {
        name.to_owned()
    } else {
        format!("{name} {what}")
    };
    format!("{what} ({})", i18n::short_date(lang, s.from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runchart::{SignalKind, SignalWay};

    #[test]
    fn a_signal_reads_as_on_the_board_and_the_snapshot_page() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default();
        let signal = |kind, way| snapshot::SignalSnapshot {
            kind,
            way,
            from: day,
            to: day,
            ongoing: true,
        };
        assert_eq!(
            signal_text(Lang::Fr, &signal(SignalKind::Shift, Some(SignalWay::Above))),
            "Déplacement au-dessus de la médiane (mar. 3 nov.)"
        );
        assert_eq!(
            signal_text(Lang::En, &signal(SignalKind::Trend, Some(SignalWay::Down))),
            "Trend going down (Tue 3 Nov)"
        );
        assert_eq!(
            signal_text(Lang::Fr, &signal(SignalKind::Astronomical, None)),
            "Point hors norme (mar. 3 nov.)"
        );
    }
}
