//! What the Debian package carries besides the program: manual pages made from the command
//! line's own definition (one for `huddle`, one for each command), so that they cannot say
//! other than `huddle --help`; a changelog whose latest entry is this version; and a
//! machine-readable copyright file. `tests/deb-install.sh` runs lintian on the package.
//!
//! `UPDATE_MAN=1 cargo test --test packaging` writes `packaging/man/` from the code instead of
//! comparing it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::CommandFactory as _;

fn packaging() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging")
}

/// The `.1` files of a folder, by name.
fn pages_in(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "1"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The pages of the command line as it is defined now.
fn generated() -> BTreeMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    clap_mangen::generate_to(huddle::cli::Cli::command(), dir.path()).expect("pages written");
    pages_in(dir.path())
}

#[test]
fn the_manual_pages_are_made_from_the_command_line() {
    let generated = generated();
    let man = packaging().join("man");
    if std::env::var_os("UPDATE_MAN").is_some_and(|v| v == "1") {
        for name in pages_in(&man).keys() {
            std::fs::remove_file(man.join(name)).unwrap();
        }
        std::fs::create_dir_all(&man).unwrap();
        for (name, text) in &generated {
            std::fs::write(man.join(name), text).unwrap();
        }
    }
    let committed = pages_in(&man);
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        generated.keys().collect::<Vec<_>>(),
        "packaging/man/ is not the command line's pages: run UPDATE_MAN=1 cargo test --test packaging"
    );
    for (name, text) in &generated {
        assert!(
            committed[name] == *text,
            "packaging/man/{name} is not the command line's page: run \
             UPDATE_MAN=1 cargo test --test packaging"
        );
    }
}

#[test]
fn every_command_has_its_page_and_the_main_page_lists_them() {
    let pages = generated();
    let main = &pages["huddle.1"];
    assert!(main.contains(".TH huddle 1 "), "{main}");
    assert!(main.contains(&format!("huddle {}", env!("CARGO_PKG_VERSION"))));
    for command in huddle::cli::Cli::command().get_subcommands() {
        if command.is_hide_set() {
            continue;
        }
        let page = format!("huddle-{}.1", command.get_name());
        assert!(pages.contains_key(&page), "{page}");
        assert!(
            main.contains(&format!("huddle\\-{}(1)", command.get_name())),
            "{page} listed"
        );
    }
    assert!(pages["huddle-schema.1"].contains("\\-\\-output"));
}

#[test]
fn the_changelog_is_for_this_version() {
    let text = std::fs::read_to_string(packaging().join("debian/changelog")).unwrap();
    let first = text.lines().next().unwrap_or_default();
    // cargo-deb makes the package's version `<Cargo version>-1`.
    assert!(
        first.starts_with(&format!("huddle ({}-1) ", env!("CARGO_PKG_VERSION"))),
        "the latest entry of packaging/debian/changelog is for this version: {first}"
    );
    // The trailer line of each entry: " -- Name <email>  Day, DD Mon YYYY HH:MM:SS +ZZZZ".
    let trailer = text
        .lines()
        .find(|l| l.starts_with(" -- "))
        .expect("a trailer");
    let (who, when) = trailer[4..]
        .split_once("  ")
        .expect("two spaces before the date");
    assert!(who.contains('<') && who.ends_with('>'), "{who}");
    chrono::DateTime::parse_from_rfc2822(when).expect("an RFC 2822 date");
}

#[test]
fn the_copyright_file_is_machine_readable_and_covers_the_licence() {
    let text = std::fs::read_to_string(packaging().join("debian/copyright")).unwrap();
    assert!(text.starts_with(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    ));
    assert!(text.contains("\nUpstream-Name: huddle\n"));
    // Cargo.toml's licence, in the copyright format's words, each with its own paragraph.
    let license = env!("CARGO_PKG_LICENSE").replace(" OR ", " or ");
    assert!(text.contains("\nFiles: *\nCopyright: "), "{text}");
    assert!(
        text.contains(&format!("\nLicense: {license}\n")),
        "{license}"
    );
    for name in license.split(" or ") {
        assert!(text.contains(&format!("\nLicense: {name}\n ")), "{name}");
    }
}
