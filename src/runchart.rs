//! Run-chart rules, as healthcare improvement teams read them (IHI): the median of the points,
//! and three signals of non-random variation.
//!
//! - **Shift**: 6 or more consecutive points on the same side of the median. Points on the
//!   median neither count nor break the run.
//! - **Trend**: 5 or more consecutive points all going up or all going down. A point equal to
//!   the one before neither counts nor breaks it.
//! - **Astronomical point**: a point obviously apart from the others; here, further from the
//!   median than 3 robust standard deviations (1.4826 × the median absolute deviation).
//!
//! Pure functions over values in time order; the screen says the signals in plain words.

/// A signal found in a series, with the indices (into the values) it spans.
#[derive(Clone, Debug, PartialEq)]
pub enum Signal {
    /// Points `first..=last` are all on one side of the median.
    Shift {
        /// First point of the run.
        first: usize,
        /// Last point of the run.
        last: usize,
        /// Above (true) or below (false) the median.
        above: bool,
        /// Points that count (those on the median do not).
        points: usize,
    },
    /// Points `first..=last` all go one way.
    Trend {
        /// First point of the trend.
        first: usize,
        /// Last point of the trend.
        last: usize,
        /// Up (true) or down (false).
        up: bool,
        /// Points that count (repeated values do not).
        points: usize,
    },
    /// One point far from the rest.
    Astronomical {
        /// The point.
        index: usize,
    },
}

impl Signal {
    /// The indices of its first and last points.
    pub fn span(&self) -> (usize, usize) {
        match *self {
            Signal::Shift { first, last, .. } | Signal::Trend { first, last, .. } => (first, last),
            Signal::Astronomical { index } => (index, index),
        }
    }

    /// The signal as seen among the values from index `from` on: its indices counted from
    /// `from`, a start before it cut to 0; `None` when it ends before `from`.
    pub fn shifted_back(&self, from: usize) -> Option<Signal> {
        let at = |i: usize| i.saturating_sub(from);
        let mut signal = self.clone();
        match &mut signal {
            Signal::Shift { first, last, .. } | Signal::Trend { first, last, .. } => {
                *last = last.checked_sub(from)?;
                *first = at(*first);
            }
            Signal::Astronomical { index } => *index = index.checked_sub(from)?,
        }
        Some(signal)
    }
}

/// The median and the signals of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct RunChart {
    /// Median of the values.
    pub median: f64,
    /// Signals, in the order they start.
    pub signals: Vec<Signal>,
}

/// Points in a row on one side of the median that make a shift.
pub const SHIFT: usize = 6;
/// Points going one way that make a trend.
pub const TREND: usize = 5;

/// The median of values (NaN-free); `None` for no value.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

/// Reads a series in time order. Non-finite values are not expected (the store refuses them).
pub fn analyse(values: &[f64]) -> Option<RunChart> {
    let median = median(values)?;
    let mut signals = Vec::new();
    shifts(values, median, &mut signals);
    trends(values, &mut signals);
    astronomical(values, median, &mut signals);
    signals.sort_by_key(|s| match s {
        Signal::Shift { first, .. } | Signal::Trend { first, .. } => *first,
        Signal::Astronomical { index } => *index,
    });
    Some(RunChart { median, signals })
}

fn shifts(values: &[f64], median: f64, out: &mut Vec<Signal>) {
    // (side, first, last, counted)
    let mut run: Option<(bool, usize, usize, usize)> = None;
    let close = |run: Option<(bool, usize, usize, usize)>, out: &mut Vec<Signal>| {
        if let Some((above, first, last, points)) = run
            && points >= SHIFT
        {
            out.push(Signal::Shift {
                first,
                last,
                above,
                points,
            });
        }
    };
    for (i, &v) in values.iter().enumerate() {
        if v == median {
            continue;
        }
        let above = v > median;
        run = match run {
            Some((side, first, _, n)) if side == above => Some((side, first, i, n + 1)),
            other => {
                close(other, out);
                Some((above, i, i, 1))
            }
        };
    }
    close(run, out);
}

fn trends(values: &[f64], out: &mut Vec<Signal>) {
    // (up, first, last, counted points including the first)
    let mut run: Option<(bool, usize, usize, usize)> = None;
    let mut previous: Option<(usize, f64)> = None;
    let close = |run: Option<(bool, usize, usize, usize)>, out: &mut Vec<Signal>| {
        if let Some((up, first, last, points)) = run
            && points >= TREND
        {
            out.push(Signal::Trend {
                first,
                last,
                up,
                points,
            });
        }
    };
    for (i, &v) in values.iter().enumerate() {
        let Some((p, pv)) = previous else {
            previous = Some((i, v));
            continue;
        };
        if v == pv {
            // A repeated value neither makes nor breaks a trend.
            if let Some(r) = &mut run {
                r.2 = i;
            }
            continue;
        }
        let up = v > pv;
        run = match run {
            Some((dir, first, _, n)) if dir == up => Some((dir, first, i, n + 1)),
            other => {
                close(other, out);
                Some((up, p, i, 2))
            }
        };
        previous = Some((i, v));
    }
    close(run, out);
}

fn astronomical(values: &[f64], median: f64, out: &mut Vec<Signal>) {
    if values.len() < 8 {
        return;
    }
    let deviations: Vec<f64> = values.iter().map(|v| (v - median).abs()).collect();
    let Some(mad) = self::median(&deviations) else {
        return;
    };
    let sigma = 1.4826 * mad;
    if sigma <= f64::EPSILON {
        return;
    }
    for (index, v) in values.iter().enumerate() {
        if (v - median).abs() > 3.0 * sigma {
            out.push(Signal::Astronomical { index });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signals(values: &[f64]) -> Vec<Signal> {
        analyse(values).map(|r| r.signals).unwrap_or_default()
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn six_points_above_the_median_are_a_shift() {
        // Median of these 12 values is 5.5; points 6..=11 are above it.
        let v = [2.0, 3.0, 1.0, 4.0, 2.0, 3.0, 8.0, 9.0, 7.0, 8.0, 9.0, 7.0];
        assert_eq!(median(&v), Some(5.5));
        assert_eq!(
            signals(&v),
            [
                Signal::Shift {
                    first: 0,
                    last: 5,
                    above: false,
                    points: 6
                },
                Signal::Shift {
                    first: 6,
                    last: 11,
                    above: true,
                    points: 6
                },
            ]
        );
    }

    #[test]
    fn five_points_on_one_side_are_not_a_shift() {
        let v = [1.0, 9.0, 1.0, 9.0, 8.0, 9.0, 8.0, 9.0, 1.0, 1.0, 2.0];
        // Median 8. The longest run above is the 9s at indices 3, 5 and 7 (the 8s between them
        // sit on the median and do not count): three points, far from six.
        assert!(
            signals(&v)
                .iter()
                .all(|s| !matches!(s, Signal::Shift { .. })),
            "{:?}",
            signals(&v)
        );
    }

    #[test]
    fn points_on_the_median_neither_count_nor_break_a_shift() {
        // Median 5: the 5s are on it. Above: 6 7 _ 6 _ 7 6 8 → 6 counted points, one shift from
        // index 2 to index 9, although 8 points long.
        let v = [
            1.0, 2.0, 6.0, 7.0, 5.0, 6.0, 5.0, 7.0, 6.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 5.0, 5.0,
            1.0,
        ];
        assert_eq!(median(&v), Some(5.0));
        let shifts: Vec<_> = signals(&v)
            .into_iter()
            .filter(|s| matches!(s, Signal::Shift { .. }))
            .collect();
        assert_eq!(
            shifts,
            [Signal::Shift {
                first: 2,
                last: 9,
                above: true,
                points: 6
            }]
        );
    }

    #[test]
    fn five_points_going_up_are_a_trend() {
        let v = [5.0, 4.0, 6.0, 7.0, 8.0, 9.0, 3.0];
        // 4 → 6 → 7 → 8 → 9: five points going up, from index 1 to 5.
        let trends: Vec<_> = signals(&v)
            .into_iter()
            .filter(|s| matches!(s, Signal::Trend { .. }))
            .collect();
        assert_eq!(
            trends,
            [Signal::Trend {
                first: 1,
                last: 5,
                up: true,
                points: 5
            }]
        );
    }

    #[test]
    fn repeated_values_neither_make_nor_break_a_trend() {
        // 9 8 8 7 6 5: the repeated 8 does not count, so 9 8 7 6 5 is five points down.
        let v = [9.0, 8.0, 8.0, 7.0, 6.0, 5.0];
        assert_eq!(
            signals(&v),
            [Signal::Trend {
                first: 0,
                last: 5,
                up: false,
                points: 5
            }]
        );
        // 9 8 8 7 6: only four that count: no trend.
        assert!(signals(&[9.0, 8.0, 8.0, 7.0, 6.0]).is_empty());
    }

    #[test]
    fn four_points_going_down_are_not_a_trend() {
        assert!(
            signals(&[4.0, 3.0, 2.0, 1.0, 2.0, 1.5])
                .iter()
                .all(|s| !matches!(s, Signal::Trend { .. }))
        );
    }

    #[test]
    fn an_astronomical_point_stands_out() {
        let v = [10.0, 11.0, 9.0, 10.0, 12.0, 10.0, 11.0, 40.0, 10.0, 9.0];
        assert!(signals(&v).contains(&Signal::Astronomical { index: 7 }));
        // Ordinary variation has none.
        let calm = [10.0, 11.0, 9.0, 10.0, 12.0, 10.0, 11.0, 13.0, 10.0, 9.0];
        assert!(
            !signals(&calm)
                .iter()
                .any(|s| matches!(s, Signal::Astronomical { .. }))
        );
    }

    #[test]
    fn flat_series_have_no_signal() {
        assert!(signals(&[5.0; 12]).is_empty());
        assert!(signals(&[5.0]).is_empty());
    }
}

/// What kind of signal, as the snapshot names it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SignalKind {
    /// 6 or more points on one side of the median.
    Shift,
    /// 5 or more points going one way.
    Trend,
    /// One point far from the others.
    Astronomical,
}

/// Which way a signal goes.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SignalWay {
    /// A shift above the median.
    Above,
    /// A shift below the median.
    Below,
    /// A trend going up.
    Up,
    /// A trend going down.
    Down,
}

impl SignalWay {
    /// Whether the values are higher than usual (above the median, or going up).
    pub fn is_high(self) -> bool {
        matches!(self, SignalWay::Above | SignalWay::Up)
    }
}

impl Signal {
    /// Its kind.
    pub fn kind(&self) -> SignalKind {
        match self {
            Signal::Shift { .. } => SignalKind::Shift,
            Signal::Trend { .. } => SignalKind::Trend,
            Signal::Astronomical { .. } => SignalKind::Astronomical,
        }
    }

    /// Its way, for a shift or a trend.
    pub fn way(&self) -> Option<SignalWay> {
        match *self {
            Signal::Shift { above: true, .. } => Some(SignalWay::Above),
            Signal::Shift { above: false, .. } => Some(SignalWay::Below),
            Signal::Trend { up: true, .. } => Some(SignalWay::Up),
            Signal::Trend { up: false, .. } => Some(SignalWay::Down),
            Signal::Astronomical { .. } => None,
        }
    }
}

/// A signal's name and what it says, the one wording of a signal everywhere (the board, the
/// units table, the snapshot page): ("Déplacement", "au-dessus de la médiane").
pub fn words(
    lang: crate::model::Lang,
    kind: SignalKind,
    way: Option<SignalWay>,
) -> (&'static str, &'static str) {
    use crate::i18n::T;
    let name = match kind {
        SignalKind::Shift => T::Shift,
        SignalKind::Trend => T::Trend,
        SignalKind::Astronomical => T::AstronomicalPoint,
    };
    let what = match (kind, way) {
        (SignalKind::Astronomical, _) | (_, None) => "",
        (_, Some(SignalWay::Above)) => T::AboveTheMedian.words(lang),
        (_, Some(SignalWay::Below)) => T::BelowTheMedian.words(lang),
        (_, Some(SignalWay::Up)) => T::GoingUp.words(lang),
        (_, Some(SignalWay::Down)) => T::GoingDown.words(lang),
    };
    (name.words(lang), what)
}

/// A signal in plain words: "Déplacement : 7 points au-dessus de la médiane depuis le 3 nov.".
pub fn describe(signal: &Signal, began: chrono::NaiveDate, lang: crate::model::Lang) -> String {
    use crate::i18n::T;
    let since = crate::i18n::short_date(lang, began);
    let (name, what) = words(lang, signal.kind(), signal.way());
    match signal {
        Signal::Shift { points, .. } | Signal::Trend { points, .. } => T::SignalSince.with(
            lang,
            &[
                ("name", &name),
                ("points", points),
                ("what", &what),
                ("since", &since),
            ],
        ),
        Signal::Astronomical { .. } => {
            T::SignalOn.with(lang, &[("name", &name), ("since", &since)])
        }
    }
}

#[cfg(test)]
mod words {
    use super::*;
    use crate::model::Lang;
    use chrono::NaiveDate;

    #[test]
    fn signals_in_plain_words() {
        let nov = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        let shift = Signal::Shift {
            first: 4,
            last: 10,
            above: true,
            points: 7,
        };
        assert_eq!(
            describe(&shift, nov(14), Lang::En),
            "Shift: 7 points above the median since Sat 14 Nov"
        );
        assert_eq!(
            describe(&shift, nov(14), Lang::Fr),
            "Déplacement : 7 points au-dessus de la médiane depuis le sam. 14 nov."
        );
        let trend = Signal::Trend {
            first: 0,
            last: 4,
            up: false,
            points: 5,
        };
        assert_eq!(
            describe(&trend, nov(10), Lang::Fr),
            "Tendance : 5 points à la baisse depuis le mar. 10 nov."
        );
        assert_eq!(
            describe(&Signal::Astronomical { index: 1 }, nov(11), Lang::En),
            "Astronomical point on Wed 11 Nov"
        );
    }

    #[test]
    fn signals_seen_from_a_later_start() {
        let shift = Signal::Shift {
            first: 4,
            last: 10,
            above: true,
            points: 7,
        };
        assert_eq!(shift.span(), (4, 10));
        // Cut at its start, kept whole but counted from 6; gone when it ended before 11.
        assert_eq!(shift.shifted_back(6).map(|s| s.span()), Some((0, 4)));
        assert_eq!(shift.shifted_back(2).map(|s| s.span()), Some((2, 8)));
        assert_eq!(shift.shifted_back(11), None);
        let point = Signal::Astronomical { index: 3 };
        assert_eq!(
            point.shifted_back(3),
            Some(Signal::Astronomical { index: 0 })
        );
        assert_eq!(point.shifted_back(4), None);
    }
}
