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
