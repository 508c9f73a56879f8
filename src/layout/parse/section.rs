//! Reading one `[[section]]` table: its kind, the kind's settings (an indicator, idea columns),
//! and its place in the grid.

use super::*;
use crate::i18n::T;
use crate::model::{ChangeMark, ChartKind};

pub(super) fn read_section(
    value: toml_span::Value<'_>,
    lang: Lang,
    diags: &mut Diags,
    units: &mut Vec<At<String>>,
) -> Option<Section> {
    let mut s = Keyed::new(
        value,
        Context::new("a [[section]]", "une [[section]]"),
        format::SECTION.keys,
        diags,
    )?;
    let id = s.text("id", diags);
    if let Some(id) = &id {
        s.set_context(Context::new(
            format!("section `{}`", id.value),
            format!("la section `{}`", id.value),
        ));
        check_id(id, ("section", "e section"), diags);
    }
    let kind_name = s.choice("kind", diags);
    let title = s.text("title", diags);
    if let Some(t) = &title
        && t.value.trim().is_empty()
    {
        diags.error(t.offset, Msg::text(T::TheTitleIsEmptyWriteWhat, &[]));
    }
    let place = read_place(&mut s, diags);
    let portrait = s.take("portrait").and_then(|value| {
        let mut p = Keyed::new(
            value,
            Context::new("the section's portrait", "le portrait de la section"),
            format::PLACE,
            diags,
        )?;
        let place = read_place(&mut p, diags);
        p.finish(&|_| None, diags);
        place
    });

    let kind = match kind_name.as_ref().and_then(|k| format::kind(k.value)) {
        Some(kind) => {
            s.with(kind.keys);
            read_kind(kind.name, &mut s, lang, diags, units)
        }
        None => {
            // Unknown kind: its settings are not reported as unknown keys on top of it.
            for kind in format::KINDS {
                s.skip(kind.keys);
            }
            None
        }
    };
    let this_kind = kind_name.as_ref().map(|k| k.value);
    let context = s.context().clone();
    s.finish(
        &|key| {
            let owner = format::KINDS
                .iter()
                .filter(|k| Some(k.name) != this_kind && k.keys.iter().any(|o| o.name == key))
                .map(|k| format!("\"{}\"", k.name))
                .collect::<Vec<_>>();
            (!owner.is_empty()).then(|| {
                Msg::text_both(
                    T::KeyOfAnotherKind,
                    &[("key", &key), ("kind", &this_kind.unwrap_or("?"))],
                    &[
                        ("context", &context.fr, &context.en),
                        ("owners", &owner.join(" ou "), &owner.join(" or ")),
                    ],
                )
            })
        },
        diags,
    );
    let place = place?;
    Some(Section {
        id: id?.value,
        title: title?.value,
        column: place.column,
        row: place.row,
        width: place.width,
        height: place.height,
        portrait,
        kind: kind?,
    })
}

pub(super) fn read_kind(
    kind: &str,
    s: &mut Keyed<'_>,
    lang: Lang,
    diags: &mut Diags,
    units: &mut Vec<At<String>>,
) -> Option<SectionKind> {
    let stale =
        |s: &mut Keyed<'_>, diags: &mut Diags| s.whole_or_default("stale_after_days", diags);
    Some(match kind {
        "indicator" => SectionKind::Indicator(read_indicator(s, diags)?),
        "actions" => SectionKind::Actions {
            stale_after_days: stale(s, diags)?,
        },
        "ideas" => {
            let columns = read_idea_columns(s, lang, diags)?;
            SectionKind::Ideas {
                columns,
                stale_after_days: stale(s, diags)?,
            }
        }
        "escalations" => SectionKind::Escalations {
            answer_within_days: s.whole_or_default("answer_within_days", diags)?,
        },
        "mood" => SectionKind::Mood,
        "attendance" => SectionKind::Attendance,
        "trajectory" => {
            let stages = match s.text_list("stages", diags) {
                Some(stages) => stages,
                None => {
                    if !s.has("stages") {
                        diags.error(
                            s.offset(),
                            Msg::text_both(
                                T::NoStages,
                                &[],
                                &[("context", &s.context().fr, &s.context().en)],
                            ),
                        );
                    }
                    return None;
                }
            };
            let mut names: Vec<String> = Vec::new();
            for stage in stages {
                let name = stage.value.trim().to_owned();
                if name.is_empty() {
                    diags.error(stage.offset, Msg::text(T::AStageHasNoNameWrite, &[]));
                } else if names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                    diags.error(
                        stage.offset,
                        Msg::text(T::StageNameIsListedTwice, &[("name", &name)]),
                    );
                } else {
                    names.push(name);
                }
            }
            if names.is_empty() {
                diags.error(
                    s.offset(),
                    Msg::text_both(
                        T::NeedsAStage,
                        &[],
                        &[("context", &s.context().fr, &s.context().en)],
                    ),
                );
                return None;
            }
            SectionKind::Trajectory {
                stages: names,
                wait_warning_days: s.whole("wait_warning_days", diags).map(|d| d.value),
                other_teams: s.flag_or_default("other_teams", diags)?,
                private: s.flag_or_default("private", diags)?,
            }
        }
        "notes" => SectionKind::Notes,
        "safety" => SectionKind::Safety,
        "units" => {
            let boards = s.text_list("boards", diags).unwrap_or_default();
            let ids = boards.iter().map(|b| b.value.clone()).collect();
            units.extend(boards);
            SectionKind::Units { boards: ids }
        }
        _ => return None,
    })
}

pub(super) fn read_indicator(s: &mut Keyed<'_>, diags: &mut Diags) -> Option<IndicatorSpec> {
    let unit = s.text("unit", diags).map(|u| u.value).unwrap_or_default();
    let direction = s.choice("direction", diags);
    let neutral = direction.as_ref().is_some_and(|d| d.value == "neutral");
    let target = s.number("target", diags);
    let warning = s.number("warning", diags);
    let chart = s.choice("chart", diags).map_or(ChartKind::Run, |c| {
        if c.value == "xmr" {
            ChartKind::Xmr
        } else {
            ChartKind::Run
        }
    });
    let baseline = s.whole("baseline", diags).map(|b| b.value);
    let changes = read_changes(s, diags);
    let frequency = s
        .choice("frequency", diags)
        .map_or(Frequency::Daily, |f| match f.value {
            "weekly" => Frequency::Weekly,
            "monthly" => Frequency::Monthly,
            _ => Frequency::Daily,
        });
    let category = s
        .choice("category", diags)
        .and_then(|c| IndicatorCategory::from_code(c.value));
    let direction = match direction?.value {
        "higher" => Direction::Higher,
        "neutral" => Direction::Neutral,
        _ => Direction::Lower,
    };
    let target = match target {
        Some(t) => Some(t),
        None if neutral => None,
        None => return None,
    };
    if let (Some(w), Some(target)) = (&warning, &target) {
        let (wrong, side, side_fr) = match direction {
            Direction::Lower => (w.value <= target.value, "above", "au-dessus de"),
            Direction::Higher => (w.value >= target.value, "below", "sous"),
            Direction::Neutral => (false, "", ""),
        };
        if wrong {
            let (better, better_fr) = if direction == Direction::Lower {
                ("lower", "bas")
            } else {
                ("higher", "haut")
            };
            let (w, t) = (fmt_num(w.value), fmt_num(target.value));
            diags.error(
                warning.as_ref().map_or(0, |w| w.offset),
                Msg::text_both(
                    T::WarningOnTheWrongSide,
                    &[("target", &t), ("warning", &w)],
                    &[("better", better_fr, better), ("side", side_fr, side)],
                ),
            );
        }
    }
    Some(IndicatorSpec {
        unit,
        target: target.map(|t| t.value),
        direction,
        warning: warning.map(|w| w.value),
        frequency,
        category,
        chart,
        baseline,
        changes,
    })
}

/// The changes an indicator's chart starts a new phase at: `changes = [{ date = "2026-10-05",
/// label = "Nouveau triage au téléphone" }]`, or just their dates.
fn read_changes(s: &mut Keyed<'_>, diags: &mut Diags) -> Vec<ChangeMark> {
    let Some(items) = s.list("changes", diags) else {
        return Vec::new();
    };
    let mut changes: Vec<ChangeMark> = Vec::new();
    for mut item in items {
        let offset = item.span.start;
        let (date, label) = match item.take() {
            ValueInner::String(date) => (Some((date.into_owned(), offset)), String::new()),
            ValueInner::Table(table) => {
                let mut t = Keyed::from_table(
                    table,
                    offset,
                    Context::new("a change", "un changement"),
                    format::CHANGE,
                );
                let date = t.text("date", diags);
                let label = t.text("label", diags);
                t.finish(&|_| None, diags);
                (
                    date.map(|d| (d.value, d.offset)),
                    label.map(|l| l.value.trim().to_owned()).unwrap_or_default(),
                )
            }
            _ => {
                diags.error(offset, Msg::text(T::ChangeShape, &[]));
                (None, String::new())
            }
        };
        let Some((text, offset)) = date else {
            continue;
        };
        match crate::model::parse_date(&text) {
            Ok(date) => changes.push(ChangeMark {
                date,
                label,
                record: None,
            }),
            Err(_) => diags.error(offset, Msg::text(T::ChangeDate, &[("value", &text)])),
        }
    }
    changes.sort_by_key(|c| c.date);
    changes
}

pub(super) fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

pub(super) fn read_idea_columns(
    s: &mut Keyed<'_>,
    lang: Lang,
    diags: &mut Diags,
) -> Option<Vec<IdeaColumn>> {
    let Some(items) = s.list("columns", diags) else {
        let defaults = [T::IdeaProposed, T::IdeaTesting, T::IdeaAdopted].map(|t| t.words(lang));
        return Some(
            defaults
                .iter()
                .map(|n| IdeaColumn {
                    name: (*n).to_owned(),
                    limit: None,
                })
                .collect(),
        );
    };
    let mut columns: Vec<IdeaColumn> = Vec::new();
    for mut item in items {
        let offset = item.span.start;
        let column = match item.take() {
            ValueInner::String(name) => Some(IdeaColumn {
                name: name.trim().to_owned(),
                limit: None,
            }),
            ValueInner::Table(table) => {
                let mut t = Keyed::from_table(
                    table,
                    offset,
                    Context::new("an ideas column", "une colonne d'idées"),
                    format::IDEA_COLUMN,
                );
                let name = t.text("name", diags);
                let limit = t.whole("limit", diags);
                t.finish(&|_| None, diags);
                name.map(|n| IdeaColumn {
                    name: n.value.trim().to_owned(),
                    limit: limit.map(|l| l.value),
                })
            }
            _ => {
                diags.error(offset, Msg::text(T::EachColumnIsANameIn, &[]));
                None
            }
        };
        if let Some(c) = column {
            if c.name.is_empty() {
                diags.error(offset, Msg::text(T::AColumnHasNoName, &[]));
            } else if columns.iter().any(|o| o.name == c.name) {
                diags.error(
                    offset,
                    Msg::text(T::ColumnNameIsListedTwice, &[("name", &c.name)]),
                );
            } else {
                columns.push(c);
            }
        }
    }
    if columns.len() < 2 {
        diags.error(
            s.offset(),
            Msg::text_both(
                T::NeedsTwoColumns,
                &[],
                &[("context", &s.context().fr, &s.context().en)],
            ),
        );
        return None;
    }
    Some(columns)
}

/// A place on a grid: `column` and `row` (required), `width` and `height` (1 unless written).
pub(super) fn read_place(t: &mut Keyed<'_>, diags: &mut Diags) -> Option<Place> {
    let column = t.whole("column", diags);
    let row = t.whole("row", diags);
    let width = t.whole_or_default("width", diags);
    let height = t.whole_or_default("height", diags);
    Some(Place {
        column: column?.value,
        row: row?.value,
        width: width?,
        height: height?,
    })
}
