//! The team's calendar: working days (Monday to Friday) and the periods indicators are
//! measured in. Every count of working days and every period number comes from here.

use chrono::{Datelike as _, NaiveDate, Weekday};

use super::board::Frequency;

/// Whether `date` is a working day (Monday to Friday).
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The day `days` working days after `from`: when an answer raised on `from` is expected.
pub fn add_working_days(from: NaiveDate, days: u32) -> NaiveDate {
    let mut date = from;
    let mut left = days;
    while left > 0 {
        date = date.succ_opt().unwrap_or(date);
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// Working days from `from` to `to` (none when `to` is not after it): how old a snapshot is.
/// A snapshot taken on Friday is 1 working day old on Monday.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (period(Frequency::Daily, to) - period(Frequency::Daily, from)).max(0)
}

/// How many of the `days` days from `from` on are working days.
pub fn working_days_in(from: NaiveDate, days: usize) -> usize {
    from.iter_days()
        .take(days)
        .filter(|d| is_working_day(*d))
        .count()
}

/// The period a date falls in, as a number that grows by one from one period to the next:
/// days for a daily indicator (working days: a weekend is not a missing day), weeks for a
/// weekly one, months for a monthly one.
/// The day a value of `frequency` is dated on: the day itself for a daily value, the Monday of
/// its ISO week for a weekly one, the first of its month for a monthly one. Every value is
/// dated so, whoever enters it (the screen, the command line, a CSV feed): a week's value
/// entered on a Wednesday is the same value as one entered on the Monday.
pub fn period_start(frequency: Frequency, date: NaiveDate) -> NaiveDate {
    match frequency {
        Frequency::Daily => date,
        Frequency::Weekly => {
            date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
        }
        Frequency::Monthly => date.with_day(1).unwrap_or(date),
    }
}

pub fn period(frequency: Frequency, date: NaiveDate) -> i64 {
    match frequency {
        Frequency::Daily => {
            let days = i64::from(date.num_days_from_ce());
            // Monday to Friday count one each; Saturday and Sunday count as the Friday before.
            let weeks = days.div_euclid(7);
            let weekday = i64::from(date.weekday().num_days_from_monday());
            weeks * 5 + weekday.min(4)
        }
        Frequency::Weekly => i64::from(date.num_days_from_ce() - 1).div_euclid(7),
        Frequency::Monthly => i64::from(date.year()) * 12 + i64::from(date.month0()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_dated_on_the_first_day_of_their_period() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
        // Wednesday 25 November 2026 is in the ISO week of Monday the 23rd.
        assert_eq!(period_start(Frequency::Weekly, d(11, 25)), d(11, 23));
        assert_eq!(period_start(Frequency::Weekly, d(11, 29)), d(11, 23));
        assert_eq!(period_start(Frequency::Weekly, d(11, 23)), d(11, 23));
        // Across a year: Friday 1 January 2027 is in the week of Monday 28 December 2026.
        let jan1 = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default();
        assert_eq!(period_start(Frequency::Weekly, jan1), d(12, 28));
        assert_eq!(period_start(Frequency::Monthly, d(11, 25)), d(11, 1));
        assert_eq!(period_start(Frequency::Daily, d(11, 25)), d(11, 25));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn dn(day: u32) -> NaiveDate {
        d(2026, 11, day)
    }

    #[test]
    fn working_days_skip_the_weekend_every_way_they_are_counted() {
        // Friday 20 November 2026 + 1 working day is Monday 23.
        assert_eq!(add_working_days(d(2026, 11, 20), 1), d(2026, 11, 23));
        assert_eq!(add_working_days(d(2026, 11, 23), 5), d(2026, 11, 30));
        assert_eq!(working_days_between(d(2026, 11, 20), d(2026, 11, 23)), 1);
        assert_eq!(working_days_between(d(2026, 11, 21), d(2026, 11, 23)), 1);
        assert_eq!(working_days_between(d(2026, 11, 23), d(2026, 11, 20)), 0);
        // Four weeks from a Tuesday hold twenty working days.
        assert_eq!(working_days_in(d(2026, 10, 27), 28), 20);
        assert!(is_working_day(d(2026, 11, 20)));
        assert!(!is_working_day(d(2026, 11, 22)));
        // Each count agrees with the others.
        for n in 0..30 {
            let from = d(2026, 11, 2);
            let to = add_working_days(from, n);
            assert_eq!(working_days_between(from, to), i64::from(n));
        }
    }

    #[test]
    fn answers_are_due_in_working_days() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        // Friday + 3 working days is Wednesday; Monday + 3 is Thursday; a weekend day counts
        // from the Monday after.
        assert_eq!(add_working_days(day(20), 3), day(25));
        assert_eq!(add_working_days(day(23), 3), day(26));
        assert_eq!(add_working_days(day(22), 1), day(23));
        assert_eq!(add_working_days(day(23), 0), day(23));
    }

    #[test]
    fn age_counts_working_days() {
        // Friday → Monday: 1; Monday → Wednesday: 2; same day: 0.
        assert_eq!(working_days_between(dn(20), dn(23)), 1);
        assert_eq!(working_days_between(dn(23), dn(25)), 2);
        assert_eq!(working_days_between(dn(23), dn(23)), 0);
        assert_eq!(working_days_between(dn(25), dn(23)), 0);
    }

    #[test]
    fn periods_grow_by_one_from_one_to_the_next() {
        assert_eq!(
            period(Frequency::Weekly, d(2026, 11, 30)) - period(Frequency::Weekly, d(2026, 11, 29)),
            1,
            "a week starts on Monday"
        );
        assert_eq!(
            period(Frequency::Monthly, d(2027, 1, 1)) - period(Frequency::Monthly, d(2026, 12, 31)),
            1
        );
    }
}
