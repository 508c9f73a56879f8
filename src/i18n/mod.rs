//! Every word the kiosk shows, in French and English.
//!
//! Each text is one [`T`] variant whose match arm holds both languages, so a text cannot exist
//! in one language only: the compiler refuses a missing arm.

use chrono::{Datelike as _, NaiveDate, NaiveDateTime};

use crate::model::{Lang, Level};

pub use texts::{T, tr};

mod texts;

/// Why the store refused to write, in the screen's language (the refusals a person at the
/// screen can act on; others as the store words them).
pub fn store_error(lang: Lang, error: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    match (lang, error) {
        (Lang::Fr, E::DiskFull(dir)) => format!(
            "le disque de {} est plein : rien ne peut être enregistré avant qu'on y libère de la place ; le tableau reste affiché tel quel",
            dir.display()
        ),
        (Lang::Fr, E::Replaced { path, .. }) => format!(
            "{} n'est plus la base de données ouverte par ce kiosque (un autre fichier a été mis à sa place) ; rien n'y est écrit. Redémarrez le kiosque une fois le bon fichier remis",
            path.display()
        ),
        (Lang::Fr, E::Refused(crate::model::Refused::TooLong(long))) => format!(
            "texte trop long : {} caractères, {} au plus",
            long.found, long.max
        ),
        (Lang::Fr, E::Refused(crate::model::Refused::ClientName(_))) => {
            tr(Lang::Fr, T::LooksLikeAName).to_owned()
        }
        (_, e) => e.to_string(),
    }
}

/// Why an input was refused, in the screen's language.
pub fn input_error(lang: Lang, error: &crate::model::InputError) -> String {
    use crate::model::InputError as E;
    match (lang, error) {
        (Lang::Fr, E::NotANumber(t)) => format!(
            "« {t} » n'est pas un nombre : tapez des chiffres, avec une virgule pour les décimales (12,5)"
        ),
        (Lang::Fr, E::NotADate(t)) => format!("« {t} » n'est pas une date"),
        (Lang::Fr, E::Empty(what)) => format!(
            "Le champ « {} » est vide : écrivez quelques mots",
            field_fr(what)
        ),
        (Lang::Fr, E::OutOfRange(t)) => t.clone(),
        (Lang::Fr, E::LooksLikeAName(_)) => tr(Lang::Fr, T::LooksLikeAName).to_owned(),
        (Lang::En, E::LooksLikeAName(_)) => tr(Lang::En, T::LooksLikeAName).to_owned(),
        (Lang::Fr, E::TooLong(long)) => format!(
            "Texte trop long : {} caractères, {} au plus ; raccourcissez-le",
            long.found, long.max
        ),
        (Lang::Fr, E::WrongSection { section, .. } | E::NoSection { section, .. }) => {
            format!("Section « {section} » introuvable")
        }
        (Lang::En, e) => e.to_string(),
    }
}

fn field_fr(what: &str) -> &str {
    match what {
        "action" => "Quoi",
        "idea" => "Idée",
        "escalation" => "Quoi",
        "reason" => "Pourquoi",
        "answer" => "Réponse",
        "client code" => "Code d'usager",
        "note" => "Texte",
        "date" => "Date",
        other => other,
    }
}

/// Who made a change, as the screen says it: changes made with nobody chosen are the kiosk's.
pub fn author(lang: Lang, by: &str) -> &str {
    match by {
        "kiosk" => tr(lang, T::TheKiosk),
        "—" => tr(lang, T::Anonymous),
        other => other,
    }
}

/// The name of a face of the mood scale, 0 (worst) to 4 (best): the faces' accessible names.
pub fn mood_name(lang: Lang, level: u8) -> &'static str {
    let fr = ["Mal", "Pas bien", "Moyen", "Bien", "Très bien"];
    let en = ["Bad", "Not good", "So-so", "Good", "Very good"];
    let i = usize::from(level.min(4));
    match lang {
        Lang::Fr => fr[i],
        Lang::En => en[i],
    }
}

/// The name of a hierarchical level.
pub fn level_name(lang: Lang, level: &Level) -> String {
    let (fr, en) = match level {
        Level::Team => ("Équipe", "Team"),
        Level::Manager => ("Gestion", "Manager"),
        Level::Director => ("Direction", "Director"),
        Level::Steering => ("Comité directeur", "Steering committee"),
        Level::Other(name) => return name.clone(),
    };
    match lang {
        Lang::Fr => fr.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// A date as people write it on a board: "lun. 23 nov." / "Mon 23 Nov". (The `fr_FR` tables
/// abbreviate with a period, as the Office québécois de la langue française does; `fr_CA` does not.)
pub fn short_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date
            .format_localized("%a %-d %b", chrono::Locale::fr_FR)
            .to_string(),
        Lang::En => date.format("%a %-d %b").to_string(),
    }
}

/// The day and month, for chart axes: "23 nov." / "23 Nov".
pub fn day_month(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date
            .format_localized("%-d %b", chrono::Locale::fr_FR)
            .to_string(),
        Lang::En => date.format("%-d %b").to_string(),
    }
}

/// The month and year: "novembre 2026" / "November 2026".
pub fn month_year(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date
            .format_localized("%B %Y", chrono::Locale::fr_FR)
            .to_string(),
        Lang::En => date.format("%B %Y").to_string(),
    }
}

/// One-letter day names for calendar headers, Monday first.
pub fn weekday_letters(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Fr => ["L", "M", "M", "J", "V", "S", "D"],
        Lang::En => ["M", "T", "W", "T", "F", "S", "S"],
    }
}

/// Time of day: "08:30" in both languages (Québec writes 8 h 30, boards keep it short).
/// How many other screens share this board's data: "2 autres écrans" / "1 other screen".
pub fn other_screens(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "aucun autre écran".to_owned(),
        (Lang::En, 0) => "no other screen".to_owned(),
        (Lang::Fr, 1) => "1 autre écran".to_owned(),
        (Lang::Fr, n) => format!("{n} autres écrans"),
        (Lang::En, 1) => "1 other screen".to_owned(),
        (Lang::En, n) => format!("{n} other screens"),
    }
}

/// Why sync stopped and what to do, in the board's language.
pub fn sync_refusal(lang: Lang, refusal: crate::sync::Refusal) -> &'static str {
    use crate::sync::Refusal;
    let (fr, en) = match refusal {
        Refusal::FolderReset => (
            "le dossier partagé semble vide ou recréé alors que cet écran y avait publié. Rien n'y est fait tant que le service informatique n'a pas vérifié (huddle sync status). Ce qui est saisi ici est gardé.",
            "the shared folder looks empty or re-created although this screen had published there. Nothing is done there until IT has checked (huddle sync status). What is entered here is kept.",
        ),
        Refusal::DuplicateDevice => (
            "un autre ordinateur écrit avec l'identité de cet écran (dossier de données copié ?). Le service informatique doit lui en donner une nouvelle (huddle sync --new-device-id). Ce qui est saisi ici est gardé.",
            "another computer writes with this screen's identity (a copied data folder?). IT must give it a new one (huddle sync --new-device-id). What is entered here is kept.",
        ),
        Refusal::DatabaseInShare => (
            "la base de données est dans le dossier partagé, où elle serait abîmée. Le service informatique doit la garder sur le disque de cet ordinateur (--data-dir).",
            "the database is inside the shared folder, where it would be damaged. IT must keep it on this computer's disk (--data-dir).",
        ),
        Refusal::TooNew => (
            "le dossier partagé vient d'une version plus récente de Huddle : installez-la. Ce qui est saisi ici est gardé.",
            "the shared folder comes from a newer Huddle: install it. What is entered here is kept.",
        ),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The PIN pad's answer to a wrong PIN.
pub fn wrong_pin(lang: Lang, left: u32, wait: chrono::Duration) -> String {
    let minutes = wait.num_minutes().max(1);
    match (lang, minutes) {
        (Lang::Fr, 1) => {
            format!("NIP incorrect — encore {left} essai(s) avant une pause d'une minute")
        }
        (Lang::Fr, m) => {
            format!("NIP incorrect — encore {left} essai(s) avant une pause de {m} minutes")
        }
        (Lang::En, 1) => format!("Wrong PIN — {left} more try(ies) before a one-minute wait"),
        (Lang::En, m) => format!("Wrong PIN — {left} more try(ies) before a {m}-minute wait"),
    }
}

/// The PIN pad's answer after too many wrong PINs.
pub fn pin_waits(lang: Lang, until: NaiveDateTime) -> String {
    match lang {
        Lang::Fr => format!("Trop d'essais : réessayez à {}", time_of_day(until)),
        Lang::En => format!("Too many tries: try again at {}", time_of_day(until)),
    }
}

/// A time of day, "08:41".
pub fn time_of_day(now: NaiveDateTime) -> String {
    now.format("%H:%M").to_string()
}

/// A number as written in the language: "92,5" / "92.5", without useless decimals.
pub fn number(lang: Lang, n: f64) -> String {
    let text = if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        let t = format!("{n:.2}");
        t.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Days in the month of `date`.
pub fn days_in_month(date: NaiveDate) -> u32 {
    let (y, m) = (date.year(), date.month());
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |d| d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(short_date(Lang::Fr, d), "lun. 23 nov.");
        assert_eq!(short_date(Lang::En, d), "Mon 23 Nov");
        assert_eq!(month_year(Lang::Fr, d), "novembre 2026");
    }

    #[test]
    fn numbers_use_the_language_decimal_mark() {
        assert_eq!(number(Lang::Fr, 92.5), "92,5");
        assert_eq!(number(Lang::En, 92.5), "92.5");
        assert_eq!(number(Lang::Fr, 12.0), "12");
    }

    #[test]
    fn month_lengths() {
        let feb = NaiveDate::from_ymd_opt(2028, 2, 10).unwrap();
        assert_eq!(days_in_month(feb), 29);
        let dec = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(days_in_month(dec), 31);
    }
}
