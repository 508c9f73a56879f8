//! The JSON Schema of board files (`huddle schema`), made from the format table the reader
//! reads through (`format.rs`), for editors that complete, document and check TOML files
//! against a schema (Taplo: VS Code's Even Better TOML, Helix, Zed).
//!
//! Draft-07, the draft Taplo supports best. Taplo offers the keys of a table from its
//! `properties` (and those of `anyOf`, `oneOf`, `allOf`), not from `if`/`then`: a section's
//! properties are therefore every kind's keys, and a chain of `if`/`then`/`else` on `kind`
//! keeps each section to the keys of its own kind (`propertyNames`, which names the key of
//! another kind in its message) and requires them.

use serde_json::{Map, Value, json};

use crate::i18n::T;
use crate::model::Lang;

use super::format::{self, Key, Kind, Lit, Need, Shape};
use super::parse::ID_MAX;

/// The file name the example boards' `#:schema` line names, beside them in `boards/`.
pub const SCHEMA_FILE: &str = "huddle-board.schema.json";

/// A time as `parse_time` reads it: hours 0 to 23, then `:`, `h` or `H`, then minutes 0 to 59
/// or nothing ("08:30", "8h30", "8h").
const TIME_PATTERN: &str = r"^\s*\+?0*(1?[0-9]|2[0-3])\s*[:hH]\s*(\+?0*[1-5]?[0-9])?\s*$";
/// An id as the reader checks it; its length is `maxLength`.
const ID_PATTERN: &str = "^[a-z0-9][a-z0-9_-]*$";
/// A text with something besides spaces.
const FILLED_PATTERN: &str = r"\S";

/// The JSON Schema of a board file, as `huddle schema` prints it.
pub fn board_schema() -> Value {
    let mut properties = Map::new();
    for table in format::FILE {
        let mut schema = if table.name == format::SECTION.name {
            section_schema()
        } else {
            table_schema(table.keys)
        };
        if table.many {
            schema = object(json!({ "type": "array", "items": schema }));
        }
        schema.insert("description".into(), describe(table.doc).into());
        properties.insert(table.name.into(), schema.into());
    }
    let required: Vec<&str> = format::FILE
        .iter()
        .filter(|t| t.required)
        .map(|t| t.name)
        .collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "description": describe(T::FmtFile),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// A text of the format in both languages, French first as on the kiosk.
fn describe(doc: T) -> String {
    format!("{}\n\n{}", doc.words(Lang::Fr), doc.words(Lang::En))
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn lit(value: Lit) -> Value {
    match value {
        Lit::Whole(n) => n.into(),
        Lit::Word(w) => w.into(),
        Lit::Flag(b) => b.into(),
    }
}

/// The schema of a value of this shape.
fn shape_schema(shape: &Shape) -> Map<String, Value> {
    object(match shape {
        Shape::Text | Shape::Date => json!({ "type": "string" }),
        Shape::Filled => json!({ "type": "string", "pattern": FILLED_PATTERN }),
        Shape::Id => json!({ "type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX }),
        Shape::Choice(words) => json!({ "type": "string", "enum": words }),
        // Editors offer the usual words; any other text is as good.
        Shape::Usual(words) => json!({
            "type": "string",
            "anyOf": [{ "type": "string", "enum": words }, { "type": "string" }],
        }),
        Shape::Whole(min, max) => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Shape::Number => json!({ "type": "number" }),
        Shape::Flag => json!({ "type": "boolean" }),
        Shape::Time => json!({ "type": "string", "pattern": TIME_PATTERN }),
        Shape::Table(keys) => Value::Object(table_schema(keys)),
        Shape::List { item, min, unique } => {
            let mut list = json!({ "type": "array", "items": shape_schema(item) });
            if *min > 0 {
                list["minItems"] = (*min).into();
            }
            if *unique {
                list["uniqueItems"] = true.into();
            }
            list
        }
        Shape::Either(a, b) => json!({ "anyOf": [shape_schema(a), shape_schema(b)] }),
    })
}

/// The schema of a key: its shape, what it is for, and its default.
fn key_schema(key: &Key) -> Map<String, Value> {
    let mut schema = shape_schema(&key.shape);
    schema.insert("description".into(), describe(key.doc).into());
    if let Some(default) = key.default {
        schema.insert("default".into(), lit(default));
    }
    schema
}

fn required(keys: &[Key]) -> Vec<&'static str> {
    keys.iter()
        .filter(|k| matches!(k.need, Need::Required(_)))
        .map(|k| k.name)
        .collect()
}

/// `if` the key `key` is not `value`, `then` these keys are required: one condition for each
/// key required unless another is a given word.
fn required_unless(keys: &[Key]) -> Vec<Value> {
    keys.iter()
        .filter_map(|k| match k.need {
            Need::RequiredUnless { key, value, .. } => Some(json!({
                "if": { "properties": { key: { "const": value } }, "required": [key] },
                "else": { "required": [k.name] },
            })),
            _ => None,
        })
        .collect()
}

/// Adds the conditions of [`required_unless`] to a schema.
fn add_conditions(schema: &mut Map<String, Value>, keys: &[Key]) {
    let mut conditions = required_unless(keys);
    match conditions.len() {
        0 => {}
        1 => schema.extend(object(conditions.remove(0))),
        _ => {
            schema.insert("allOf".into(), conditions.into());
        }
    }
}

/// A table of these keys, and no other.
fn table_schema(keys: &[Key]) -> Map<String, Value> {
    let properties: Map<String, Value> = keys
        .iter()
        .map(|k| (k.name.to_owned(), key_schema(k).into()))
        .collect();
    let mut schema = object(json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    }));
    let required = required(keys);
    if !required.is_empty() {
        schema.insert("required".into(), required.into());
    }
    add_conditions(&mut schema, keys);
    schema
}

/// A `[[section]]`: the keys of every section and of every kind as its properties, then what
/// each kind allows and requires.
fn section_schema() -> Map<String, Value> {
    let mut schema = table_schema(format::SECTION.keys);
    let kind_docs: Vec<String> = format::KINDS.iter().map(|k| describe(k.doc)).collect();
    if let Some(kind) = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut("kind"))
        .and_then(Value::as_object_mut)
    {
        kind.insert(
            "x-taplo".into(),
            json!({ "docs": { "enumValues": kind_docs } }),
        );
    }
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for kind in format::KINDS {
            for key in kind.keys {
                if properties.contains_key(key.name) {
                    continue;
                }
                let mut property = key_schema(key);
                property.insert("description".into(), kind_key_doc(key).into());
                properties.insert(key.name.into(), property.into());
            }
        }
    }
    if let Some(chain) = kinds_chain(format::KINDS) {
        schema.extend(chain);
    }
    schema
}

/// What a key of some kinds is for, and which kinds have it.
fn kind_key_doc(key: &Key) -> String {
    let owners: Vec<String> = format::KINDS
        .iter()
        .filter(|k| k.keys.iter().any(|o| o.name == key.name))
        .map(|k| format!("\"{}\"", k.name))
        .collect();
    let line = |lang: Lang, or: &str| {
        format!(
            "{} {}",
            key.doc.words(lang),
            T::FmtKindKeys.with(lang, &[("kind", &owners.join(or))])
        )
    };
    format!("{}\n\n{}", line(Lang::Fr, " ou "), line(Lang::En, " or "))
}

/// `if` kind is the first kind `then` its keys, `else` the same for the rest.
fn kinds_chain(kinds: &[Kind]) -> Option<Map<String, Value>> {
    let (kind, rest) = kinds.split_first()?;
    let allowed: Vec<&str> = format::SECTION
        .keys
        .iter()
        .chain(kind.keys)
        .map(|k| k.name)
        .collect();
    let mut then = object(json!({ "propertyNames": { "enum": allowed } }));
    let required = required(kind.keys);
    if !required.is_empty() {
        then.insert("required".into(), required.into());
    }
    add_conditions(&mut then, kind.keys);
    let mut chain = object(json!({
        "if": { "properties": { "kind": { "const": kind.name } }, "required": ["kind"] },
        "then": then,
    }));
    if let Some(rest) = kinds_chain(rest) {
        chain.insert("else".into(), rest.into());
    }
    Some(chain)
}

/// The schema and the reader agree, key by key: every key of the format table is read by the
/// reader and described by the schema; a value of its shape passes both, a value of another
/// shape, out of its range or not among its words fails both; a required key left out fails
/// both; a key of another kind of section fails both, the schema naming it; a default is
/// what the reader takes when the key is left out; and each word of a key reads differently.
#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::path::Path;

    use super::*;
    use crate::layout::parse_board;
    use crate::model::{Board, IndicatorCategory};
    use toml_span::value::ValueInner;

    /// A board file as tables of `key = value` lines, so that one value can change at a time.
    #[derive(Clone, Debug)]
    struct File {
        tables: Vec<(&'static str, Vec<(String, String)>)>,
    }

    impl File {
        fn new() -> Self {
            Self { tables: Vec::new() }
        }

        fn table(mut self, header: &'static str, lines: &[(&str, &str)]) -> Self {
            let lines = lines
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            self.tables.push((header, lines));
            self
        }

        /// Sets (or, with `None`, removes) a key of the last table.
        fn set(&self, key: &str, value: Option<&str>) -> Self {
            let mut file = self.clone();
            let Some((_, lines)) = file.tables.last_mut() else {
                return file;
            };
            lines.retain(|(k, _)| k != key);
            if let Some(value) = value {
                lines.push((key.to_owned(), value.to_owned()));
            }
            file
        }

        fn text(&self) -> String {
            let mut text = String::from("#:schema ./huddle-board.schema.json\n");
            for (header, lines) in &self.tables {
                text.push_str(&format!("{header}\n"));
                for (k, v) in lines {
                    text.push_str(&format!("{k} = {v}\n"));
                }
            }
            text
        }
    }

    /// A TOML value as the JSON that editors validate.
    fn to_json(mut value: toml_span::Value<'_>) -> Value {
        match value.take() {
            ValueInner::String(s) => Value::String(s.into_owned()),
            ValueInner::Integer(i) => i.into(),
            ValueInner::Float(f) => f.into(),
            ValueInner::Boolean(b) => b.into(),
            ValueInner::Array(items) => items.into_iter().map(to_json).collect(),
            ValueInner::Table(table) => Value::Object(
                table
                    .into_iter()
                    .map(|(k, v)| (k.name.into_owned(), to_json(v)))
                    .collect(),
            ),
        }
    }

    /// The reader's errors and the schema's, for a file.
    fn verdicts(file: &File) -> (Vec<String>, Vec<String>) {
        let text = file.text();
        let report = parse_board(Path::new("b.toml"), &text);
        let reader = report
            .problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| p.message.clone())
            .collect();
        let json = to_json(toml_span::parse(&text).expect("TOML"));
        (reader, schema_errors(&json))
    }

    fn schema_errors(json: &Value) -> Vec<String> {
        thread_local! {
            static VALIDATOR: jsonschema::Validator =
                jsonschema::validator_for(&board_schema()).expect("a valid JSON Schema");
        }
        VALIDATOR.with(|v| {
            v.iter_errors(json)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect()
        })
    }

    fn assert_both_accept(file: &File, what: &str) {
        let (reader, schema) = verdicts(file);
        assert!(
            reader.is_empty() && schema.is_empty(),
            "{what}: reader {reader:#?}, schema {schema:#?}\n{}",
            file.text()
        );
    }

    fn assert_both_refuse(file: &File, what: &str) {
        let (reader, schema) = verdicts(file);
        assert!(
            !reader.is_empty() && !schema.is_empty(),
            "{what}: reader {reader:#?}, schema {schema:#?}\n{}",
            file.text()
        );
    }

    /// Values of the shape, as TOML (none starts with "Item": lists use those as padding).
    fn valid(shape: &Shape) -> Vec<String> {
        let q = |s: &str| format!("\"{s}\"");
        match shape {
            Shape::Text => vec![q("A text"), q("")],
            Shape::Filled => vec![q("A"), q(" B ")],
            Shape::Id => vec![q("a"), q("a-1_b"), q(&"a".repeat(ID_MAX))],
            Shape::Choice(words) => words.iter().map(|w| q(w)).collect(),
            Shape::Usual(words) => words.iter().map(|w| q(w)).chain([q("programme")]).collect(),
            Shape::Whole(min, max) => vec![
                min.to_string(),
                max.to_string(),
                ((min + max) / 2).to_string(),
            ],
            Shape::Number => vec!["12".into(), "12.5".into(), "-3".into(), "0".into()],
            Shape::Flag => vec!["true".into(), "false".into()],
            Shape::Time => ["08:30", "8h30", "8h", "23:59", "0:00", " 7 H 05 "]
                .map(q)
                .to_vec(),
            Shape::Date => vec![q("2026-10-05"), q("05/10/2026")],
            Shape::Table(keys) => {
                let mut tables = vec![inline(keys, None)];
                for key in *keys {
                    for value in key_valid(key).into_iter().skip(1) {
                        tables.push(inline(keys, Some((key.name, &value))));
                    }
                }
                tables
            }
            Shape::List { item, min, .. } => {
                let mut lists = Vec::new();
                if *min == 0 {
                    lists.push("[]".to_owned());
                }
                let count = (*min).max(2) as usize;
                lists.push(list((0..count).map(|i| item_sample(item, i)).collect()));
                for value in valid(item) {
                    lists.push(padded(value, item, *min));
                }
                lists
            }
            Shape::Either(a, b) => valid(a).into_iter().chain(valid(b)).collect(),
        }
    }

    /// Values that are not of the shape, as TOML: both the reader and the schema refuse them.
    fn invalid(shape: &Shape) -> Vec<String> {
        let q = |s: &str| format!("\"{s}\"");
        match shape {
            Shape::Text | Shape::Usual(_) | Shape::Date => vec!["12".into(), "true".into()],
            Shape::Filled => vec!["12".into(), q("  ")],
            Shape::Id => vec![
                "12".into(),
                q("Bad Id"),
                q("-a"),
                q("é"),
                q(&"a".repeat(ID_MAX + 1)),
            ],
            Shape::Choice(words) => {
                let upper = words.first().map(|w| w.to_uppercase()).unwrap_or_default();
                vec!["12".into(), q("nope"), q(&upper)]
            }
            Shape::Whole(min, max) => {
                let mut values = vec![(max + 1).to_string(), "2.5".into(), q("3"), "true".into()];
                values.push((i64::from(*min) - 1).to_string());
                values
            }
            Shape::Number => vec![q("12"), "true".into(), "[1]".into()],
            Shape::Flag => vec![q("true"), "1".into()],
            Shape::Time => ["24:00", "25:00", "-1:00", "8:60", "noon", "8:30:00", ":30"]
                .map(q)
                .into_iter()
                .chain(["830".into()])
                .collect(),
            Shape::Table(keys) => {
                let mut tables = vec![q("x"), "12".into(), "[]".into()];
                let whole = inline(keys, None);
                tables.push(format!(
                    "{} zz = 1 }}",
                    whole
                        .trim_end_matches('}')
                        .trim_end()
                        .trim_end_matches(',')
                        .to_owned()
                        + ","
                ));
                for key in *keys {
                    if matches!(key.need, Need::Required(_)) {
                        tables.push(inline_without(keys, key.name));
                    }
                    for value in invalid(&key.shape) {
                        tables.push(inline(keys, Some((key.name, &value))));
                    }
                }
                tables
            }
            Shape::List { item, min, unique } => {
                let mut lists = vec![q("x"), "12".into()];
                if *min > 0 {
                    let short = (0..*min as usize - 1)
                        .map(|i| item_sample(item, i))
                        .collect();
                    lists.push(list(short));
                }
                if *unique {
                    let one = item_sample(item, 0);
                    lists.push(list(vec![one.clone(), one]));
                }
                for value in invalid(item) {
                    lists.push(padded(value, item, *min));
                }
                lists
            }
            // A text that one side refuses may be a good value of the other: a table's own
            // mistakes are tables.
            Shape::Either(a, b) => invalid(a)
                .into_iter()
                .filter(|v| !v.starts_with('{'))
                .chain(invalid(b).into_iter().filter(|v| !v.starts_with('"')))
                .collect(),
        }
    }

    /// A key's values; an agenda item names a section of the board.
    fn key_valid(key: &Key) -> Vec<String> {
        if key.name == "section" {
            return vec!["\"s0\"".into()];
        }
        valid(&key.shape)
    }

    /// A table of these keys, each with its first value, one of them with `value`.
    fn inline(keys: &[Key], value: Option<(&str, &str)>) -> String {
        let pairs: Vec<String> = keys
            .iter()
            .map(|k| match value {
                Some((name, v)) if name == k.name => format!("{} = {v}", k.name),
                _ => format!("{} = {}", k.name, key_valid(k)[0]),
            })
            .collect();
        format!("{{ {} }}", pairs.join(", "))
    }

    fn inline_without(keys: &[Key], left_out: &str) -> String {
        let pairs: Vec<String> = keys
            .iter()
            .filter(|k| k.name != left_out)
            .map(|k| format!("{} = {}", k.name, key_valid(k)[0]))
            .collect();
        format!("{{ {} }}", pairs.join(", "))
    }

    fn list(items: Vec<String>) -> String {
        format!("[{}]", items.join(", "))
    }

    /// The `i`th of distinct items of a list.
    fn item_sample(item: &Shape, i: usize) -> String {
        match item {
            Shape::Date => format!("\"2026-10-{:02}\"", i + 1),
            Shape::Table(keys) => {
                let key = keys
                    .iter()
                    .find(|k| matches!(k.shape, Shape::Filled | Shape::Date));
                match key {
                    Some(k) => inline(keys, Some((k.name, &item_sample(&k.shape, i)))),
                    None => inline(keys, None),
                }
            }
            Shape::Either(a, b) if i % 2 == 1 => item_sample(b, i),
            Shape::Either(a, _) => item_sample(a, i),
            _ => format!("\"Item {i}\""),
        }
    }

    /// A list of `value` and, after it, as many other items as the list needs.
    fn padded(value: String, item: &Shape, min: u32) -> String {
        let mut items = vec![value];
        items.extend((1..min as usize).map(|i| item_sample(item, 100 + i)));
        list(items)
    }

    /// Where a key is tried: the smallest valid board that has the table the key goes in.
    enum Place {
        Table(&'static str),
        Section,
        Kind(&'static Kind),
    }

    fn board() -> File {
        File::new().table(
            "[board]",
            &[
                ("id", "\"b\""),
                ("title", "\"B\""),
                ("columns", "12"),
                ("rows", "12"),
            ],
        )
    }

    fn context(place: &Place, key: &str) -> File {
        match place {
            Place::Table("board") => board(),
            Place::Table("team") => board().table("[team]", &[]),
            Place::Table(_) => board()
                .table(
                    "[[section]]",
                    &[
                        ("id", "\"s0\""),
                        ("kind", "\"notes\""),
                        ("title", "\"S\""),
                        ("column", "1"),
                        ("row", "1"),
                    ],
                )
                .table("[huddle]", &[("time", "\"08:30\""), ("minutes", "120")]),
            // With a portrait grid, so that a section's portrait place is read.
            Place::Section => board()
                .set("portrait", Some("{ columns = 12, rows = 12 }"))
                .table(
                    "[[section]]",
                    &[
                        ("id", "\"s0\""),
                        ("kind", "\"notes\""),
                        ("title", "\"S\""),
                        ("column", "1"),
                        ("row", "1"),
                        ("portrait", "{ column = 1, row = 1 }"),
                    ],
                ),
            Place::Kind(kind) => {
                let kind_line = format!("\"{}\"", kind.name);
                let mut file = board().table(
                    "[[section]]",
                    &[
                        ("id", "\"s0\""),
                        ("kind", &kind_line),
                        ("title", "\"S\""),
                        ("column", "1"),
                        ("row", "1"),
                    ],
                );
                for k in kind.keys {
                    if !matches!(k.need, Need::Optional) {
                        file = file.set(k.name, Some(&key_valid(k)[0]));
                    }
                }
                // Which side of the target `warning` goes on depends on `direction`: a rule
                // across keys that `huddle check` gives, not the schema.
                if key == "warning" {
                    file = file.set("direction", Some("\"neutral\""));
                }
                file
            }
        }
    }

    /// Every key of the format, where it is tried.
    fn every_key() -> Vec<(Place, &'static Key)> {
        let mut keys = Vec::new();
        for table in format::FILE {
            for key in table.keys {
                let place = if table.name == format::SECTION.name {
                    Place::Section
                } else {
                    Place::Table(table.name)
                };
                keys.push((place, key));
            }
        }
        for kind in format::KINDS {
            for key in kind.keys {
                keys.push((Place::Kind(kind), key));
            }
        }
        keys
    }

    #[test]
    fn the_schema_is_draft_07_and_names_every_table() {
        let schema = board_schema();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        let tables: Vec<&str> = format::FILE.iter().map(|t| t.name).collect();
        let properties: Vec<&str> = schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(properties.len(), tables.len());
        for table in tables {
            assert!(properties.contains(&table), "{table}");
        }
        assert_eq!(schema["required"], json!(["board"]));
    }

    #[test]
    fn every_key_reads_as_the_schema_says() {
        let mut tried = 0;
        for (place, key) in every_key() {
            let base = context(&place, key.name);
            assert_both_accept(&base, &format!("the board `{}` is tried in", key.name));
            if key.name == "kind" {
                // Each kind with the keys it requires.
                for kind in format::KINDS {
                    assert_both_accept(&context(&Place::Kind(kind), ""), kind.name);
                }
            } else {
                for value in key_valid(key) {
                    let file = base.set(key.name, Some(&value));
                    assert_both_accept(&file, &format!("{} = {value}", key.name));
                    tried += 1;
                }
            }
            for value in invalid(&key.shape) {
                let file = base.set(key.name, Some(&value));
                assert_both_refuse(&file, &format!("{} = {value}", key.name));
                tried += 1;
            }
            if matches!(key.need, Need::Required(_) | Need::RequiredUnless { .. }) {
                let file = base.set(key.name, None);
                assert_both_refuse(&file, &format!("without {}", key.name));
            }
        }
        assert!(tried > 300, "{tried} values tried");
    }

    #[test]
    fn a_key_required_unless_another_word_is_so_for_both() {
        let mut seen = 0;
        for (place, key) in every_key() {
            let Need::RequiredUnless {
                key: other, value, ..
            } = key.need
            else {
                continue;
            };
            seen += 1;
            let file = context(&place, key.name)
                .set(key.name, None)
                .set(other, Some(&format!("\"{value}\"")));
            assert_both_accept(
                &file,
                &format!("without {} but with {other} = {value}", key.name),
            );
        }
        assert!(seen > 0);
    }

    #[test]
    fn an_unknown_key_fails_both_in_every_table() {
        for (place, key) in every_key() {
            let file = context(&place, key.name).set("zz_unknown", Some("1"));
            assert_both_refuse(&file, "zz_unknown = 1");
        }
        assert_both_refuse(&board().table("[boards]", &[]), "[boards]");
    }

    #[test]
    fn a_key_of_another_kind_fails_both_and_the_schema_names_it() {
        for kind in format::KINDS {
            for other in format::KINDS {
                for key in other.keys {
                    if kind.keys.iter().any(|own| own.name == key.name) {
                        continue;
                    }
                    let file =
                        context(&Place::Kind(kind), "").set(key.name, Some(&key_valid(key)[0]));
                    let (reader, schema) = verdicts(&file);
                    let what = format!("{} in a section of kind {}", key.name, kind.name);
                    assert!(
                        reader
                            .iter()
                            .any(|m| m.contains(&format!("`{}`", key.name))),
                        "{what}: {reader:#?}"
                    );
                    assert!(
                        schema
                            .iter()
                            .any(|m| m.contains(&format!("\"{}\"", key.name))),
                        "{what}: {schema:#?}"
                    );
                }
            }
        }
    }

    fn board_of(file: &File) -> Board {
        let report = parse_board(Path::new("b.toml"), &file.text());
        report
            .board
            .unwrap_or_else(|| panic!("{:#?}", report.problems))
    }

    #[test]
    fn a_default_is_what_the_reader_takes_without_the_key() {
        let mut seen = 0;
        for (place, key) in every_key() {
            let Some(default) = key.default else { continue };
            seen += 1;
            let written = match default {
                Lit::Whole(n) => n.to_string(),
                Lit::Word(w) => format!("\"{w}\""),
                Lit::Flag(b) => b.to_string(),
            };
            let base = context(&place, key.name);
            assert_eq!(
                board_of(&base.set(key.name, None)),
                board_of(&base.set(key.name, Some(&written))),
                "{} = {written}",
                key.name
            );
            let schema = board_schema();
            let in_schema = every_property(&schema, key.name);
            assert!(
                in_schema.iter().all(|p| p["default"] == lit(default)),
                "{}",
                key.name
            );
        }
        assert!(seen >= 8, "{seen}");
    }

    #[test]
    fn each_word_of_a_key_reads_differently() {
        for (place, key) in every_key() {
            let (Shape::Choice(words) | Shape::Usual(words)) = key.shape else {
                continue;
            };
            if key.name == "kind" {
                continue; // Each kind has keys of its own: tried with them above.
            }
            let base = context(&place, key.name);
            let boards: Vec<Board> = words
                .iter()
                .map(|w| board_of(&base.set(key.name, Some(&format!("\"{w}\"")))))
                .collect();
            for (i, a) in boards.iter().enumerate() {
                for b in &boards[i + 1..] {
                    assert_ne!(a, b, "two words of `{}` read the same", key.name);
                }
            }
        }
        let categories = every_key()
            .into_iter()
            .find_map(|(_, k)| match k.shape {
                Shape::Choice(words) if k.name == "category" => Some(words),
                _ => None,
            })
            .expect("category");
        assert_eq!(
            categories,
            IndicatorCategory::ALL.map(IndicatorCategory::code)
        );
    }

    /// Every property of this name anywhere in the schema.
    fn every_property<'a>(schema: &'a Value, name: &str) -> Vec<&'a Value> {
        let mut found = Vec::new();
        match schema {
            Value::Object(map) => {
                if let Some(p) = map.get("properties").and_then(|p| p.get(name)) {
                    found.push(p);
                }
                for value in map.values() {
                    found.extend(every_property(value, name));
                }
            }
            Value::Array(items) => {
                for value in items {
                    found.extend(every_property(value, name));
                }
            }
            _ => {}
        }
        found
    }

    #[test]
    fn a_key_of_several_kinds_has_one_shape() {
        for kind in format::KINDS {
            for key in kind.keys {
                for other in format::KINDS.iter().chain([&Kind {
                    name: "section",
                    keys: format::SECTION.keys,
                    doc: format::SECTION.doc,
                }]) {
                    if let Some(same) = other.keys.iter().find(|o| o.name == key.name) {
                        assert_eq!(
                            Value::Object(shape_schema(&same.shape)),
                            Value::Object(shape_schema(&key.shape)),
                            "`{}` of {} and {}",
                            key.name,
                            kind.name,
                            other.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_kind_is_in_the_schema_with_what_it_shows() {
        let schema = board_schema();
        let kind = &schema["properties"]["section"]["items"]["properties"]["kind"];
        assert_eq!(kind["enum"], json!(format::KIND_NAMES));
        let docs = kind["x-taplo"]["docs"]["enumValues"]
            .as_array()
            .expect("docs");
        assert_eq!(docs.len(), format::KINDS.len());
        for kind in format::KINDS {
            let properties = &schema["properties"]["section"]["items"]["properties"];
            for key in kind.keys {
                let doc = properties[key.name]["description"]
                    .as_str()
                    .unwrap_or_default();
                assert!(
                    doc.contains(&format!("\"{}\"", kind.name)),
                    "{}: {doc}",
                    key.name
                );
            }
        }
    }
}
