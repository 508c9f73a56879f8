//! A small reader over the spanned TOML tree of `toml-span` that collects every problem of a
//! file instead of stopping at the first, with messages written for a facilitator, in English
//! and in French.

use crate::i18n::T;
use toml_span::value::{Table, Value, ValueInner};

use super::problem::{Diags, Msg, suggestion};

/// A value with the byte offset where it was written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct At<T> {
    pub value: T,
    pub offset: usize,
}

/// How problems name a table, in both languages: "[board]", "section `delai`".
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Context {
    pub en: String,
    pub fr: String,
}

impl Context {
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            fr: fr.into(),
        }
    }
}

/// One TOML table being read: keys are taken one by one; what is left at the end is unknown.
pub(crate) struct TableReader<'de> {
    table: Table<'de>,
    /// Offset of the table (its header, or its first key).
    pub offset: usize,
    /// How problems name this table.
    pub context: Context,
    known: Vec<&'static str>,
    /// Required keys not written, with the message to give unless a typo explains them.
    missing: Vec<(&'static str, Msg)>,
}

/// The TOML type of a value, in words.
fn type_name(value: &ValueInner<'_>) -> (&'static str, &'static str) {
    match value {
        ValueInner::String(_) => ("text", "du texte"),
        ValueInner::Integer(_) => ("a whole number", "un nombre entier"),
        ValueInner::Float(_) => ("a number", "un nombre"),
        ValueInner::Boolean(_) => ("true or false", "vrai ou faux"),
        ValueInner::Array(_) => ("a list", "une liste"),
        ValueInner::Table(_) => ("a table", "une table"),
    }
}

impl<'de> TableReader<'de> {
    /// Reads `value` as a table, or reports that a table was expected.
    pub fn new(mut value: Value<'de>, context: Context, diags: &mut Diags) -> Option<Self> {
        let offset = value.span.start;
        match value.take() {
            ValueInner::Table(table) => Some(Self::from_table(table, offset, context)),
            other => {
                let (en, fr) = type_name(&other);
                diags.error(
                    offset,
                    Msg::text_both(
                        T::ContextShouldBeATableFound,
                        &[],
                        &[("context", &*context.fr, &*context.en), ("found", fr, en)],
                    ),
                );
                None
            }
        }
    }

    pub fn from_table(table: Table<'de>, offset: usize, context: Context) -> Self {
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
        let message = Msg::text_both(
            T::MissingKey,
            &[("example", &example), ("key", &key)],
            &[("context", &*self.context.fr, &*self.context.en)],
        );
        self.missing.push((key, message));
    }

    /// Takes a key, or notes it missing when it is required.
    fn take_or_miss(&mut self, key: &'static str, required: Option<&str>) -> Option<Value<'de>> {
        let value = self.take(key);
        if value.is_none()
            && let Some(example) = required
        {
            self.missing(key, example);
        }
        value
    }

    /// A text value.
    pub fn text(
        &mut self,
        key: &'static str,
        required: Option<&str>,
        diags: &mut Diags,
    ) -> Option<At<String>> {
        let mut value = self.take_or_miss(key, required)?;
        let offset = value.span.start;
        match value.take() {
            ValueInner::String(s) => Some(At {
                value: s.into_owned(),
                offset,
            }),
            other => {
                let (en, fr) = type_name(&other);
                let (hint_en, hint_fr) = match &other {
                    ValueInner::Integer(i) => (
                        format!("; put it in quotes: {key} = \"{i}\""),
                        format!(" ; mettez-le entre guillemets : {key} = \"{i}\""),
                    ),
                    _ => (String::new(), String::new()),
                };
                diags.error(
                    offset,
                    Msg::text_both(
                        T::KeyShouldBeTextInQuotes,
                        &[("key", &key)],
                        &[("found", fr, en), ("hint", &*hint_fr, &*hint_en)],
                    ),
                );
                None
            }
        }
    }

    /// `true` or `false`.
    pub fn flag(&mut self, key: &'static str, diags: &mut Diags) -> Option<At<bool>> {
        let mut value = self.take(key)?;
        let offset = value.span.start;
        match value.take() {
            ValueInner::Boolean(b) => Some(At { value: b, offset }),
            other => {
                let (en, fr) = type_name(&other);
                let hint = match &other {
                    ValueInner::String(s)
                        if matches!(s.trim(), "true" | "false" | "vrai" | "faux") =>
                    {
                        let b = matches!(s.trim(), "true" | "vrai");
                        format!("{key} = {b}")
                    }
                    _ => format!("{key} = true"),
                };
                diags.error(
                    offset,
                    Msg::text_both(
                        T::KeyShouldBeTrueOrFalse,
                        &[("hint", &hint), ("key", &key)],
                        &[("found", fr, en)],
                    ),
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
        let mut value = self.take_or_miss(key, required)?;
        let offset = value.span.start;
        let message = match value.take() {
            ValueInner::Integer(i) if (i64::from(min)..=i64::from(max)).contains(&i) => {
                return Some(At {
                    value: u32::try_from(i).unwrap_or(min),
                    offset,
                });
            }
            ValueInner::Integer(i) => Msg::text(
                T::WholeNumberOutOfRange,
                &[("found", &i), ("key", &key), ("max", &max), ("min", &min)],
            ),
            ValueInner::Float(f) => Msg::text(
                T::WholeNumberHasDecimals,
                &[("found", &f), ("key", &key), ("max", &max), ("min", &min)],
            ),
            ValueInner::String(s) if s.trim().parse::<i64>().is_ok() => {
                Msg::text(T::NumberInQuotes, &[("key", &key), ("value", &s.trim())])
            }
            other => {
                let (en, fr) = type_name(&other);
                Msg::text_both(
                    T::KeyShouldBeAWholeNumber,
                    &[("key", &key), ("max", &max), ("min", &min)],
                    &[("found", fr, en)],
                )
            }
        };
        diags.error(offset, message);
        None
    }

    /// A number, whole or with decimals.
    pub fn number(
        &mut self,
        key: &'static str,
        required: Option<&str>,
        diags: &mut Diags,
    ) -> Option<At<f64>> {
        let mut value = self.take_or_miss(key, required)?;
        let offset = value.span.start;
        let message = match value.take() {
            ValueInner::Integer(i) => {
                return Some(At {
                    value: i as f64,
                    offset,
                });
            }
            ValueInner::Float(f) if f.is_finite() => return Some(At { value: f, offset }),
            ValueInner::String(s) => {
                let number = |t: &str| t.trim().replace(',', ".").parse::<f64>().ok();
                let percent = s.trim().strip_suffix('%').and_then(number);
                match (number(&s), percent) {
                    (Some(n), _) => Msg::text(T::NumberInQuotes, &[("key", &key), ("value", &n)]),
                    (None, Some(n)) => {
                        Msg::text(T::PercentInNumber, &[("key", &key), ("value", &n)])
                    }
                    (None, None) => Msg::text(T::NotANumberInFile, &[("key", &key)]),
                }
            }
            other => {
                let (en, fr) = type_name(&other);
                Msg::text_both(
                    T::KeyShouldBeANumberFound,
                    &[("key", &key)],
                    &[("found", fr, en)],
                )
            }
        };
        diags.error(offset, message);
        None
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
        let hint = suggestion(&text.value, choices.iter().copied());
        diags.error(
            text.offset,
            Msg::text_both(
                T::NotOneOfTheChoices,
                &[("key", &key), ("value", &text.value)],
                &[
                    ("hint", &*hint.fr, &*hint.en),
                    (
                        "choices",
                        &*quoted_list(choices, "ou"),
                        &*quoted_list(choices, "or"),
                    ),
                ],
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
                other => {
                    let (en, fr) = type_name(&other);
                    diags.error(
                        offset,
                        Msg::text_both(
                            T::EachItemOfKeyShouldBe,
                            &[("key", &key)],
                            &[("found", fr, en)],
                        ),
                    );
                }
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
                let (en, fr) = type_name(&other);
                diags.error(
                    offset,
                    Msg::text_both(
                        T::KeyShouldBeAListIn,
                        &[("key", &key)],
                        &[("found", fr, en)],
                    ),
                );
                None
            }
        }
    }

    /// Reports the keys nobody asked for. `elsewhere` gives a message of its own for keys it
    /// recognises (a key that belongs in another table, a misspelt table name).
    pub fn finish(self, elsewhere: &dyn Fn(&str) -> Option<Msg>, diags: &mut Diags) {
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
            let message = elsewhere(name).unwrap_or_else(|| {
                let hint = suggestion(name, self.known.iter().copied());
                Msg::text_both(
                    T::UnknownKey,
                    &[("name", &name)],
                    &[
                        ("context", &self.context.fr, &self.context.en),
                        ("hint", &*hint.fr, &*hint.en),
                    ],
                )
            });
            diags.error(key.span.start, message);
        }
    }
}

/// `"a", "b" or "c"`.
pub(crate) fn quoted_list(choices: &[&str], or: &str) -> String {
    let quoted: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {or} {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}
