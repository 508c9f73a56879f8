//! Who is here: the members as chips to tick.

use super::*;

/// A member's name to tick: ✓ and selected when here; `size` at least.
pub(in crate::ui) fn member_toggle(
    member: &str,
    here: bool,
    size: egui::Vec2,
) -> egui::Button<'static> {
    let text = if here {
        format!("✓ {member}")
    } else {
        member.to_owned()
    };
    egui::Button::new(text).selected(here).min_size(size)
}

/// The members as chips to tick when they are here.
pub(super) fn body(
    ui: &mut egui::Ui,
    cx: Cx<'_, '_>,
    present: &std::collections::BTreeSet<String>,
) {
    let Cx {
        board,
        section,
        state,
        commands,
        mode,
        lang,
        today,
        ..
    } = cx;

    ui.spacing_mut().item_spacing = vec2(8.0, 6.0);
    // Where each name's chip would go, to know how many fit before drawing them.
    let font = egui::TextStyle::Button.resolve(ui.style());
    let padding = ui.spacing().button_padding.x * 2.0;
    let widths: Vec<f32> = board
        .members
        .iter()
        .map(|m| {
            let text = if present.contains(m) {
                format!("✓ {m}")
            } else {
                m.clone()
            };
            let width = ui
                .painter()
                .layout_no_wrap(text, font.clone(), colour::INK)
                .size()
                .x;
            (width + padding).max(48.0).min(ui.available_width())
        })
        .collect();
    let row = theme::TOUCH + 6.0;
    let lines = |room: f32| ((room + 6.0) / row).floor().max(0.0) as usize;
    let chips_in = |lines: usize| {
        if lines == 0 {
            return 0;
        }
        let (mut line, mut x) = (1, 0.0);
        for (i, w) in widths.iter().enumerate() {
            if x > 0.0 && x + w > ui.available_width() {
                line += 1;
                x = 0.0;
            }
            if line > lines {
                return i;
            }
            x += w + 8.0;
        }
        widths.len()
    };
    let room = ui.available_height();
    let shown = match mode {
        Mode::Full => widths.len(),
        _ if chips_in(lines(room)) == widths.len() => widths.len(),
        _ => chips_in(lines(room - CUE_ROOM)),
    };
    ui.horizontal_wrapped(|ui| {
        for member in &board.members[..shown] {
            let here = present.contains(member);
            let button = member_toggle(member, here, vec2(48.0, 48.0));
            if theme::tapped(&ui.add(button)) {
                commands.push(UiCommand::Edit {
                    section: section.id.clone(),
                    edit: Edit::SetPresent {
                        date: today,
                        member: member.clone(),
                        present: !here,
                    },
                });
            }
        }
    });
    more_cue(ui, lang, board.members.len() - shown, section, state);
    if present.is_empty() && ui.available_height() >= 30.0 {
        empty(ui, tr(lang, T::AttendanceNotTaken));
    }
}
