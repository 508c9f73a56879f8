//! `huddle schema`: the JSON Schema of board files, for editors.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::T;
use crate::model::Lang;

/// Prints the schema, or writes it to `output`. Exit 1 when the file cannot be written.
pub(super) fn run(output: Option<&Path>, lang: Lang) -> anyhow::Result<ExitCode> {
    let text = serde_json::to_string_pretty(&crate::layout::board_schema())? + "\n";
    let Some(path) = output else {
        std::io::stdout().lock().write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    match crate::disk::write_atomic(path, text.as_bytes(), false) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(err) => {
            eprintln!(
                "{}",
                T::SchemaNotWritten.with(lang, &[("path", &path.display()), ("err", &err)])
            );
            Ok(ExitCode::from(1))
        }
    }
}
