//! `huddle pin set` and `huddle pin clear`: the facilitator PIN's hash in the config file.

use std::io::{BufRead as _, IsTerminal as _};
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

/// Asks for a PIN twice (hidden on a terminal; one line on stdin for scripts), hashes it with
/// argon2 and writes the hash to `[facilitator] pin_hash` in the config file, keeping the rest
/// of the file (comments included) as it was.
pub fn set(config: &Path) -> anyhow::Result<ExitCode> {
    let pin = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New facilitator PIN (4 to 8 digits): ")?;
        let again = rpassword::prompt_password("The same PIN again: ")?;
        if first != again {
            bail!("the two PINs differ; nothing was changed");
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line
    };
    let hash = crate::facilitator::hash_pin(pin.trim())?;
    write_hash(config, Some(&hash))?;
    println!(
        "facilitator PIN set in {} (restart the kiosk to use it)",
        config.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Removes the PIN's hash from the config file: facilitator mode then opens with a tap.
pub fn clear(config: &Path) -> anyhow::Result<ExitCode> {
    write_hash(config, None)?;
    println!(
        "facilitator PIN removed from {}: anyone can open facilitator mode until one is set",
        config.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Sets or removes `[facilitator] pin_hash`.
fn write_hash(config: &Path, hash: Option<&str>) -> anyhow::Result<()> {
    crate::config::update_file(config, |doc| {
        match hash {
            Some(hash) => {
                if !doc.contains_table("facilitator") {
                    doc.insert(
                        "facilitator",
                        toml_edit::Item::Table(toml_edit::Table::new()),
                    );
                }
                let table = doc["facilitator"]
                    .as_table_mut()
                    .ok_or("`facilitator` must be a table ([facilitator])")?;
                table.insert("pin_hash", toml_edit::value(hash));
            }
            None => {
                if let Some(table) = doc
                    .get_mut("facilitator")
                    .and_then(toml_edit::Item::as_table_mut)
                {
                    table.remove("pin_hash");
                }
            }
        }
        Ok(())
    })
    .map_err(anyhow::Error::msg)
}
