//! Checks across the whole set of boards: duplicate ids, unknown parents, cycles of parents,
//! units that name unknown boards.

use crate::i18n::T;
use std::collections::BTreeMap;

use super::Severity;
use super::parse::FileReport;
use super::problem::{Msg, suggestion};

/// Adds to each report the problems that only show across files. A board with such an error
/// is dropped from its report, as for any other error.
pub(crate) fn check_set(reports: &mut [FileReport], only: Option<&[usize]>) {
    // First file that declares each id.
    let mut first_file: BTreeMap<String, usize> = BTreeMap::new();
    let mut dup: Vec<(usize, usize, String)> = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        if let Some(id) = &r.refs.id {
            match first_file.get(&id.value) {
                Some(&first) => dup.push((i, id.offset, reports[first].path.display().to_string())),
                None => {
                    first_file.insert(id.value.clone(), i);
                }
            }
        }
    }
    let reported = |i: usize| only.is_none_or(|o| o.contains(&i));
    for (i, offset, first) in dup {
        if reported(i) {
            let id = reports[i]
                .refs
                .id
                .as_ref()
                .map(|a| a.value.clone())
                .unwrap_or_default();
            reports[i].add(
                offset,
                Severity::Error,
                Msg::text(T::BoardIdTaken, &[("first", &first), ("id", &id)]),
            );
        }
    }

    let ids: Vec<String> = first_file.keys().cloned().collect();
    // Files too broken to say their id, by their name, which is the id by convention: a board
    // naming one is told its file has errors rather than offered another board's id.
    let broken: BTreeMap<String, String> = reports
        .iter()
        .filter(|r| r.refs.id.is_none() && r.has_errors())
        .filter_map(|r| {
            let stem = r.path.file_stem()?.to_str()?.to_owned();
            Some((stem, r.path.display().to_string()))
        })
        .collect();
    let parent_of: BTreeMap<String, String> = reports
        .iter()
        .filter_map(|r| {
            Some((
                r.refs.id.as_ref()?.value.clone(),
                r.refs.parent.as_ref()?.value.clone(),
            ))
        })
        .collect();

    for (i, report) in reports.iter_mut().enumerate() {
        if !reported(i) {
            continue;
        }
        let refs = report.refs.clone();
        if let Some(parent) = &refs.parent {
            if let Some(file) = broken.get(&parent.value) {
                report.add(
                    parent.offset,
                    Severity::Warning,
                    Msg::text(
                        T::ParentFileBroken,
                        &[("value", &parent.value), ("file", file)],
                    ),
                );
            } else if !first_file.contains_key(&parent.value) {
                let hint = suggestion(&parent.value, ids.iter().map(String::as_str));
                report.add(
                    parent.offset,
                    Severity::Error,
                    Msg::text_both(
                        T::ParentNotABoard,
                        &[("value", &parent.value)],
                        &[("hint", &*hint.fr, &*hint.en)],
                    ),
                );
            } else if let Some(id) = &refs.id {
                if parent.value == id.value {
                    report.add(parent.offset, Severity::Error, Msg::text(T::OwnParent, &[]));
                } else if let Some(cycle) = cycle_from(&id.value, &parent_of) {
                    report.add(
                        parent.offset,
                        Severity::Error,
                        Msg::text(T::ParentsGoRoundInACircle, &[("cycle", &cycle.join(" → "))]),
                    );
                }
            }
        }
        for unit in &refs.units {
            if let Some(file) = broken.get(&unit.value) {
                report.add(
                    unit.offset,
                    Severity::Warning,
                    Msg::text(T::UnitFileBroken, &[("value", &unit.value), ("file", file)]),
                );
            } else if !first_file.contains_key(&unit.value) {
                let hint = suggestion(&unit.value, ids.iter().map(String::as_str));
                report.add(
                    unit.offset,
                    Severity::Error,
                    Msg::text_both(
                        T::UnitNotABoard,
                        &[("value", &unit.value)],
                        &[("hint", &*hint.fr, &*hint.en)],
                    ),
                );
            }
        }
    }
}

/// The chain of parents from `start` when it comes back to `start`.
fn cycle_from(start: &str, parent_of: &BTreeMap<String, String>) -> Option<Vec<String>> {
    let mut chain = vec![start.to_owned()];
    let mut current = start;
    while let Some(parent) = parent_of.get(current) {
        chain.push(parent.clone());
        if parent == start {
            return Some(chain);
        }
        if chain.len() > parent_of.len() + 1 {
            // A cycle further up that does not include `start`: reported on its own boards.
            return None;
        }
        current = parent;
    }
    None
}
