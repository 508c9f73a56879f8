//! Problems found in board files, located by file, line and column.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors keep a board from loading, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The board cannot be shown as written.
    Error,
    /// The board loads, but something is probably not what the facilitator meant.
    Warning,
}

/// One problem in one board file, with its position and a message that says what to write.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The board file.
    pub file: PathBuf,
    /// Line, counted from 1.
    pub line: usize,
    /// Column in characters, counted from 1.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and what to write instead.
    pub message: String,
    /// The same in French.
    pub message_fr: String,
}

impl Problem {
    /// Is this an error (as opposed to a warning)?
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The problem as `file:line:column: message` in `lang`.
    pub fn in_lang(&self, lang: crate::model::Lang) -> String {
        match lang {
            crate::model::Lang::Fr => self.to_string_fr(),
            crate::model::Lang::En => self.to_string(),
        }
    }

    /// The problem as `file:line:column: message` in French, for French boards' banners.
    pub fn to_string_fr(&self) -> String {
        let warning = if self.severity == Severity::Warning {
            "avertissement : "
        } else {
            ""
        };
        format!(
            "{}:{}:{} : {warning}{}",
            self.file.display(),
            self.line,
            self.column,
            self.message_fr
        )
    }
}

/// A message in both languages of the boards.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Msg {
    pub en: String,
    pub fr: String,
}

impl Msg {
    /// A problem's message from a text, in both languages.
    pub fn text(text: crate::i18n::T, args: &[(&str, &dyn std::fmt::Display)]) -> Self {
        Self {
            en: shorten_quotes(text.with(crate::model::Lang::En, args)),
            fr: shorten_quotes(text.with(crate::model::Lang::Fr, args)),
        }
    }

    /// A problem's message from a text with arguments worded in each language (`both`: name,
    /// French, English) besides those that read the same in both (`args`).
    pub fn text_both(
        text: crate::i18n::T,
        args: &[(&str, &dyn std::fmt::Display)],
        both: &[(&str, &str, &str)],
    ) -> Self {
        use crate::model::Lang;
        let words = |lang: Lang| {
            let mut all: Vec<(&str, &dyn std::fmt::Display)> = args.to_vec();
            for (name, fr, en) in both {
                all.push((name, if lang == Lang::Fr { fr } else { en }));
            }
            shorten_quotes(text.with(lang, &all))
        };
        Self {
            en: words(Lang::En),
            fr: words(Lang::Fr),
        }
    }

    #[cfg(test)]
    fn new(en: impl Into<String>, fr: impl Into<String>) -> Self {
        Self {
            en: shorten_quotes(en.into()),
            fr: shorten_quotes(fr.into()),
        }
    }
}

/// The longest piece of the file a message quotes (a key, a value), in characters.
const QUOTE_MAX: usize = 60;

/// Cuts every piece a message quotes from the file (between backticks, double quotes or
/// French quotes) to [`QUOTE_MAX`] characters, so that a key or a value of a megabyte gives a
/// message of a line.
fn shorten_quotes(message: String) -> String {
    if message.chars().count() <= QUOTE_MAX * 2 {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(1024));
    let mut rest = message.as_str();
    while let Some(open) = rest.find(['`', '"', '«']) {
        let quote = rest[open..].chars().next().unwrap_or('`');
        let close = if quote == '«' { '»' } else { quote };
        let after = open + quote.len_utf8();
        out.push_str(&rest[..after]);
        match rest[after..].find(close) {
            Some(len) => {
                let inner = &rest[after..after + len];
                out.push_str(&crate::disk::excerpt(inner, QUOTE_MAX));
                out.push(close);
                rest = &rest[after + len + close.len_utf8()..];
            }
            None => {
                out.push_str(&crate::disk::excerpt(&rest[after..], QUOTE_MAX));
                return out;
            }
        }
    }
    out.push_str(rest);
    out
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file.display(), self.line, self.column)?;
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A problem found while reading one file, before it is placed by line and column.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Diag {
    /// Byte offset in the file.
    pub offset: usize,
    pub severity: Severity,
    pub message: Msg,
}

/// Collects the problems of one file.
#[derive(Default)]
pub(crate) struct Diags {
    pub list: Vec<Diag>,
}

impl Diags {
    pub fn error(&mut self, offset: usize, message: Msg) {
        self.list.push(Diag {
            offset,
            severity: Severity::Error,
            message,
        });
    }

    pub fn warning(&mut self, offset: usize, message: Msg) {
        self.list.push(Diag {
            offset,
            severity: Severity::Warning,
            message,
        });
    }

    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Turns byte offsets of one file's text into 1-based lines and character columns.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, starts }
    }

    /// Line and column (both from 1) of a byte offset; offsets past the end or inside a
    /// character are clamped to the nearest character boundary before them.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        (line, column)
    }

    pub fn problem(&self, file: &Path, diag: Diag) -> Problem {
        let (line, column) = self.position(diag.offset);
        Problem {
            file: file.to_owned(),
            line,
            column,
            severity: diag.severity,
            message: diag.message.en,
            message_fr: diag.message.fr,
        }
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo
/// (at most one edit in three letters, a swap of two letters counting as one edit).
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let allowed = word.chars().count().div_ceil(3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(&word.to_lowercase(), c), c))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// ", did you mean `x`?" when a close candidate exists, in both languages.
pub(crate) fn suggestion<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Msg {
    match did_you_mean(word, candidates) {
        Some(c) => Msg::text(crate::i18n::T::DidYouMean, &[("c", &c)]),
        None => Msg::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_pieces_of_a_file_are_cut_in_messages() {
        let key = "warning_day_".repeat(200);
        let msg = Msg::new(
            format!("unknown key `{key}`; did you mean `warning`?"),
            format!("clé « {key} » inconnue"),
        );
        assert!(msg.en.chars().count() < 200, "{}", msg.en);
        assert!(msg.en.ends_with("; did you mean `warning`?"), "{}", msg.en);
        assert!(msg.en.contains("more characters)`"), "{}", msg.en);
        assert!(msg.fr.chars().count() < 200, "{}", msg.fr);
        let short = "unknown key `colour`; did you mean `color`?";
        assert_eq!(Msg::new(short, short).en, short);
    }

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let text = "a = 1\nété = \"x\"\n\nz";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(4), (1, 5));
        assert_eq!(index.position(6), (2, 1));
        // `=` after "été " is the 5th character but the 8th byte of line 2.
        let eq = text.find("= \"x").unwrap_or_default();
        assert_eq!(index.position(eq), (2, 5));
        assert_eq!(index.position(text.len()), (4, 2));
        assert_eq!(index.position(10_000), (4, 2));
    }

    #[test]
    fn suggestions_only_for_close_words() {
        assert_eq!(did_you_mean("targte", ["target", "unit"]), Some("target"));
        assert_eq!(did_you_mean("colour", ["column", "row"]), None);
    }
}
