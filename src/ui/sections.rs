//! The body of each kind of section. Until entries exist, each shows what it is for and an
//! empty state that says so in plain words.

use chrono::{Datelike as _, NaiveDate};
use egui::{Color32, RichText, Sense, StrokeKind, vec2};

use super::theme::{self, colour};
use super::{Screen, UiCommand};
use crate::i18n::{self, T, tr};
use crate::model::{Board, Direction, Frequency, IndicatorSpec, Lang, Section, SectionKind};

pub(super) fn show(
    ui: &mut egui::Ui,
    board: &Board,
    section: &Section,
    screen: &Screen<'_>,
    commands: &mut Vec<UiCommand>,
) {
    let lang = board.lang;
    match &section.kind {
        SectionKind::Indicator(spec) => indicator(ui, lang, spec),
        SectionKind::Actions { .. } => empty(ui, tr(lang, T::NoActionYet)),
        SectionKind::Ideas { columns, .. } => {
            columns_row(
                ui,
                columns.iter().map(|c| match c.limit {
                    Some(limit) => format!("{} ({} {limit})", c.name, tr(lang, T::Limit)),
                    None => c.name.clone(),
                }),
            );
            empty(ui, tr(lang, T::NoIdeaYet));
        }
        SectionKind::Escalations { .. } => {
            empty(ui, tr(lang, T::NoEscalationYet));
            let target = board
                .parent
                .as_deref()
                .map(|p| screen.live.board(p).map_or(p, |b| b.title.as_str()));
            let text = match target {
                Some(parent) => format!("{} : {parent}", tr(lang, T::EscalationsGoTo)),
                None => tr(lang, T::TopOfChain).to_owned(),
            };
            ui.label(RichText::new(text).color(colour::MUTED));
        }
        SectionKind::Mood => {
            ui.horizontal_wrapped(|ui| {
                for level in (0..5).rev() {
                    face(ui, level, 44.0);
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
    let chip =
        RichText::new(format!(" {text} ")).background_color(Color32::from_rgb(0xE6, 0xEA, 0xEF));
    ui.add(egui::Label::new(chip).wrap_mode(egui::TextWrapMode::Extend));
}

/// Headers of side-by-side columns (idea columns, trajectory stages).
fn columns_row(ui: &mut egui::Ui, names: impl Iterator<Item = String>) {
    let names: Vec<String> = names.collect();
    ui.columns(names.len().max(1), |cols| {
        for (col, name) in cols.iter_mut().zip(&names) {
            let (rect, _) =
                col.allocate_exact_size(vec2(col.available_width(), 4.0), Sense::hover());
            col.painter().rect_filled(rect, 2.0, colour::LINE);
            col.label(RichText::new(name).strong());
        }
    });
    ui.add_space(6.0);
}

fn indicator(ui: &mut egui::Ui, lang: Lang, spec: &IndicatorSpec) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new("—")
                .text_style(theme::big_number())
                .color(colour::MUTED),
        );
        empty(ui, tr(lang, T::NoValueYet));
    });
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
    let Some(first) = today.with_day(1) else {
        return;
    };
    let offset = first.weekday().num_days_from_monday();
    let days = i18n::days_in_month(today);
    let weeks = (offset + days).div_ceil(7);
    let gap = 4.0;
    let header = 20.0;
    let legend = 40.0;
    let avail = ui.available_size();
    let by_width = (avail.x - 6.0 * gap) / 7.0;
    let by_height = (avail.y - header - legend - weeks as f32 * gap) / weeks as f32;
    let cell = by_width.min(by_height).clamp(12.0, 64.0);
    let size = vec2(7.0 * cell + 6.0 * gap, header + weeks as f32 * (cell + gap));
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let letters = i18n::weekday_letters(lang);
    let small = egui::FontId::proportional(15.0);
    for (i, letter) in letters.iter().enumerate() {
        let x = rect.left() + i as f32 * (cell + gap) + cell / 2.0;
        painter.text(
            egui::pos2(x, rect.top() + header / 2.0),
            egui::Align2::CENTER_CENTER,
            *letter,
            small.clone(),
            colour::MUTED,
        );
    }
    let font = egui::FontId::proportional((cell * 0.45).clamp(10.0, 22.0));
    for day in 1..=days {
        let index = offset + day - 1;
        let (row, col) = (index / 7, index % 7);
        let min = egui::pos2(
            rect.left() + col as f32 * (cell + gap),
            rect.top() + header + row as f32 * (cell + gap),
        );
        let r = egui::Rect::from_min_size(min, vec2(cell, cell));
        let future = day > today.day();
        let fill = if future {
            Color32::WHITE
        } else {
            colour::EMPTY_DAY
        };
        let stroke = if day == today.day() {
            egui::Stroke::new(3.0, colour::INK)
        } else {
            egui::Stroke::new(1.0, colour::LINE)
        };
        painter.rect(r, 4.0, fill, stroke, StrokeKind::Inside);
        painter.text(
            r.center(),
            egui::Align2::CENTER_CENTER,
            day.to_string(),
            font.clone(),
            colour::MUTED,
        );
    }
    ui.horizontal(|ui| {
        ui.spacing_mut().interact_size.y = 16.0;
        let (swatch, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
        ui.painter().rect(
            swatch,
            3.0,
            colour::EMPTY_DAY,
            egui::Stroke::new(1.0, colour::LINE),
            StrokeKind::Inside,
        );
        ui.label(
            RichText::new(tr(lang, T::DayNotRecorded))
                .size(15.0)
                .color(colour::MUTED),
        );
    });
}

/// The boards below this one: a button each, that opens the board.
fn units(
    ui: &mut egui::Ui,
    board: &Board,
    listed: &[String],
    screen: &Screen<'_>,
    commands: &mut Vec<UiCommand>,
) {
    let lang = board.lang;
    let below: Vec<&Board> = if listed.is_empty() {
        screen
            .live
            .boards()
            .into_iter()
            .filter(|b| b.parent.as_deref() == Some(board.id.as_str()))
            .collect()
    } else {
        listed
            .iter()
            .filter_map(|id| screen.live.board(id))
            .collect()
    };
    if below.is_empty() {
        empty(ui, tr(lang, T::NoUnits));
        return;
    }
    ui.label(
        RichText::new(format!("{} {}", below.len(), tr(lang, T::Reports))).color(colour::MUTED),
    );
    for unit in below {
        let text = format!("{}   ›", unit.title);
        let button = egui::Button::new(RichText::new(text).text_style(egui::TextStyle::Button))
            .min_size(vec2(ui.available_width(), theme::TOUCH));
        if theme::tapped(&ui.add(button)) {
            commands.push(UiCommand::ShowBoard(unit.id.clone()));
        }
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
