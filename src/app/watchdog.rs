//! The service manager's watchdog: under systemd (`Type=notify`, `WatchdogSec=`), the kiosk
//! says `READY=1` once its first frame is drawn, then `WATCHDOG=1` from the UI loop at least
//! every half interval. A UI thread that freezes stops the pings, and systemd restarts the
//! kiosk. Outside systemd the watchdog is off and every call returns at once.
//!
//! The timing is decided here with the time passed in and the notices handed to a sink, so
//! that it is tested without systemd.

// Outside Unix only the tests build a watchdog that sends anything.
#![cfg_attr(not(unix), allow(dead_code))]

use std::time::{Duration, Instant};

/// What the kiosk tells the service manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// `READY=1`: the first frame is drawn.
    Ready,
    /// `WATCHDOG=1`: the UI loop is alive.
    Alive,
}

/// Where notices go: the service manager's socket, or a test's list.
type Sink = Box<dyn FnMut(Notice)>;

/// The kiosk's side of the service manager's watchdog.
pub struct Watchdog {
    /// `None` when no service manager listens: then nothing is ever sent.
    sink: Option<Sink>,
    /// Half the interval the service manager wants pings within; `None` when it wants none.
    every: Option<Duration>,
    /// When `WATCHDOG=1` was last sent.
    last_ping: Option<Instant>,
    /// Whether `READY=1` was sent.
    ready: bool,
}

impl Watchdog {
    /// The watchdog the service manager asked for through the environment (`NOTIFY_SOCKET`,
    /// `WATCHDOG_USEC`, `WATCHDOG_PID`); off when the kiosk was not started by one.
    pub fn from_env() -> Self {
        #[cfg(unix)]
        {
            if std::env::var_os("NOTIFY_SOCKET").is_some() {
                let interval = sd_notify::watchdog_enabled();
                tracing::info!(
                    watchdog = ?interval,
                    "started by the service manager: READY=1 after the first frame"
                );
                return Self::new(interval, Box::new(send));
            }
        }
        Self::off()
    }

    /// No service manager: every call does nothing.
    pub fn off() -> Self {
        Watchdog {
            sink: None,
            every: None,
            last_ping: None,
            ready: true,
        }
    }

    /// A service manager that reads the notices through `sink` and wants a ping within each
    /// `interval`, if given.
    pub fn new(interval: Option<Duration>, sink: Sink) -> Self {
        Watchdog {
            sink: Some(sink),
            every: interval.filter(|i| !i.is_zero()).map(|i| i / 2),
            last_ping: None,
            ready: false,
        }
    }

    /// Called at each frame of the UI loop, at `now`: pings when half the interval has gone
    /// by since the last ping, and returns how soon the next frame is needed to ping in time
    /// (`None` when no ping is wanted).
    pub fn frame(&mut self, now: Instant) -> Option<Duration> {
        let every = self.every?;
        let sink = self.sink.as_mut()?;
        let due = self
            .last_ping
            .is_none_or(|last| now.saturating_duration_since(last) >= every);
        if due {
            sink(Notice::Alive);
            self.last_ping = Some(now);
        }
        let since = self
            .last_ping
            .map_or(Duration::ZERO, |last| now.saturating_duration_since(last));
        Some(every.saturating_sub(since))
    }

    /// Called once a frame is drawn: the first one tells the service manager the kiosk is
    /// ready.
    pub fn drawn(&mut self) {
        if self.ready {
            return;
        }
        self.ready = true;
        if let Some(sink) = self.sink.as_mut() {
            sink(Notice::Ready);
        }
    }
}

/// Sends a notice to the service manager; a failure is logged (the watchdog then restarts
/// the kiosk, which is the best that can be done).
#[cfg(unix)]
fn send(notice: Notice) {
    let state = match notice {
        Notice::Ready => sd_notify::NotifyState::Ready,
        Notice::Alive => sd_notify::NotifyState::Watchdog,
    };
    if let Err(e) = sd_notify::notify(&[state]) {
        tracing::warn!("cannot notify the service manager ({notice:?}): {e}");
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;

    /// A watchdog whose notices land in the returned list.
    fn recorded(interval: Option<Duration>) -> (Watchdog, Rc<RefCell<Vec<Notice>>>) {
        let sent = Rc::new(RefCell::new(Vec::new()));
        let into = Rc::clone(&sent);
        let dog = Watchdog::new(interval, Box::new(move |n| into.borrow_mut().push(n)));
        (dog, sent)
    }

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn ms(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    #[test]
    fn off_sends_nothing_and_wants_no_frame() {
        let mut dog = Watchdog::off();
        let start = Instant::now();
        for i in 0..100 {
            assert_eq!(dog.frame(start + secs(i)), None);
            dog.drawn();
        }
    }

    #[test]
    fn ready_once_after_the_first_frame_drawn() {
        let (mut dog, sent) = recorded(None);
        let start = Instant::now();
        assert_eq!(dog.frame(start), None, "no watchdog: no frame wanted");
        assert!(sent.borrow().is_empty(), "nothing before a frame is drawn");
        dog.drawn();
        assert_eq!(*sent.borrow(), [Notice::Ready]);
        for i in 1..10 {
            assert_eq!(dog.frame(start + secs(i)), None);
            dog.drawn();
        }
        assert_eq!(*sent.borrow(), [Notice::Ready], "READY=1 is sent once");
    }

    #[test]
    fn pings_at_most_every_half_interval_and_asks_for_the_next_frame() {
        let (mut dog, sent) = recorded(Some(secs(60)));
        let start = Instant::now();
        assert_eq!(dog.frame(start), Some(secs(30)), "the first frame pings");
        assert_eq!(*sent.borrow(), [Notice::Alive]);
        dog.drawn();
        assert_eq!(dog.frame(start + ms(500)), Some(ms(29500)));
        assert_eq!(dog.frame(start + secs(10)), Some(secs(20)));
        assert_eq!(dog.frame(start + ms(29900)), Some(ms(100)));
        assert_eq!(
            *sent.borrow(),
            [Notice::Alive, Notice::Ready],
            "no ping before half the interval"
        );
        assert_eq!(dog.frame(start + secs(30)), Some(secs(30)));
        assert_eq!(
            *sent.borrow(),
            [Notice::Alive, Notice::Ready, Notice::Alive]
        );
        // A late frame pings at once and counts the next half interval from there.
        assert_eq!(dog.frame(start + secs(75)), Some(secs(30)));
        assert_eq!(dog.frame(start + secs(80)), Some(secs(25)));
        let pings = sent
            .borrow()
            .iter()
            .filter(|n| **n == Notice::Alive)
            .count();
        assert_eq!(pings, 3);
    }

    #[test]
    fn a_loop_that_follows_the_delays_pings_every_half_interval() {
        let interval = secs(60);
        let late = ms(250);
        let (mut dog, sent) = recorded(Some(interval));
        let start = Instant::now();
        let mut now = start;
        let mut pings = Vec::new();
        // A day of a kiosk: a frame each time the watchdog asks for one, a little late (the
        // event loop wakes up late, a frame takes time), a frame a minute for the clock, and
        // taps at odd moments in between.
        let mut next_minute = start + secs(60);
        let mut seed: u64 = 12345;
        let mut next_tap = start + secs(7);
        while now < start + secs(86400) {
            let before = sent.borrow().len();
            let wanted = dog.frame(now).expect("a watchdog wants frames");
            assert!(wanted <= interval / 2, "asked for a frame in {wanted:?}");
            if sent.borrow().len() > before {
                pings.push(now);
            }
            let mut next = now + wanted + late;
            if next_minute <= next {
                next = next_minute;
                next_minute += secs(60);
            }
            if next_tap <= next {
                next = next_tap;
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                next_tap += ms(1000 + (seed >> 33) % 90_000);
            }
            now = next;
        }
        assert!(pings.len() > 2500, "{} pings in a day", pings.len());
        for pair in pings.windows(2) {
            let gap = pair[1] - pair[0];
            assert!(gap >= interval / 2, "pinged again after {gap:?}");
            assert!(gap <= interval / 2 + late, "no ping for {gap:?}");
        }
    }

    #[test]
    fn a_zero_interval_is_no_watchdog() {
        let (mut dog, sent) = recorded(Some(Duration::ZERO));
        assert_eq!(dog.frame(Instant::now()), None);
        dog.drawn();
        assert_eq!(*sent.borrow(), [Notice::Ready]);
    }
}
