//! Wall-clock time, real or fixed (for tests and pictures).

use std::time::Duration;

use chrono::{NaiveDateTime, Timelike as _};

/// Where the kiosk reads the time.
#[derive(Clone, Debug)]
pub enum Clock {
    /// The machine's local time.
    System,
    /// Always this time.
    Fixed(NaiveDateTime),
}

impl Clock {
    /// Local wall-clock time now.
    pub fn now(&self) -> NaiveDateTime {
        match self {
            Clock::System => chrono::Local::now().naive_local(),
            Clock::Fixed(t) => *t,
        }
    }

    /// Time until the second shown on screen changes (huddle timers).
    pub fn until_next_second(&self) -> Duration {
        let into_second = self.now().nanosecond() % 1_000_000_000;
        Duration::from_nanos(u64::from(1_000_000_000 - into_second)).max(Duration::from_millis(200))
    }

    /// Time until the minute shown on screen changes.
    pub fn until_next_minute(&self) -> Duration {
        let now = self.now();
        let into_minute = Duration::from_secs(u64::from(now.second()))
            + Duration::from_nanos(u64::from(now.nanosecond() % 1_000_000_000));
        Duration::from_secs(60)
            .saturating_sub(into_minute)
            .max(Duration::from_millis(200))
    }
}
