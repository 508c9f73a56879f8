//! The body of each kind of section. Until entries exist, each shows what it is for and an
//! empty state that says so in plain words.

use chrono::{Datelike as _, NaiveDate};
use egui::{Color32, RichText, Sense, StrokeKind, vec2};

use super::theme::{self, colour};
use super::{Screen, UiCommand};
use crate::i18n::{self, T, tr};
use crate::model::{Board, Direction, Frequency, IndicatorSpec, Lang, Section, SectionKind};

pub(super) fn show(ui: &mut egui::Ui, board: &Board, section: &Section, screen: &Screen<'_>, commands: &mut Vec<UiCommand>) {
    let lang = board.lang;
    match &section.kind {
        SectionKind::Indicator(spec) => indicator(ui, lang, spec),
        SectionKind::Actions { .. } => empty(ui, tr(lang, T::NoActionYet)),
        SectionKind::Ideas { columns, .. } => {
            columns_row(ui, columns.iter().map(|c| match c.limit {
                Some(limit) => format!("{} ({} {limit})", c.name, tr(lang, T::Limit)),
                None => c.name.clone(),
            }));
            empty(ui, tr(lang, T::NoIdeaYet));
        }
        SectionKind::Escalations { .. } => {
            empty(ui, tr(lang, T::NoEscalationYet));
            let target = board.parent.as_deref().map(|p| screen.live.board(p).map_or(p, |b| b.title.as_str()));
            let text = match target {
                Some(parent) => format!("{} : {parent}", tr(lang, T::EscalationsGoTo)),
                None => tr(lang, T::TopOfChain).to_owned(),
            };
            ui.label(RichText::new(text).color(colour::MUTED));
        }
        SectionKind::Mood => {
            ui.horizontal_wrapped(|ui| {
                for face in ["😀", "🙂", "😐", "🙁", "😞"] {
                    ui.label(RichText::new(face).size(40.0).color(colour::MUTED));
                }
            });
            empty(ui, tr(lang, T::NoVoteYet));
        }
        SectionKind::Attendance => {
            ui.horizontal_wrapped(|ui| {
                for member in &board.members {
                    chip(ui, member);
                }
            });
            empty(ui, tr(lang, T::AttendanceNotTaken));
        }
        SectionKind::Trajectory { stages, .. } => {
            columns_row(ui, stages.iter().cloned());
            empty(ui, tr(lang, T::NoClientYet));
        }
        SectionKind::Notes => empty(ui, tr(lang, T::NoNoteYet)),
        SectionKind::Safety => safety_month(ui, lang, screen.now.date()),
        SectionKind::Units { boards } => units(ui, board, boards, screen, commands),
    }
}

fn empty(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).color(colour::MUTED).italics());
}

fn chip(ui: &mut egui::Ui, text: &str) {
    egui::Frame::new()
        .fill(Color32::from_rgb(0xF1, 0xF3, 0xF5))
        .stroke(egui::Stroke::new(1.0, colour::LINE))
        .corner_radius(18)
        .inner_margin(egui::Margin::symmetric(12, 6))
        .show(ui, |ui| {
            ui.label(text);
        });
}

/// Headers of side-by-side columns (idea columns, trajectory stages).
fn columns_row(ui: &mut egui::Ui, names: impl Iterator<Item = String>) {
    let names: Vec<String> = names.collect();
    ui.columns(names.len().max(1), |cols| {
        for (col, name) in cols.iter_mut().zip(&names) {
            let (rect, _) = col.allocate_exact_size(vec2(col.available_width(), 4.0), Sense::hover());
            col.painter().rect_filled(rect, 2.0, colour::LINE);
            col.label(RichText::new(name).strong());
        }
    });
    ui.add_space(6.0);
}

fn indicator(ui: &mut egui::Ui, lang: Lang, spec: &IndicatorSpec) {
    ui.label(RichText::new("—").text_style(theme::big_number()).color(colour::MUTED));
    empty(ui, tr(lang, T::NoValueYet));
    let sign = match spec.direction {
        Direction::Lower => "≤",
        Direction::Higher => "≥",
    };
    let target = format!("{} {sign} {} {}", tr(lang, T::Target), i18n::number(lang, spec.target), spec.unit);
    ui.label(RichText::new(target.trim_end()).strong());
    let better = match spec.direction {
        Direction::Lower => tr(lang, T::LowerIsBetter),
        Direction::Higher => tr(lang, T::HigherIsBetter),
    };
    let frequency = match spec.frequency {
        Frequency::Daily => tr(lang, T::Daily),
        Frequency::Weekly => tr(lang, T::Weekly),
        Frequency::Monthly => tr(lang, T::Monthly),
    };
    ui.label(RichText::new(format!("{better} · {frequency}")).color(colour::MUTED));
}

/// The safety cross as a month calendar: a cell a day, Monday first, today outlined.
fn safety_month(ui: &mut egui::Ui, lang: Lang, today: NaiveDate) {
    ui.label(RichText::new(i18n::month_year(lang, today)).color(colour::MUTED));
    let Some(first) = today.with_day(1) else { return };
    let offset = first.weekday().num_days_from_monday();
    let days = i18n::days_in_month(today);
    let weeks = (offset + days).div_ceil(7);
    let legend_h = 30.0;
    let avail = ui.available_size() - vec2(0.0, legend_h);
    let cell = ((avail.x - 6.0 * 4.0) / 7.0).min((avail.y - 24.0 - weeks as f32 * 4.0) / weeks as f32).clamp(14.0, 64.0);
    let letters = i18n::weekday_letters(lang);
    let (rect, _) = ui.allocate_exact_size(vec2(7.0 * cell + 24.0, 22.0 + weeks as f32 * (cell + 4.0)), Sense::hover());
    let painter = ui.painter_at(rect);
    let font = egui::FontId::proportional((cell * 0.42).clamp(11.0, 22.0));
    for (i, letter) in letters.iter().enumerate() {
        let x = rect.left() + i as f32 * (cell + 4.0) + cell / 2.0;
        painter.text(egui::pos2(x, rect.top() + 9.0), egui::Align2::CENTER_CENTER, *letter, egui::FontId::proportional(16.0), colour::MUTED);
    }
    for day in 1..=days {
        let index = offset + day - 1;
        let (row, col) = (index / 7, index % 7);
        let min = egui::pos2(rect.left() + col as f32 * (cell + 4.0), rect.top() + 22.0 + row as f32 * (cell + 4.0));
        let r = egui::Rect::from_min_size(min, vec2(cell, cell));
        let future = day > today.day();
        let fill = if future { Color32::WHITE } else { colour::EMPTY_DAY };
        let stroke = if day == today.day() {
            egui::Stroke::new(3.0, colour::INK)
        } else {
            egui::Stroke::new(1.0, colour::LINE)
        };
        painter.rect(r, 4.0, fill, stroke, StrokeKind::Inside);
        painter.text(r.center(), egui::Align2::CENTER_CENTER, day.to_string(), font.clone(), colour::MUTED);
    }
    ui.horizontal(|ui| {
        let (r, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
        ui.painter().rect(r, 3.0, colour::EMPTY_DAY, egui::Stroke::new(1.0, colour::LINE), StrokeKind::Inside);
        ui.label(RichText::new(tr(lang, T::DayNotRecorded)).size(16.0).color(colour::MUTED));
    });
}

/// The boards below this one: a button each, that opens the board.
fn units(ui: &mut egui::Ui, board: &Board, listed: &[String], screen: &Screen<'_>, commands: &mut Vec<UiCommand>) {
    let lang = board.lang;
    let below: Vec<&Board> = if listed.is_empty() {
        screen.live.boards().into_iter().filter(|b| b.parent.as_deref() == Some(board.id.as_str())).collect()
    } else {
        listed.iter().filter_map(|id| screen.live.board(id)).collect()
    };
    if below.is_empty() {
        empty(ui, tr(lang, T::NoUnits));
        return;
    }
    ui.label(RichText::new(format!("{} {}", below.len(), tr(lang, T::Reports))).color(colour::MUTED));
    for unit in below {
        let text = format!("{}   ›", unit.title);
        let button = egui::Button::new(RichText::new(text).text_style(egui::TextStyle::Button))
            .min_size(vec2(ui.available_width(), theme::TOUCH));
        if theme::tapped(&ui.add(button)) {
            commands.push(UiCommand::ShowBoard(unit.id.clone()));
        }
    }
}
