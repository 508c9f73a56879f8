//! The facilitator's PIN: hashed with argon2 (only the hash is kept, in the config file), and
//! the lock in front of facilitator mode (settings, deleting, boards shown, leaving full screen),
//! which closes by itself when nobody touches the screen and slows down guessing.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use chrono::{Duration, NaiveDateTime};

/// Facilitator mode locks itself after this long without a touch.
pub const LOCK_AFTER: Duration = Duration::minutes(2);
/// Wrong PINs in a row before the pad waits.
pub const TRIES: u32 = 5;
/// How long the pad waits after the first [`TRIES`] wrong PINs; each further round of wrong
/// PINs, with no right one between, doubles the wait, up to [`WAIT_MAX`]. A four-digit PIN
/// then takes months to guess at the pad, and the waits outlive a restart (they are kept in
/// the store).
pub const WAIT_AFTER_TRIES: Duration = Duration::minutes(1);
/// The longest wait of the pad.
pub const WAIT_MAX: Duration = Duration::hours(1);

/// What is wrong with a PIN chosen.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PinError {
    /// Not 4 to 8 digits.
    #[error("a PIN is 4 to 8 digits (the screen's pad has only digits)")]
    NotDigits,
    /// The hash could not be made.
    #[error("the PIN could not be hashed: {0}")]
    Hash(String),
}

/// Checks a PIN chosen: 4 to 8 digits.
pub fn check_pin(pin: &str) -> Result<(), PinError> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(PinError::NotDigits)
    }
}

/// The PIN's argon2id hash (a PHC string, `$argon2id$…`), with a random salt.
pub fn hash_pin(pin: &str) -> Result<String, PinError> {
    check_pin(pin)?;
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PinError::Hash(e.to_string()))
}

/// Whether `pin` matches `hash`; a hash that cannot be read matches nothing.
pub fn pin_matches(hash: &str, pin: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        argon2::Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Why the lock did not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Wrong PIN; this many tries left before the pad waits.
    Wrong {
        /// Tries left.
        left: u32,
        /// How long the pad will wait after them.
        wait: Duration,
    },
    /// Too many wrong PINs: the pad waits until then.
    Waiting {
        /// Until when.
        until: NaiveDateTime,
    },
}

/// The lock in front of facilitator mode.
#[derive(Clone, Debug, Default)]
pub struct Lock {
    hash: Option<String>,
    /// Open, and when the screen was last touched while open.
    open_since_touch: Option<NaiveDateTime>,
    wrong: u32,
    /// Waits imposed since the last right PIN.
    rounds: u32,
    waiting_until: Option<NaiveDateTime>,
}

/// The format of a lock's wrong tries as kept in the store.
const LOCKOUT_TIME: &str = "%Y-%m-%dT%H:%M:%S";

impl Lock {
    /// A lock with this PIN hash; none: facilitator mode opens with a tap (and says a PIN
    /// should be set).
    pub fn new(hash: Option<String>) -> Self {
        Self {
            hash,
            ..Self::default()
        }
    }

    /// Whether a PIN is set.
    pub fn pin_set(&self) -> bool {
        self.hash.is_some()
    }

    /// Whether facilitator mode is open at `now`.
    pub fn is_open(&self, now: NaiveDateTime) -> bool {
        self.open_since_touch.is_some_and(|t| now - t < LOCK_AFTER)
    }

    /// When it locks itself if nobody touches the screen, when open.
    pub fn locks_at(&self) -> Option<NaiveDateTime> {
        self.open_since_touch.map(|t| t + LOCK_AFTER)
    }

    /// The screen was touched: an open lock stays open.
    pub fn touched(&mut self, now: NaiveDateTime) {
        if self.is_open(now) {
            self.open_since_touch = Some(now);
        } else {
            self.open_since_touch = None;
        }
    }

    /// Opens with `pin` (any PIN, even none, when no PIN is set).
    pub fn open(&mut self, pin: &str, now: NaiveDateTime) -> Result<(), Refused> {
        if let Some(until) = self.waiting_until {
            if now < until {
                return Err(Refused::Waiting { until });
            }
            self.waiting_until = None;
            self.wrong = 0;
        }
        let right = self.hash.as_deref().is_none_or(|h| pin_matches(h, pin));
        if right {
            self.wrong = 0;
            self.rounds = 0;
            self.open_since_touch = Some(now);
            return Ok(());
        }
        self.wrong += 1;
        if self.wrong >= TRIES {
            self.rounds = self.rounds.saturating_add(1);
            let until = now + self.wait(self.rounds);
            self.waiting_until = Some(until);
            return Err(Refused::Waiting { until });
        }
        Err(Refused::Wrong {
            left: TRIES - self.wrong,
            wait: self.wait(self.rounds.saturating_add(1)),
        })
    }

    /// The wait of round `round` (from 1).
    fn wait(&self, round: u32) -> Duration {
        let doublings = round.saturating_sub(1).min(16);
        (WAIT_AFTER_TRIES * (1 << doublings)).min(WAIT_MAX)
    }

    /// The wrong tries and the wait under way, as kept in the store: `wrong;rounds;until`.
    pub fn lockout(&self) -> String {
        format!(
            "{};{};{}",
            self.wrong,
            self.rounds,
            self.waiting_until
                .map(|t| t.format(LOCKOUT_TIME).to_string())
                .unwrap_or_default()
        )
    }

    /// Takes back the wrong tries and the wait kept in the store (text that is not one is
    /// left aside: the lock starts clean).
    pub fn restore(&mut self, lockout: &str) {
        let mut parts = lockout.split(';');
        let (Some(wrong), Some(rounds), Some(until), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return;
        };
        let (Ok(wrong), Ok(rounds)) = (wrong.parse::<u32>(), rounds.parse::<u32>()) else {
            return;
        };
        let until = if until.is_empty() {
            None
        } else {
            match NaiveDateTime::parse_from_str(until, LOCKOUT_TIME) {
                Ok(t) => Some(t),
                Err(_) => return,
            }
        };
        self.wrong = wrong.min(TRIES);
        self.rounds = rounds;
        self.waiting_until = until;
    }

    /// Locks now.
    pub fn close(&mut self) {
        self.open_since_touch = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(h, m, s))
            .unwrap_or_default()
    }

    #[test]
    fn a_pin_is_hashed_salted_and_checked() {
        let hash = hash_pin("4821").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("4821"));
        assert_ne!(
            hash,
            hash_pin("4821").unwrap(),
            "each hash has its own salt"
        );
        assert!(pin_matches(&hash, "4821"));
        assert!(!pin_matches(&hash, "4822"));
        assert!(!pin_matches("not a hash", "4821"));
        assert_eq!(hash_pin("12a4"), Err(PinError::NotDigits));
        assert_eq!(hash_pin("123"), Err(PinError::NotDigits));
        assert_eq!(hash_pin("123456789"), Err(PinError::NotDigits));
    }

    #[test]
    fn the_lock_opens_with_the_pin_and_closes_two_minutes_after_the_last_touch() {
        let mut lock = Lock::new(Some(hash_pin("4821").unwrap()));
        assert!(!lock.is_open(at(8, 0, 0)));
        assert_eq!(
            lock.open("1111", at(8, 0, 0)),
            Err(Refused::Wrong {
                left: 4,
                wait: WAIT_AFTER_TRIES
            })
        );
        assert!(!lock.is_open(at(8, 0, 1)));
        assert_eq!(lock.open("4821", at(8, 0, 0)), Ok(()));
        assert!(lock.is_open(at(8, 1, 59)));
        lock.touched(at(8, 1, 30));
        assert!(lock.is_open(at(8, 3, 29)), "a touch keeps it open");
        assert!(!lock.is_open(at(8, 3, 30)));
        lock.touched(at(8, 5, 0));
        assert!(!lock.is_open(at(8, 5, 0)), "a touch does not reopen it");
        lock.open("4821", at(9, 0, 0)).unwrap();
        lock.close();
        assert!(!lock.is_open(at(9, 0, 1)));
    }

    #[test]
    fn five_wrong_pins_make_the_pad_wait_a_minute() {
        let mut lock = Lock::new(Some(hash_pin("4821").unwrap()));
        for _ in 0..4 {
            assert!(matches!(
                lock.open("0000", at(8, 0, 0)),
                Err(Refused::Wrong { .. })
            ));
        }
        let until = at(8, 1, 0);
        assert_eq!(
            lock.open("0000", at(8, 0, 0)),
            Err(Refused::Waiting { until })
        );
        assert_eq!(
            lock.open("4821", at(8, 0, 30)),
            Err(Refused::Waiting { until }),
            "even the right PIN waits"
        );
        assert_eq!(lock.open("4821", at(8, 1, 0)), Ok(()));
    }

    #[test]
    fn waits_grow_with_each_round_of_wrong_pins_and_outlive_a_restart() {
        let mut lock = Lock::new(Some(hash_pin("4821").unwrap()));
        let mut now = at(8, 0, 0);
        let mut waits = Vec::new();
        for _ in 0..8 {
            let mut refused = None;
            for _ in 0..TRIES {
                refused = Some(lock.open("0000", now));
            }
            let Some(Err(Refused::Waiting { until })) = refused else {
                panic!("{refused:?}");
            };
            waits.push((until - now).num_minutes());
            // The kiosk restarts during the wait: the wait is still there.
            let kept = lock.lockout();
            let mut again = Lock::new(Some(hash_pin("4821").unwrap()));
            again.restore(&kept);
            assert_eq!(
                again.open("4821", now + Duration::seconds(1)),
                Err(Refused::Waiting { until })
            );
            lock = again;
            now = until;
        }
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 60, 60]);
        // The right PIN ends the rounds.
        assert_eq!(lock.open("4821", now), Ok(()));
        assert_eq!(lock.lockout(), "0;0;");
        // Text that is not a lockout leaves the lock clean.
        let mut clean = Lock::new(None);
        for bad in ["", "x;1;", "1;2", "1;2;tomorrow", "1;2;;4"] {
            clean.restore(bad);
            assert_eq!(clean.lockout(), "0;0;", "{bad}");
        }
    }

    #[test]
    fn without_a_pin_the_lock_opens_with_a_tap() {
        let mut lock = Lock::new(None);
        assert!(!lock.pin_set());
        assert_eq!(lock.open("", at(8, 0, 0)), Ok(()));
        assert!(lock.is_open(at(8, 0, 1)));
    }
}
