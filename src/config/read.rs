//! Reading a config file's text: each setting checked where it is written, with what to
//! write instead.

use super::*;
use crate::i18n::T;

/// Reads the text of a config file.
pub fn parse(path: &Path, text: &str) -> (FileConfig, Vec<Problem>) {
    let mut diags = Diags::default();
    let index = LineIndex::new(text);
    let mut config = FileConfig::default();
    match toml_span::parse(text) {
        Ok(root) => read(path, &index, root, &mut config, &mut diags),
        Err(err) => diags.error(
            crate::layout::parse::syntax_offset(&err, text),
            crate::layout::parse::syntax_message(&err, text),
        ),
    }
    let mut list = diags.list;
    list.sort_by_key(|d| d.offset);
    let problems = list.into_iter().map(|d| index.problem(path, d)).collect();
    (config, problems)
}

pub(super) const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn read(
    path: &Path,
    index: &LineIndex<'_>,
    root: toml_span::Value<'_>,
    config: &mut FileConfig,
    diags: &mut Diags,
) {
    let Some(mut top) = TableReader::new(
        root,
        Context::new("the config file", "le fichier de configuration"),
        diags,
    ) else {
        return;
    };
    let from = |offset: usize| Source::File {
        path: path.to_owned(),
        line: index.position(offset).0,
    };
    // Folders written relative to the file are relative to the file's folder.
    let base = path.parent().unwrap_or(Path::new("."));
    let folder = |top: &mut TableReader<'_>, key: &'static str, diags: &mut Diags| {
        top.text(key, None, diags).map(|t| Setting {
            value: base.join(&t.value),
            source: from(t.offset),
        })
    };
    config.boards = folder(&mut top, "boards", diags);
    config.data_dir = folder(&mut top, "data_dir", diags);
    config.shared = folder(&mut top, "shared", diags);
    config.feeds = folder(&mut top, "feeds", diags);
    config.watch = top
        .choice("watch", &["auto", "native", "poll"], false, diags)
        .map(|c| Setting {
            value: match c.value {
                "native" => WatchMode::Native,
                "poll" => WatchMode::Poll,
                _ => WatchMode::Auto,
            },
            source: from(c.offset),
        });
    config.device_name = top
        .text("device_name", None, diags)
        .map(|t| Setting {
            value: t.value.trim().to_owned(),
            source: from(t.offset),
        })
        .filter(|s| !s.value.is_empty());
    if top.has("boards_shown") {
        let offset = diags.list.len();
        let list = top.text_list("boards_shown", diags);
        if let Some(list) = list
            && diags.list.len() == offset
        {
            let first = list.first().map_or(0, |b| b.offset);
            config.boards_shown = Some(Setting {
                value: list.into_iter().map(|b| b.value).collect(),
                source: from(first),
            });
        }
    }
    config.language = top
        .choice("language", &["fr", "en"], false, diags)
        .map(|c| Setting {
            value: if c.value == "en" { Lang::En } else { Lang::Fr },
            source: from(c.offset),
        });
    if let Some(value) = top.take("display")
        && let Some(mut display) =
            TableReader::new(value, Context::new("[display]", "[display]"), diags)
    {
        let offset = display.offset;
        let time = |display: &mut TableReader<'_>, key: &'static str, diags: &mut Diags| {
            let t = display.text(key, Some("\"07:00\""), diags)?;
            let parsed = crate::layout::parse_time(&t.value);
            if parsed.is_none() {
                diags.error(
                    t.offset,
                    Msg::text(T::NotATime, &[("key", &key), ("value", &t.value)]),
                );
            }
            parsed
        };
        config.scale = read_scale(&mut display, diags).map(|(value, offset)| Setting {
            value,
            source: from(offset),
        });
        config.rotate_seconds = display
            .whole("rotate_seconds", ROTATE_RANGE, None, diags)
            .map(|n| Setting {
                value: n.value,
                source: from(n.offset),
            });
        // A [display] table may set the scale alone; a schedule needs both hours.
        let schedule = display.has("on") || display.has("off") || display.has("mode");
        let (on, off) = if schedule {
            (
                time(&mut display, "on", diags),
                time(&mut display, "off", diags),
            )
        } else {
            (None, None)
        };
        let mode = display
            .choice("mode", &["dim", "black"], false, diags)
            .map_or("dim", |c| c.value);
        let mut days: Vec<u8> = Vec::new();
        if display.has("days") {
            for day in display.text_list("days", diags).unwrap_or_default() {
                match DAYS
                    .iter()
                    .position(|d| *d == day.value.trim().to_lowercase())
                {
                    Some(i) => days.push(i as u8),
                    None => {
                        diags.error(day.offset, Msg::text(T::NotADay, &[("value", &day.value)]))
                    }
                }
            }
        } else {
            days = vec![0, 1, 2, 3, 4];
        }
        display.finish(&|_| None, diags);
        if let (Some(on), Some(off)) = (on, off) {
            config.display = Some(Setting {
                value: DisplaySchedule {
                    on,
                    off,
                    days,
                    mode: mode.to_owned(),
                },
                source: from(offset),
            });
        }
    }
    if let Some(value) = top.take("facilitator")
        && let Some(mut facilitator) =
            TableReader::new(value, Context::new("[facilitator]", "[facilitator]"), diags)
    {
        if let Some(hash) = facilitator.text("pin_hash", None, diags) {
            if hash.value.starts_with("$argon2") {
                config.pin_hash = Some(Setting {
                    source: from(hash.offset),
                    value: hash.value,
                });
            } else {
                diags.error(hash.offset, Msg::text(T::PinHashInConfig, &[]));
            }
        }
        facilitator.finish(&|_| None, diags);
    }
    top.finish(&|_| None, diags);
}

/// `[display] scale`: "auto", or a number of pixels per point within [`SCALE_RANGE`]; with the
/// offset of its value.
fn read_scale(display: &mut TableReader<'_>, diags: &mut Diags) -> Option<(Scale, usize)> {
    if !display.has("scale") {
        return None;
    }
    let (lo, hi) = SCALE_RANGE;
    let hint_en =
        format!("write scale = \"auto\" or a number from {lo} to {hi}, such as scale = 1.5");
    let hint_fr =
        format!("écrivez scale = \"auto\" ou un nombre de {lo} à {hi}, comme scale = 1.5");
    let mut value = display.take("scale")?;
    let offset = value.span.start;
    let parsed = match value.take() {
        toml_span::value::ValueInner::String(s) if s.trim() == "auto" => Some(Scale::Auto),
        toml_span::value::ValueInner::Integer(i) => Some(Scale::Fixed(i as f32)),
        toml_span::value::ValueInner::Float(f) => Some(Scale::Fixed(f as f32)),
        _ => None,
    };
    match parsed {
        Some(Scale::Fixed(n)) if !(lo..=hi).contains(&n) => {
            diags.error(
                offset,
                Msg::text_both(
                    T::ScaleOutOfRange,
                    &[("n", &n)],
                    &[("hint", &*hint_fr, &*hint_en)],
                ),
            );
            None
        }
        Some(scale) => Some((scale, offset)),
        None => {
            diags.error(
                offset,
                Msg::text_both(T::ScaleNotANumber, &[], &[("hint", &*hint_fr, &*hint_en)]),
            );
            None
        }
    }
}
