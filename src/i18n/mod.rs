//! Every word the kiosk, its command line and its snapshot pages show, in French and English.
//!
//! Each text is one [`T`] variant declared on one line with both its languages (`texts.rs`),
//! so a text cannot exist in one language only, and each is worded once. Texts that hold
//! values name them (`{n} en retard`) and are filled by [`T::with`]. The functions here build
//! on `T` what needs a rule: plurals, dates and numbers as each language writes them, and the
//! screen's words for the errors a person can act on.

use chrono::{Datelike as _, NaiveDate, NaiveDateTime};

use crate::model::{Lang, Level};

pub use texts::{T, tr};

mod texts;

/// Why the store refused to write, in the screen's language (the refusals a person at the
/// screen can act on; others as the store words them, for IT).
pub fn store_error(lang: Lang, error: &crate::store::StoreError) -> String {
    use crate::model::Refused;
    use crate::store::StoreError as E;
    match error {
        E::DiskFull(dir) => T::DiskFull.with(lang, &[("dir", &dir.display())]),
        E::Replaced { path, .. } => T::DatabaseReplaced.with(lang, &[("path", &path.display())]),
        E::Refused(Refused::TooLong(long)) => {
            T::ChangeTooLong.with(lang, &[("found", &long.found), ("max", &long.max)])
        }
        E::Refused(Refused::ClientName(_)) => T::LooksLikeAName.words(lang).to_owned(),
        e => e.to_string(),
    }
}

/// Why an input was refused, in the screen's language.
pub fn input_error(lang: Lang, error: &crate::model::InputError) -> String {
    use crate::model::InputError as E;
    match error {
        E::NotANumber(text) => T::InputNotANumber.with(lang, &[("text", text)]),
        E::NotADate(text) => T::InputNotADate.with(lang, &[("text", text)]),
        E::Empty(what) => T::InputEmpty.with(lang, &[("field", &field(lang, what))]),
        E::OutOfRange(text) => text.clone(),
        E::LooksLikeAName(_) => T::LooksLikeAName.words(lang).to_owned(),
        E::TooLong(long) => {
            T::InputTooLong.with(lang, &[("found", &long.found), ("max", &long.max)])
        }
        E::WrongSection { section, .. } | E::NoSection { section, .. } => {
            T::NoSuchSection.with(lang, &[("section", section)])
        }
    }
}

/// The name of a field of the forms, as an empty field's message says it: the form's label in
/// French ("Quoi"), the thing in English ("action").
fn field(lang: Lang, what: &str) -> &str {
    if lang == Lang::En {
        return what;
    }
    let label = match what {
        "action" | "escalation" => T::What,
        "idea" => T::Idea,
        "reason" => T::Why,
        "answer" => T::Answer,
        "client code" => T::ClientCode,
        "note" => T::Text,
        "date" => T::Date,
        "change" => T::WhatChanged,
        "stage" => T::Stage,
        other => return other,
    };
    label.words(lang)
}

/// What a special cause is, in words: "au-dessus de la limite supérieure".
pub fn special_cause(lang: Lang, cause: crate::spc::SpecialCause) -> &'static str {
    use crate::spc::SpecialCause as C;
    let text = match cause {
        C::AboveUpl => T::CauseAboveUpl,
        C::BelowLpl => T::CauseBelowLpl,
        C::TrendIncreasing => T::CauseTrendIncreasing,
        C::TrendDecreasing => T::CauseTrendDecreasing,
        C::TwoInThreeAbove => T::CauseTwoInThreeAbove,
        C::TwoInThreeBelow => T::CauseTwoInThreeBelow,
        C::RunAbove => T::CauseRunAbove,
        C::RunBelow => T::CauseRunBelow,
        C::CommonCause => T::CauseCommon,
    };
    text.words(lang)
}

/// What the latest point says, the variation icon's name: "amélioration (valeurs hautes)".
pub fn variation(lang: Lang, point_type: crate::spc::PointType, high: bool) -> &'static str {
    use crate::spc::PointType as P;
    let text = match (point_type, high) {
        (P::CommonCause, _) => T::VarCommon,
        (P::Improvement, true) => T::VarImprovementHigh,
        (P::Improvement, false) => T::VarImprovementLow,
        (P::Concern, true) => T::VarConcernHigh,
        (P::Concern, false) => T::VarConcernLow,
        (P::NeutralHigh, _) => T::VarNeutralHigh,
        (P::NeutralLow, _) => T::VarNeutralLow,
    };
    text.words(lang)
}

/// A reading in one word, for legends: "amélioration".
pub fn reading(lang: Lang, point_type: crate::spc::PointType) -> &'static str {
    use crate::spc::PointType as P;
    let text = match point_type {
        P::CommonCause => T::VarCommon,
        P::Improvement => T::ReadImprovement,
        P::Concern => T::ReadConcern,
        P::NeutralHigh | P::NeutralLow => T::ReadNeutral,
    };
    text.words(lang)
}

/// Whether the target will be met, the assurance icon's name.
pub fn assurance(lang: Lang, assurance: crate::spc::Assurance) -> &'static str {
    use crate::spc::Assurance as A;
    let text = match assurance {
        A::Pass => T::AssurancePass,
        A::Fail => T::AssuranceFail,
        A::Inconsistent => T::AssuranceInconsistent,
    };
    text.words(lang)
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
    const FACES: [T; 5] = [
        T::MoodBad,
        T::MoodNotGood,
        T::MoodSoSo,
        T::MoodGood,
        T::MoodVeryGood,
    ];
    FACES[usize::from(level.min(4))].words(lang)
}

/// The name of a hierarchical level.
pub fn level_name(lang: Lang, level: &Level) -> String {
    let name = match level {
        Level::Team => T::LevelTeam,
        Level::Manager => T::LevelManager,
        Level::Director => T::LevelDirector,
        Level::Steering => T::LevelSteering,
        Level::Other(name) => return name.clone(),
    };
    name.words(lang).to_owned()
}

/// A date written with a `strftime` format in `lang`: French month and day names from the
/// `fr_FR` tables, English ones otherwise.
pub fn date_as(lang: Lang, date: NaiveDate, format: &str) -> String {
    match lang {
        Lang::Fr => date
            .format_localized(format, chrono::Locale::fr_FR)
            .to_string(),
        Lang::En => date.format(format).to_string(),
    }
}

/// A date as people write it on a board: "lun. 23 nov." / "Mon 23 Nov". (The `fr_FR` tables
/// abbreviate with a period, as the Office québécois de la langue française does; `fr_CA` does not.)
pub fn short_date(lang: Lang, date: NaiveDate) -> String {
    date_as(lang, date, "%a %-d %b")
}

/// The day and month, for chart axes: "23 nov." / "23 Nov".
pub fn day_month(lang: Lang, date: NaiveDate) -> String {
    date_as(lang, date, "%-d %b")
}

/// The month and year: "novembre 2026" / "November 2026".
pub fn month_year(lang: Lang, date: NaiveDate) -> String {
    date_as(lang, date, "%B %Y")
}

/// One-letter day names for calendar headers, Monday first.
pub fn weekday_letters(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Fr => ["L", "M", "M", "J", "V", "S", "D"],
        Lang::En => ["M", "T", "W", "T", "F", "S", "S"],
    }
}

/// How many other screens share this board's data: "2 autres écrans" / "1 other screen".
pub fn other_screens(lang: Lang, n: usize) -> String {
    match n {
        0 => T::NoOtherScreen.words(lang).to_owned(),
        1 => T::OneOtherScreen.words(lang).to_owned(),
        n => T::OtherScreens.with(lang, &[("n", &n)]),
    }
}

/// Why sync stopped and what to do, in the board's language.
pub fn sync_refusal(lang: Lang, refusal: crate::sync::Refusal) -> &'static str {
    use crate::sync::Refusal;
    let text = match refusal {
        Refusal::FolderReset => T::SyncFolderReset,
        Refusal::DuplicateDevice => T::SyncDuplicateDevice,
        Refusal::DatabaseInShare => T::SyncDatabaseInShare,
        Refusal::TooNew => T::SyncTooNew,
    };
    text.words(lang)
}

/// The PIN pad's answer to a wrong PIN.
pub fn wrong_pin(lang: Lang, left: u32, wait: chrono::Duration) -> String {
    match wait.num_minutes().max(1) {
        1 => T::WrongPinOneMinute.with(lang, &[("left", &left)]),
        minutes => T::WrongPinMinutes.with(lang, &[("left", &left), ("minutes", &minutes)]),
    }
}

/// The PIN pad's answer after too many wrong PINs.
pub fn pin_waits(lang: Lang, until: NaiveDateTime) -> String {
    T::TooManyTries.with(lang, &[("time", &time_of_day(until))])
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
