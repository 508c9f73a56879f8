//! The look of the kiosk: big readable type, a light theme for lit hallways, status colours
//! that always come with a shape, and touch-sized targets.

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

/// The smallest side of anything a finger must hit, in points.
pub const TOUCH: f32 = 56.0;
/// The smallest text that carries information, in points (16 pixels at 1080p).
pub const MIN_TEXT: f32 = 16.0;
/// Secondary lines: owners and dates, reasons, legends, table headers.
pub const DETAIL_TEXT: f32 = 18.0;
/// Space between sections on the grid.
pub const GAP: f32 = 14.0;

/// The screen the board is designed on, in pixels: long side, short side.
pub const REFERENCE_SCREEN: (f32, f32) = (1920.0, 1080.0);
/// The smallest scale chosen for a small screen: below it, text would fall under the legibility
/// floor (the smallest text, 16 points, stays at 12.8 pixels on a 1280×800 monitor, seen from
/// closer than a TV); narrower screens reflow the grid instead of shrinking further.
pub const MIN_AUTO_SCALE: f32 = 0.8;

/// The pixels per point for a screen of `pixels`: a screen looks like a 1080p one of the same
/// size (a 4K TV draws everything twice as large, in as many points), whichever way it hangs;
/// smaller screens shrink down to [`MIN_AUTO_SCALE`] and no further.
pub fn auto_scale(pixels: egui::Vec2) -> f32 {
    if !(pixels.x.is_finite() && pixels.y.is_finite()) || pixels.min_elem() <= 0.0 {
        return 1.0;
    }
    let (long, short) = (pixels.max_elem(), pixels.min_elem());
    let fit = (long / REFERENCE_SCREEN.0).min(short / REFERENCE_SCREEN.1);
    // In steps of 1/20, so that text lands on the same pixels from one start to the next.
    ((fit.max(MIN_AUTO_SCALE)) * 20.0).floor() / 20.0
}

/// Text style for the board title.
pub fn board_title() -> TextStyle {
    TextStyle::Name("board-title".into())
}

/// Text style for big numbers (an indicator's latest value).
pub fn big_number() -> TextStyle {
    TextStyle::Name("big-number".into())
}

/// Font family of the bold face.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Colours of the board.
pub mod colour {
    use egui::Color32;

    /// Page behind the sections: a light warm grey, like a hallway wall.
    pub const PAGE: Color32 = Color32::from_rgb(0xEC, 0xEE, 0xF1);
    /// A section's card.
    pub const CARD: Color32 = Color32::WHITE;
    /// Lines around cards.
    pub const LINE: Color32 = Color32::from_rgb(0xC5, 0xCB, 0xD3);
    /// Main text: near black (contrast 17:1 on white).
    pub const INK: Color32 = Color32::from_rgb(0x1A, 0x1D, 0x21);
    /// Secondary text: dark grey (contrast 7.5:1 on white, AA and AAA for large text).
    pub const MUTED: Color32 = Color32::from_rgb(0x4A, 0x52, 0x5C);
    /// The top bar.
    pub const BAR: Color32 = Color32::from_rgb(0x12, 0x3A, 0x5E);
    /// Text on the top bar.
    pub const ON_BAR: Color32 = Color32::WHITE;
    /// On target (with ✓).
    pub const GOOD: Color32 = Color32::from_rgb(0x1B, 0x7A, 0x3A);
    /// To watch (with !).
    pub const WATCH: Color32 = Color32::from_rgb(0xB2, 0x6B, 0x00);
    /// Off target (with ✕).
    pub const BAD: Color32 = Color32::from_rgb(0xC0, 0x1F, 0x2F);
    /// Banner for problems in board files.
    pub const BANNER: Color32 = Color32::from_rgb(0xFF, 0xE8, 0xA3);
    /// A day not recorded yet.
    pub const EMPTY_DAY: Color32 = Color32::from_rgb(0xE3, 0xE6, 0xEA);
    /// Accent for buttons.
    pub const ACCENT: Color32 = Color32::from_rgb(0x1F, 0x5F, 0x99);
    /// A special cause that is an improvement (the "Making Data Count" blue).
    pub const IMPROVEMENT: Color32 = Color32::from_rgb(0x1B, 0x6F, 0xB5);
    /// A special cause that is a concern (its orange, darkened to read on white).
    pub const CONCERN: Color32 = Color32::from_rgb(0xD9, 0x7A, 0x00);
    /// Common cause variation (its grey).
    pub const COMMON: Color32 = Color32::from_rgb(0x6E, 0x74, 0x7A);
    /// A special cause of an indicator with no good side (its purple).
    pub const NEUTRAL: Color32 = Color32::from_rgb(0x5B, 0x2A, 0x86);
}

/// Sets fonts, sizes, colours and touch behaviour on a context. Called once, before the first
/// frame, by the kiosk and by the tests alike.
pub fn setup(ctx: &egui::Context) {
    ctx.set_fonts(fonts());
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        // The same light look whatever the system's preference: a kiosk's colours are chosen
        // for its hallway, not inherited from the desktop (a dark theme comes later, as a choice).
        style.visuals = egui::Visuals::light();
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(MIN_TEXT)),
            (TextStyle::Body, FontId::proportional(22.0)),
            (TextStyle::Monospace, FontId::monospace(20.0)),
            (TextStyle::Button, FontId::proportional(24.0)),
            (TextStyle::Heading, FontId::new(28.0, bold())),
            (board_title(), FontId::new(36.0, bold())),
            (big_number(), FontId::new(64.0, bold())),
        ]
        .into();
        style.spacing.interact_size.y = TOUCH;
        style.spacing.button_padding = egui::vec2(18.0, 10.0);
        style.spacing.item_spacing = egui::vec2(12.0, 10.0);
        style.visuals.panel_fill = colour::PAGE;
        style.visuals.override_text_color = Some(colour::INK);
        style.visuals.widgets.inactive.weak_bg_fill = Color32::from_rgb(0xDD, 0xE6, 0xF0);
        style.visuals.widgets.inactive.corner_radius = 10.into();
        style.visuals.widgets.hovered.corner_radius = 10.into();
        style.visuals.widgets.active.corner_radius = 10.into();
        style.interaction.tooltip_delay = f32::INFINITY;
        // Nothing on a wall is selected as text: a label must not swallow the tap meant for
        // the card under it (an indicator's number opens its chart).
        style.interaction.selectable_labels = false;
    });
    ctx.options_mut(|o| {
        // A fingertip wobbles more than a mouse, and people press slowly: a tap that moves up
        // to a few millimetres or lasts up to two seconds is still a tap, never a long press.
        o.input_options.max_click_dist = 24.0;
        o.input_options.max_click_duration = 2.0;
        // The size comes from the screen (`auto_scale`), not from a keyboard left plugged in:
        // Ctrl+minus would shrink the board for everyone.
        o.zoom_with_keyboard = false;
    });
}

fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")).into(),
    );
    fonts.font_data.insert(
        "dejavu-bold".into(),
        FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf")).into(),
    );
    // DejaVu first: wide coverage of accents and of the status shapes ✓ ! ✕; egui's own fonts
    // stay behind it for emoji.
    let fallback = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, "dejavu".into());
    let mut bold_list = vec!["dejavu-bold".to_owned()];
    bold_list.extend(fallback);
    fonts.families.insert(bold(), bold_list);
    fonts
}

/// Whether a response was a tap: a click, or a touch held long enough to count as a long
/// press. Nothing in the kiosk needs a long press, so it is a tap like any other.
pub fn tapped(response: &egui::Response) -> bool {
    response.clicked() || response.long_touched()
}

/// Whether a response was a tap, naming it first for screen readers and tests where its look
/// says too little (an icon, a whole card, a day's cell, a short word): a button called `name`,
/// `selected` or not when it toggles.
pub fn tapped_named(
    response: &egui::Response,
    name: impl ToString,
    selected: Option<bool>,
) -> bool {
    let name = name.to_string();
    response.widget_info(|| match selected {
        Some(selected) => {
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, name.clone())
        }
        None => egui::WidgetInfo::labeled(egui::Role::Button, true, name.clone()),
    });
    tapped(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_screen_gets_the_scale_of_a_1080p_screen_of_its_size() {
        let scale = |w: f32, h: f32| auto_scale(egui::vec2(w, h));
        assert_eq!(scale(1920.0, 1080.0), 1.0);
        assert_eq!(scale(3840.0, 2160.0), 2.0);
        // Portrait is the same screen turned.
        assert_eq!(scale(1080.0, 1920.0), 1.0);
        assert_eq!(scale(2160.0, 3840.0), 2.0);
        assert!((1.3..1.34).contains(&scale(2560.0, 1440.0)));
        // Small monitors shrink to the floor, no further.
        assert_eq!(scale(1366.0, 768.0), MIN_AUTO_SCALE);
        assert_eq!(scale(1280.0, 800.0), MIN_AUTO_SCALE);
        assert_eq!(scale(800.0, 480.0), MIN_AUTO_SCALE);
        // Nonsense from a window system is drawn as is.
        assert_eq!(scale(0.0, 0.0), 1.0);
        assert_eq!(scale(f32::NAN, 1080.0), 1.0);
    }
}
