//! The team's mood: its faces.

use super::*;

/// A face of the mood scale, drawn rather than taken from a font: 4 is the happiest, 0 the
/// saddest. Colour and the mouth's curve both carry the level.
pub(in crate::ui) fn face(ui: &mut egui::Ui, level: u8, size: f32) -> egui::Response {
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

/// Today's five faces (a tap votes, anonymously) and the weekly trend.
pub(super) fn body(ui: &mut egui::Ui, cx: Cx<'_, '_>, mood: &view::MoodView) {
    let Cx {
        section,
        commands,
        mode,
        lang,
        today,
        ..
    } = cx;

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
                ui.label(RichText::new(mood.today[usize::from(level)].to_string()).strong());
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
