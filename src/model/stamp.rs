//! Hybrid logical clock stamps: the order in which changes made on different kiosks win.
//!
//! A stamp is (wall time in ms, counter, device id). Each kiosk stamps its own changes with a
//! clock that never goes back and never falls behind a stamp it has seen from another kiosk,
//! so that an edit made after seeing another one always wins over it, whatever the kiosks'
//! clocks say. Equal times are settled by the counter, then by the device id: every kiosk
//! orders any two stamps the same way.
//!
//! Stored and shipped as text whose alphabetical order is the stamps' order:
//! `000001763884800000-000000-3f2a9c41d07b55e1`.

use std::fmt;

/// One hybrid logical clock stamp.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    /// Wall time, milliseconds since 1970 (never negative).
    pub ms: u64,
    /// Orders stamps within one millisecond.
    pub counter: u32,
    /// The kiosk that made the change.
    pub device: String,
}

/// Widths of the text form: 18 digits of ms, 6 of counter.
const MS_WIDTH: usize = 18;
const COUNTER_WIDTH: usize = 6;
const COUNTER_MAX: u32 = 999_999;
/// The greatest wall time the text form holds (18 digits): stamps stop there, never overflow.
const MS_MAX: u64 = 999_999_999_999_999_999;
/// How far ahead of this kiosk's clock a stamp that arrives may be: a day, more than any
/// clock set by hand to the wrong time zone. One further ahead would win over every edit made
/// here until then; it is refused, and this kiosk's clock never follows it.
pub const AHEAD_MAX_MS: u64 = 24 * 60 * 60 * 1000;
/// How far ahead of this kiosk's clock its own last stamp is still followed: after following a
/// stamp a day ahead, a clock set back must not stamp behind it; a stamp further ahead still
/// (a store that followed a forged one before they were refused) is left behind.
pub const OWN_AHEAD_MAX_MS: u64 = 30 * AHEAD_MAX_MS;

impl Stamp {
    /// The stamp for a change made now (`now_ms`) on `device`, after `last` (the greatest stamp
    /// this kiosk knows, its own or another's).
    ///
    /// A `last` further ahead of `now_ms` than [`AHEAD_MAX_MS`] is not followed (it can only
    /// come from a clock gone wrong or a forged file), and stamps stop at the largest time the
    /// text form holds rather than overflowing it.
    pub fn next(last: Option<&Stamp>, now_ms: u64, device: &str) -> Stamp {
        let now_ms = now_ms.min(MS_MAX);
        let bound = if last.is_some_and(|last| last.device == device) {
            OWN_AHEAD_MAX_MS
        } else {
            AHEAD_MAX_MS
        };
        let last = last.filter(|last| last.ms <= now_ms.saturating_add(bound));
        let (ms, counter) = match last {
            Some(last) if last.ms >= now_ms => {
                if last.counter < COUNTER_MAX {
                    (last.ms, last.counter + 1)
                } else if last.ms < MS_MAX {
                    // A million changes in one millisecond: move on to the next one.
                    (last.ms + 1, 0)
                } else {
                    (MS_MAX, COUNTER_MAX)
                }
            }
            _ => (now_ms, 0),
        };
        Stamp {
            ms,
            counter,
            device: device.to_owned(),
        }
    }

    /// Whether this stamp is further ahead of `now_ms` than a stamp that arrives may be.
    pub fn too_far_ahead(&self, now_ms: u64) -> bool {
        self.ms > now_ms.saturating_add(AHEAD_MAX_MS)
    }

    /// The text form of the greatest stamp that is not too far ahead of `now_ms`: stored stamps
    /// compare with it as text.
    pub fn bound_text(now_ms: u64) -> String {
        Self::bound_text_by(now_ms, AHEAD_MAX_MS)
    }

    /// The text form of the greatest stamp not more than `ahead_ms` ahead of `now_ms`.
    fn bound_text_by(now_ms: u64, ahead_ms: u64) -> String {
        format!(
            "{:0mw$}-{COUNTER_MAX}-~",
            now_ms.saturating_add(ahead_ms).min(MS_MAX),
            mw = MS_WIDTH
        )
    }

    /// The text form of the greatest stamp of its own a kiosk still follows.
    pub fn own_bound_text(now_ms: u64) -> String {
        Self::bound_text_by(now_ms, OWN_AHEAD_MAX_MS)
    }

    /// Reads the text form; `None` if it is not one.
    pub fn parse(text: &str) -> Option<Stamp> {
        let mut parts = text.splitn(3, '-');
        let ms = parts.next()?;
        let counter = parts.next()?;
        let device = parts.next()?;
        if ms.len() != MS_WIDTH
            || counter.len() != COUNTER_WIDTH
            || !is_device_id(device)
            || !ms.bytes().all(|b| b.is_ascii_digit())
            || !counter.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Some(Stamp {
            ms: ms.parse().ok()?,
            counter: counter.parse().ok()?,
            device: device.to_owned(),
        })
    }
}

impl serde::Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Stamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Stamp::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a clock stamp: {text:?}")))
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:0mw$}-{:0cw$}-{}",
            self.ms,
            self.counter,
            self.device,
            mw = MS_WIDTH,
            cw = COUNTER_WIDTH
        )
    }
}

/// Whether `text` can be a device id: 1 to 64 lowercase ASCII letters or digits (no dash, so
/// that a stamp splits cleanly). The store creates 16 hex digits.
pub fn is_device_id(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(ms: u64, counter: u32, device: &str) -> Stamp {
        Stamp {
            ms,
            counter,
            device: device.to_owned(),
        }
    }

    #[test]
    fn text_order_is_stamp_order() {
        let stamps = [
            s(0, 0, "a"),
            s(0, 1, "a"),
            s(0, 1, "b"),
            s(9, 0, "a"),
            s(10, 0, "a"),
            s(1_763_884_800_000, 999_999, "ff"),
            s(1_763_884_800_001, 0, "00"),
        ];
        for pair in stamps.windows(2) {
            assert!(pair[0] < pair[1]);
            assert!(pair[0].to_string() < pair[1].to_string(), "{pair:?}");
        }
        for stamp in &stamps {
            assert_eq!(Stamp::parse(&stamp.to_string()).as_ref(), Some(stamp));
        }
    }

    #[test]
    fn the_clock_never_goes_back_and_passes_what_it_saw() {
        let first = Stamp::next(None, 1000, "a");
        assert_eq!(first, s(1000, 0, "a"));
        // The wall clock went back: the counter moves on instead.
        let second = Stamp::next(Some(&first), 400, "a");
        assert_eq!(second, s(1000, 1, "a"));
        // Another kiosk a day ahead was seen: our next change comes after it.
        let ahead = s(1000 + 86_400_000, 5, "b");
        let third = Stamp::next(Some(&ahead), 2000, "a");
        assert!(third > ahead);
        assert_eq!(third, s(1000 + 86_400_000, 6, "a"));
        // Time moving on resets the counter.
        assert_eq!(Stamp::next(Some(&third), 1000 + 86_400_001, "a").counter, 0);
        // A full counter moves to the next millisecond rather than overflowing.
        let full = s(7, COUNTER_MAX, "a");
        assert_eq!(Stamp::next(Some(&full), 7, "a"), s(8, 0, "a"));
    }

    #[test]
    fn a_stamp_at_the_end_of_time_is_not_followed_and_nothing_overflows() {
        let now = 1_763_884_800_000;
        let end = s(MS_MAX, COUNTER_MAX, "f");
        let next = Stamp::next(Some(&end), now, "a");
        assert_eq!(next, s(now, 0, "a"), "a forged stamp is not followed");
        let own_end = s(MS_MAX, COUNTER_MAX, "a");
        assert_eq!(Stamp::next(Some(&own_end), now, "a"), s(now, 0, "a"));
        // This kiosk's own stamp two days ahead (it followed one a day ahead, then its clock
        // went back) is followed: its changes never go back.
        let own = s(now + 2 * AHEAD_MAX_MS, 0, "a");
        assert_eq!(
            Stamp::next(Some(&own), now, "a"),
            s(now + 2 * AHEAD_MAX_MS, 1, "a")
        );
        assert_eq!(next.to_string().len(), "000001763884800000-000000-a".len());
        // A stamp a day ahead (a clock in the wrong time zone) still is.
        let ahead = s(now + AHEAD_MAX_MS, 3, "b");
        assert_eq!(
            Stamp::next(Some(&ahead), now, "a"),
            s(now + AHEAD_MAX_MS, 4, "a")
        );
        assert!(!ahead.too_far_ahead(now));
        assert!(s(now + AHEAD_MAX_MS + 1, 0, "b").too_far_ahead(now));
        // A clock at the end of time itself stays within the 18 digits.
        let last = s(MS_MAX, COUNTER_MAX, "a");
        let at_end = Stamp::next(Some(&last), u64::MAX, "a");
        assert_eq!(at_end.ms, MS_MAX);
        assert!(Stamp::parse(&at_end.to_string()).is_some());
        // The bound compares as text with every stamp it allows, and none it refuses.
        let bound = Stamp::bound_text(now);
        assert!(ahead.to_string() < bound);
        assert!(s(now + AHEAD_MAX_MS, COUNTER_MAX, "zzzz").to_string() < bound);
        assert!(s(now + AHEAD_MAX_MS + 1, 0, "0").to_string() > bound);
    }

    #[test]
    fn bad_text_is_refused() {
        for bad in [
            "",
            "12-000000-a",
            "000000000000001000-0-a",
            "000000000000001000-000000-",
            "000000000000001000-000000-A",
            "00000000000000100x-000000-a",
            "000000000000001000-000000-a-b",
        ] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
    }
}
