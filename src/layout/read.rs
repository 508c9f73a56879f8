//! A small reader over the spanned TOML tree of `toml-span` that collects every problem of a
//! file instead of stopping at the first, with messages written for a facilitator.

use toml_span::value::{Table, Value, ValueInner};

use super::problem::{Diags, suggestion};

/// A value with the byte offset where it was written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct At<T> {
    pub value: T,
    pub offset: usize,
}

/// One TOML table being read: keys are taken one by one; what is left at the end is unknown.
pub(crate) struct TableReader<'de> {
    table: Table<'de>,
    /// Offset of the table (its header, or its first key).
    pub offset: usize,
    /// How problems name this table: "[board]", "section `delai`".
    pub context: String,
    known: Vec<&'static str>,
    /// Required keys not written, with the message to give unless a typo explains them.
    missing: Vec<(&'static str, String)>,
}

/// The TOML type of a value, in words.
fn type_name(value: &ValueInner<'_>) -> &'static str {
    match value {
        ValueInner::String(_) => "text",
        ValueInner::Integer(_) => "a whole number",
        ValueInner::Float(_) => "a number",
        ValueInner::Boolean(_) => "true or false",
        ValueInner::Array(_) => "a list",
        ValueInner::Table(_) => "a table",
    }
}

impl<'de> TableReader<'de> {
    /// Reads `value` as a table, or reports that a table was expected.
    pub fn new(
        mut value: Value<'de>,
        context: impl Into<String>,
        diags: &mut Diags,
    ) -> Option<Self> {
        let context = context.into();
        let offset = value.span.start;
        match value.take() {
            ValueInner::Table(table) => Some(Self::from_table(table, offset, context)),
            other => {
                diags.error(
                    offset,
                    format!("{context} should be a table, found {}", type_name(&other)),
                );
                None
            }
        }
    }

    pub fn from_table(table: Table<'de>, offset: usize, context: String) -> Self {
        // A table made by a `[header]` has the span of its header; an empty span falls back to
        // the first key written in it.
        let offset = if offset == 0 {
            table.keys().map(|k| k.span.start).min().unwrap_or(0)
        } else {
            offset
        };
        Self {
            table,
            offset,
            context,
            known: Vec::new(),
            missing: Vec::new(),
        }
    }

    /// Whether the key is written in the table (without taking it).
    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// Takes a key's value, remembering the key as known.
    pub fn take(&mut self, key: &'static str) -> Option<Value<'de>> {
        self.known.push(key);
        self.table.remove(key)
    }

    /// Marks keys as known without reading them (they belong to a part read elsewhere).
    pub fn know(&mut self, keys: &[&'static str]) {
        self.known.extend_from_slice(keys);
    }

    /// Notes a required key that is not written. It is reported by [`Self::finish`], unless
    /// an unknown key there is a typo of it: then the typo alone is reported, where it is.
    pub fn missing(&mut self, key: &'static str, example: &str) {
        let message = format!(
            "{} has no `{key}`; add a line such as {key} = {example}",
            self.context
        );
        self.missing.push((key, message));
    }

    /// A text value.
    pub fn text(
        &mut self,
        key: &'static str,
        required: Option<&str>,
        diags: &mut Diags,
    ) -> Option<At<String>> {
        let Some(mut value) = self.take(key) else {
            if let Some(example) = required {
                self.missing(key, example);
            }
            return None;
        };
        let offset = value.span.start;
        match value.take() {
            ValueInner::String(s) => Some(At {
                value: s.into_owned(),
                offset,
            }),
            other => {
                let found = type_name(&other);
                let hint = match &other {
                    ValueInner::Integer(i) => format!("; put it in quotes: {key} = \"{i}\""),
                    _ => String::new(),
                };
                diags.error(
                    offset,
                    format!("`{key}` should be text in quotes, found {found}{hint}"),
                );
                None
            }
        }
    }

    /// A whole number within `min..=max`.
    pub fn whole(
        &mut self,
        key: &'static str,
        (min, max): (u32, u32),
        required: Option<&str>,
        diags: &mut Diags,
    ) -> Option<At<u32>> {
        let Some(mut value) = self.take(key) else {
            if let Some(example) = required {
                self.missing(key, example);
            }
            return None;
        };
        let offset = value.span.start;
        match value.take() {
            ValueInner::Integer(i) if (i64::from(min)..=i64::from(max)).contains(&i) => Some(At {
                value: u32::try_from(i).unwrap_or(min),
                offset,
            }),
            ValueInner::Integer(i) => {
                diags.error(
                    offset,
                    format!("`{key}` is {i}; write a whole number from {min} to {max}"),
                );
                None
            }
            ValueInner::Float(f) => {
                diags.error(
                    offset,
                    format!(
                        "`{key}` is {f}; write a whole number from {min} to {max}, without decimals"
                    ),
                );
                None
            }
            ValueInner::String(s) if s.trim().parse::<i64>().is_ok() => {
                diags.error(
                    offset,
                    format!(
                        "`{key}` should be a number without quotes: {key} = {}",
                        s.trim()
                    ),
                );
                None
            }
            other => {
                diags.error(
                    offset,
                    format!(
                        "`{key}` should be a whole number from {min} to {max}, found {}",
                        type_name(&other)
                    ),
                );
                None
            }
        }
    }

    /// A number, whole or with decimals.
    pub fn number(
        &mut self,
        key: &'static str,
        required: Option<&str>,
        diags: &mut Diags,
    ) -> Option<At<f64>> {
        let Some(mut value) = self.take(key) else {
            if let Some(example) = required {
                self.missing(key, example);
            }
            return None;
        };
        let offset = value.span.start;
        match value.take() {
            ValueInner::Integer(i) => Some(At {
                value: i as f64,
                offset,
            }),
            ValueInner::Float(f) if f.is_finite() => Some(At { value: f, offset }),
            ValueInner::String(s) => {
                let hint = match s.trim().replace(',', ".").parse::<f64>() {
                    Ok(n) => format!(": {key} = {n}"),
                    Err(_) => String::new(),
                };
                diags.error(
                    offset,
                    format!(
                        "`{key}` should be a number without quotes, with a decimal point{hint}"
                    ),
                );
                None
            }
            other => {
                diags.error(
                    offset,
                    format!("`{key}` should be a number, found {}", type_name(&other)),
                );
                None
            }
        }
    }

    /// One of a fixed set of words.
    pub fn choice(
        &mut self,
        key: &'static str,
        choices: &[&'static str],
        required: bool,
        diags: &mut Diags,
    ) -> Option<At<&'static str>> {
        let example = format!("\"{}\"", choices.first().copied().unwrap_or_default());
        let text = self.text(key, required.then_some(example.as_str()), diags)?;
        if let Some(choice) = choices.iter().find(|c| **c == text.value) {
            return Some(At {
                value: choice,
                offset: text.offset,
            });
        }
        let list = quoted_list(choices);
        let hint = suggestion(&text.value, choices.iter().copied());
        diags.error(
            text.offset,
            format!(
                "`{key}` cannot be \"{}\"; write one of {list}{hint}",
                text.value
            ),
        );
        None
    }

    /// A list of texts.
    pub fn text_list(&mut self, key: &'static str, diags: &mut Diags) -> Option<Vec<At<String>>> {
        let items = self.list(key, diags)?;
        let mut out = Vec::new();
        for mut item in items {
            let offset = item.span.start;
            match item.take() {
                ValueInner::String(s) => out.push(At {
                    value: s.into_owned(),
                    offset,
                }),
                other => diags.error(
                    offset,
                    format!(
                        "each item of `{key}` should be text in quotes, found {}",
                        type_name(&other)
                    ),
                ),
            }
        }
        Some(out)
    }

    /// A list of any values, for the caller to read.
    pub fn list(&mut self, key: &'static str, diags: &mut Diags) -> Option<Vec<Value<'de>>> {
        let mut value = self.take(key)?;
        let offset = value.span.start;
        match value.take() {
            ValueInner::Array(items) => Some(items),
            other => {
                diags.error(
                    offset,
                    format!(
                        "`{key}` should be a list in square brackets, found {}",
                        type_name(&other)
                    ),
                );
                None
            }
        }
    }

    /// Reports the keys nobody asked for. `elsewhere` gives a message of its own for keys it
    /// recognises (a key that belongs in another table, a misspelt table name).
    pub fn finish(self, elsewhere: &dyn Fn(&str) -> Option<String>, diags: &mut Diags) {
        let mut keys: Vec<_> = self.table.into_keys().collect();
        keys.sort_by_key(|k| k.span.start);
        for (key, message) in &self.missing {
            let typo = keys.iter().any(|k| {
                super::problem::did_you_mean(&k.name, self.known.iter().copied()) == Some(*key)
            });
            if !typo {
                diags.error(self.offset, message.clone());
            }
        }
        for key in keys {
            let name = key.name.as_ref();
            let message = match elsewhere(name) {
                Some(message) => message,
                None => format!(
                    "unknown key `{name}` in {}{}",
                    self.context,
                    suggestion(name, self.known.iter().copied())
                ),
            };
            diags.error(key.span.start, message);
        }
    }
}

/// `"a", "b" or "c"`.
pub(crate) fn quoted_list(choices: &[&str]) -> String {
    let quoted: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}
