//! Long lists drawn only where they can be seen: the cost of a frame follows what the screen
//! shows, not how many cards a section holds.

use egui::epaint::util::hash;
use egui::{Rect, Vec2};

/// Each row's key and size as last drawn, in order.
#[derive(Clone, Default)]
struct Sizes(Vec<(u64, Vec2)>);

/// Draws `rows` one under the other, each with `draw`, but only those that can be seen: a row
/// outside the clip rect (scrolled away, or past the bottom of its card) whose key is the one it
/// had when last drawn takes the space it took then, without its widgets. `key` is a hash of
/// what the row shows (`epaint::util::hash`, quicker than the standard library's), so that a row
/// whose words or state changed is drawn and measured again. `id` names the list.
pub(super) fn lazy_rows<T>(
    ui: &mut egui::Ui,
    id: egui::Id,
    rows: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> u64,
    mut draw: impl FnMut(&mut egui::Ui, T),
) {
    let width = ui.available_width();
    let known = ui.data_mut(|d| std::mem::take(d.get_temp_mut_or_default::<Sizes>(id)));
    let mut sizes = Vec::with_capacity(known.0.len());
    for (i, row) in rows.into_iter().enumerate() {
        let key = hash((width.to_bits(), key(&row)));
        let known = known.0.get(i).filter(|(k, _)| *k == key).map(|(_, s)| *s);
        let size = match known {
            Some(size) if !ui.is_rect_visible(Rect::from_min_size(ui.cursor().min, size)) => {
                // `scope` and `allocate_space` take the same auto ids: the widgets of the rows
                // drawn keep theirs whether the rows before them were drawn or not.
                ui.allocate_space(size);
                size
            }
            _ => ui.scope(|ui| draw(ui, row)).response.rect.size(),
        };
        sizes.push((key, size));
    }
    ui.data_mut(|d| d.insert_temp(id, Sizes(sizes)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lays out `n` rows of 30 points in a 300-point-high window; returns how many were drawn
    /// and how high the list stood.
    fn frame(ctx: &egui::Context, n: usize, text: &str) -> (usize, f32) {
        let mut drawn = 0;
        let mut height = 0.0;
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(400.0, 300.0),
            )),
            ..Default::default()
        };
        let mut out = ctx.run_ui(input, |ui| {
            let top = ui.cursor().top();
            let rows = (0..n).map(|i| (i, text));
            let key = |row: &(usize, &str)| hash(row);
            lazy_rows(ui, egui::Id::unique("list"), rows, key, |ui, _| {
                drawn += 1;
                ui.allocate_space(egui::vec2(100.0, 30.0));
            });
            height = ui.cursor().top() - top;
        });
        // No renderer here takes the font atlas.
        out.textures_delta.clear();
        (drawn, height)
    }

    #[test]
    fn rows_out_of_sight_keep_their_place_without_being_drawn() {
        let ctx = egui::Context::default();
        let (drawn, height) = frame(&ctx, 100, "a");
        assert_eq!(drawn, 100, "the first frame measures every row");
        let (drawn_again, height_again) = frame(&ctx, 100, "a");
        assert!(drawn_again < 12, "{drawn_again} rows drawn");
        assert_eq!(height_again, height, "the rows not drawn keep their space");
        // Rows whose words changed are measured again; more rows cost no more once measured.
        assert_eq!(frame(&ctx, 100, "b").0, 100);
        frame(&ctx, 1000, "b");
        assert_eq!(frame(&ctx, 1000, "b").0, drawn_again);
    }
}
