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

impl Stamp {
    /// The stamp for a change made now (`now_ms`) on `device`, after `last` (the greatest stamp
    /// this kiosk knows, its own or another's).
    pub fn next(last: Option<&Stamp>, now_ms: u64, device: &str) -> Stamp {
        let (ms, counter) = match last {
            Some(last) if last.ms >= now_ms => {
                if last.counter >= COUNTER_MAX {
                    // A million changes in one millisecond: move on to the next one.
                    (last.ms + 1, 0)
                } else {
                    (last.ms, last.counter + 1)
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
