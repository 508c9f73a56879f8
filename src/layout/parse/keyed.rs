//! A table of a board file read against its keys in the format table (`layout::format`): a
//! key is read by its name alone, and its shape, range, words and whether it must be written
//! come from the table. A key the table does not give this table cannot be read: it stays
//! unknown, and is reported as such.

use toml_span::value::{Table, Value};

use super::super::format::{Key, Lit, Need, Shape};
use super::super::problem::{Diags, Msg};
use super::super::read::{At, Context, TableReader};

/// One table of a board file, with the keys the format gives it.
pub(crate) struct Keyed<'de> {
    reader: TableReader<'de>,
    keys: Vec<&'static [Key]>,
    /// The words read so far, for keys required unless another is a given word.
    chosen: Vec<(&'static str, &'static str)>,
}

impl<'de> Keyed<'de> {
    /// Reads `value` as a table of these keys, or reports that a table was expected.
    pub fn new(
        value: Value<'de>,
        context: Context,
        keys: &'static [Key],
        diags: &mut Diags,
    ) -> Option<Self> {
        TableReader::new(value, context, diags).map(|reader| Self::of(reader, keys))
    }

    /// A table already taken apart, at `offset`.
    pub fn from_table(
        table: Table<'de>,
        offset: usize,
        context: Context,
        keys: &'static [Key],
    ) -> Self {
        Self::of(TableReader::from_table(table, offset, context), keys)
    }

    fn of(reader: TableReader<'de>, keys: &'static [Key]) -> Self {
        Self {
            reader,
            keys: vec![keys],
            chosen: Vec::new(),
        }
    }

    /// Adds keys this table may also hold (a section's kind's own).
    pub fn with(&mut self, keys: &'static [Key]) {
        self.keys.push(keys);
    }

    /// Where the table starts.
    pub fn offset(&self) -> usize {
        self.reader.offset
    }

    /// How problems name this table.
    pub fn context(&self) -> &Context {
        &self.reader.context
    }

    /// Names the table in problems from now on.
    pub fn set_context(&mut self, context: Context) {
        self.reader.context = context;
    }

    /// The key of this name in the format, if this table has one.
    fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys
            .iter()
            .flat_map(|keys| keys.iter())
            .find(|k| k.name == name)
    }

    /// What the reader's message offers to write when the key is required and missing.
    fn example(&self, key: &Key) -> Option<&'static str> {
        match key.need {
            Need::Optional => None,
            Need::Required(example) => Some(example),
            Need::RequiredUnless {
                key,
                value,
                example,
            } => (!self.chosen.contains(&(key, value))).then_some(example),
        }
    }

    /// Whether the key is written (without taking it).
    pub fn has(&self, name: &str) -> bool {
        self.reader.has(name)
    }

    /// Takes a key's value as written, for the caller to read.
    pub fn take(&mut self, name: &str) -> Option<Value<'de>> {
        let key = self.key(name)?;
        self.reader.take(key.name)
    }

    /// A text (any shape written as text in quotes).
    pub fn text(&mut self, name: &str, diags: &mut Diags) -> Option<At<String>> {
        let key = self.key(name)?;
        match key.shape {
            Shape::Text
            | Shape::Filled
            | Shape::Id
            | Shape::Usual(_)
            | Shape::Time
            | Shape::Date => {
                let example = self.example(key);
                self.reader.text(key.name, example, diags)
            }
            _ => None,
        }
    }

    /// One of the key's words.
    pub fn choice(&mut self, name: &str, diags: &mut Diags) -> Option<At<&'static str>> {
        let key = self.key(name)?;
        let Shape::Choice(words) = key.shape else {
            return None;
        };
        let required = self.example(key).is_some();
        let chosen = self.reader.choice(key.name, words, required, diags);
        if let Some(word) = &chosen {
            self.chosen.push((key.name, word.value));
        }
        chosen
    }

    /// A whole number within the key's range.
    pub fn whole(&mut self, name: &str, diags: &mut Diags) -> Option<At<u32>> {
        let key = self.key(name)?;
        let Shape::Whole(min, max) = key.shape else {
            return None;
        };
        let example = self.example(key);
        self.reader.whole(key.name, (min, max), example, diags)
    }

    /// A whole number within the key's range, or its default when it is not written (or
    /// cannot be read: the problem is reported).
    pub fn whole_or_default(&mut self, name: &str, diags: &mut Diags) -> Option<u32> {
        let default = match self.key(name)?.default {
            Some(Lit::Whole(n)) => Some(n),
            _ => None,
        };
        self.whole(name, diags).map(|w| w.value).or(default)
    }

    /// A number, whole or with decimals.
    pub fn number(&mut self, name: &str, diags: &mut Diags) -> Option<At<f64>> {
        let key = self.key(name)?;
        let Shape::Number = key.shape else {
            return None;
        };
        let example = self.example(key);
        self.reader.number(key.name, example, diags)
    }

    /// `true` or `false`, or the key's default when it is not written.
    pub fn flag_or_default(&mut self, name: &str, diags: &mut Diags) -> Option<bool> {
        let key = self.key(name)?;
        let Shape::Flag = key.shape else {
            return None;
        };
        let default = match key.default {
            Some(Lit::Flag(b)) => Some(b),
            _ => None,
        };
        self.reader
            .flag(key.name, diags)
            .map(|f| f.value)
            .or(default)
    }

    /// A list of texts.
    pub fn text_list(&mut self, name: &str, diags: &mut Diags) -> Option<Vec<At<String>>> {
        let key = self.key(name)?;
        match key.shape {
            Shape::List {
                item: Shape::Text | Shape::Filled,
                ..
            } => self.reader.text_list(key.name, diags),
            _ => None,
        }
    }

    /// A list of any values, for the caller to read.
    pub fn list(&mut self, name: &str, diags: &mut Diags) -> Option<Vec<Value<'de>>> {
        let key = self.key(name)?;
        let Shape::List { .. } = key.shape else {
            return None;
        };
        self.reader.list(key.name, diags)
    }

    /// Marks every key of these as known without reading it, and drops them (the settings of
    /// a section whose kind is unknown: they are not reported on top of it).
    pub fn skip(&mut self, keys: &'static [Key]) {
        let names: Vec<&'static str> = keys.iter().map(|k| k.name).collect();
        self.reader.know(&names);
        for name in names {
            self.reader.take(name);
        }
    }

    /// Reports the keys nobody asked for (see [`TableReader::finish`]).
    pub fn finish(self, elsewhere: &dyn Fn(&str) -> Option<Msg>, diags: &mut Diags) {
        self.reader.finish(elsewhere, diags);
    }
}
