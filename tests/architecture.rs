//! The map of the code holds: the modules under `src/` depend on each other in one direction
//! only (ARCHITECTURE.md), so that each can be read, tested and changed from below.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `src/` and the other top-level modules its code (tests left out)
/// names through `crate::`.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap();
            let first = relative.components().next().unwrap().as_os_str();
            let module = first.to_string_lossy().trim_end_matches(".rs").to_owned();
            if module == "main" || module == "lib" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // What the unit tests at the end of a file use is not a dependency of the module.
            let code = text
                .find("#[cfg(test)]\nmod tests")
                .map_or(text.as_str(), |end| &text[..end]);
            let names = graph.entry(module.clone()).or_default();
            for line in code.lines() {
                let line = line.split("//").next().unwrap_or_default();
                for (at, _) in line.match_indices("crate::") {
                    let rest = &line[at + "crate::".len()..];
                    let named: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                        group
                            .split(['}', ','])
                            .map(|n| n.trim().split("::").next().unwrap_or_default())
                            .collect()
                    } else {
                        vec![
                            rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                                .next()
                                .unwrap_or_default(),
                        ]
                    };
                    for name in named {
                        if !name.is_empty() && name != module && name != "self" {
                            names.insert(name.to_owned());
                        }
                    }
                }
            }
        }
    }
    graph
}

/// A cycle of the graph, if it has one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut found = path[start..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn modules_depend_on_each_other_one_way_only() {
    let graph = dependencies();
    // The reading was done: the lowest layers and the ones above them are there.
    assert!(graph["view"].contains("model"), "{graph:?}");
    assert!(graph["app"].contains("ui"), "{graph:?}");
    assert_eq!(cycle(&graph), None, "modules that import each other");
    // The layers of ARCHITECTURE.md: the model knows nothing above it; the snapshot format
    // knows nothing of views; the screen reads views, never the store.
    for (module, never) in [
        (
            "model",
            &["store", "view", "ui", "app", "snapshot", "sync", "layout"][..],
        ),
        ("snapshot", &["view", "ui", "app", "store"][..]),
        ("view", &["ui", "app"][..]),
        ("ui", &["store", "app"][..]),
    ] {
        for other in never {
            assert!(
                !graph[module].contains(*other),
                "{module} uses {other}: {:?}",
                graph[module]
            );
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", &["b"][..]),
        ("b", &["c"][..]),
        ("c", &["a"][..]),
        ("d", &["a"][..]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.iter().map(|s| (*s).to_owned()).collect()))
    .collect();
    assert_eq!(
        cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
