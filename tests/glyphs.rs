//! Every character the screen can show exists in the kiosk's fonts: the words and marks of the
//! code (French and English, status shapes, arrows) and of the example boards. A character
//! with no glyph is drawn as an empty box, which on a wall reads as a broken screen.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The characters outside ASCII on the lines of `text` that are not comments, with where
/// each is first found.
fn characters(path: &Path, text: &str, comment: &str, found: &mut BTreeMap<char, String>) {
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with(comment) {
            continue;
        }
        for c in line.chars().filter(|c| !c.is_ascii()) {
            found
                .entry(c)
                .or_insert_with(|| format!("{}:{}", path.display(), n + 1));
        }
    }
}

fn files(dir: &Path, ending: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ending, out);
        } else if path.extension().is_some_and(|e| e == ending) {
            out.push(path);
        }
    }
}

#[test]
fn every_character_of_the_screen_has_a_glyph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = BTreeMap::new();
    let mut sources = Vec::new();
    files(&root.join("src"), "rs", &mut sources);
    for path in &sources {
        characters(
            path,
            &std::fs::read_to_string(path).unwrap(),
            "//",
            &mut found,
        );
    }
    let mut boards = Vec::new();
    files(&root.join("boards"), "toml", &mut boards);
    for path in &boards {
        characters(
            path,
            &std::fs::read_to_string(path).unwrap(),
            "#",
            &mut found,
        );
    }
    assert!(
        found.contains_key(&'é') && found.contains_key(&'✓'),
        "the scan reads the code"
    );

    let ctx = egui::Context::default();
    huddle::ui::theme::setup(&ctx);
    // Fonts are loaded with the first frame.
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let families = [egui::FontFamily::Proportional, huddle::ui::theme::bold()];
    let missing: Vec<String> = found
        .iter()
        .filter(|(c, _)| {
            families.iter().any(|family| {
                !ctx.fonts_mut(|f| f.has_glyph(&egui::FontId::new(20.0, family.clone()), **c))
            })
        })
        .map(|(c, at)| format!("{c:?} (U+{:04X}) at {at}", u32::from(*c)))
        .collect();
    assert!(missing.is_empty(), "no glyph for:\n{}", missing.join("\n"));
}

#[test]
fn a_character_no_font_has_is_found_missing() {
    // The check itself: a character outside every bundled font is reported.
    let ctx = egui::Context::default();
    huddle::ui::theme::setup(&ctx);
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let font = egui::FontId::proportional(20.0);
    assert!(ctx.fonts_mut(|f| f.has_glyph(&font, 'é')));
    assert!(!ctx.fonts_mut(|f| f.has_glyph(&font, '\u{1FAE0}')));
}
