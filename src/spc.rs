//! Statistical process control: XmR charts as NHS England's "Making Data Count" programme
//! draws them on board reports, computed as its reference implementation (`NHSRplotthedots`
//! 0.2.2) does, so that a team's chart and an analyst's agree to the last decimal.
//!
//! A series is cut into **phases** at the dates a change began (a "rebase"). In each phase:
//! the centre line is the mean of its values (or of its first `baseline` values); the moving
//! ranges are the differences between consecutive values; their mean is taken again after
//! leaving out those at or above 3.267 times it (one wild jump does not widen the limits);
//! the process limits are the mean ± 2.66 × the mean moving range, and a point is "close to
//! the limits" beyond two thirds of that, inside them.
//!
//! Each point then gets the first special cause that applies ([`SpecialCause`]): outside the
//! limits; part of 7 points each strictly higher (or lower) than the one before; close to the
//! limits as one of 3 points on one side of the mean of which 2 are close; part of 7 or more
//! points on one side of the mean (a point on the mean breaks the run); else common cause.
//! With the indicator's direction a special cause reads as an improvement or a concern
//! ([`PointType`]). The **variation** of an indicator is the reading of its latest point; its
//! **assurance** says whether its target lies beyond the latest phase's limits on the good side
//! (it will be met), the bad side (it will not), or between them (met and missed at random).
//!
//! Pure arithmetic on finite values: nothing here panics, whatever the series.

use chrono::NaiveDate;

use crate::model::Direction;

/// The process limits are this many mean moving ranges from the mean.
pub const LIMIT: f64 = 2.66;
/// Moving ranges at or above this many times their mean are left out of it.
pub const SCREEN: f64 = 3.267;
/// Below this many points, a phase's limits are not reliable yet.
pub const RELIABLE_POINTS: usize = 12;
/// Points of a trend or of a run.
const SEVEN: usize = 7;

/// Why a point stands out, the first that applies, in this order of precedence.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCause {
    /// Above the upper process limit.
    AboveUpl,
    /// Below the lower process limit.
    BelowLpl,
    /// Part of 7 points each strictly higher than the one before.
    TrendIncreasing,
    /// Part of 7 points each strictly lower than the one before.
    TrendDecreasing,
    /// Close to the upper limit, as one of 3 points above the mean of which 2 are close.
    TwoInThreeAbove,
    /// Close to the lower limit, as one of 3 points below the mean of which 2 are close.
    TwoInThreeBelow,
    /// Part of 7 or more points above the mean.
    RunAbove,
    /// Part of 7 or more points below the mean.
    RunBelow,
    /// None of the above: the process's usual variation.
    CommonCause,
}

impl SpecialCause {
    /// Which way it points: +1 high, -1 low, 0 for common cause.
    pub fn sign(self) -> i8 {
        match self {
            SpecialCause::AboveUpl
            | SpecialCause::TrendIncreasing
            | SpecialCause::TwoInThreeAbove
            | SpecialCause::RunAbove => 1,
            SpecialCause::BelowLpl
            | SpecialCause::TrendDecreasing
            | SpecialCause::TwoInThreeBelow
            | SpecialCause::RunBelow => -1,
            SpecialCause::CommonCause => 0,
        }
    }

    /// The reading of this cause for an indicator that goes `direction`.
    pub fn point_type(self, direction: Direction) -> PointType {
        match (self.sign(), direction) {
            (0, _) => PointType::CommonCause,
            (s, Direction::Neutral) if s > 0 => PointType::NeutralHigh,
            (_, Direction::Neutral) => PointType::NeutralLow,
            (s, Direction::Higher) if s > 0 => PointType::Improvement,
            (_, Direction::Higher) => PointType::Concern,
            (s, Direction::Lower) if s > 0 => PointType::Concern,
            (_, Direction::Lower) => PointType::Improvement,
        }
    }
}

/// What a point means for the team: the programme's colours (improvement blue, concern
/// orange, common cause grey, neutral purple).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PointType {
    /// The usual variation.
    CommonCause,
    /// Special cause, the good way.
    Improvement,
    /// Special cause, the bad way.
    Concern,
    /// Special cause, high, for an indicator with no good side.
    NeutralHigh,
    /// Special cause, low, for an indicator with no good side.
    NeutralLow,
}

/// Whether the process will meet its target.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Assurance {
    /// The target lies beyond the limits on the good side: it will be met every time.
    Pass,
    /// The target lies beyond the limits on the bad side: it will not be met without a change.
    Fail,
    /// The target lies between the limits: met and missed at random.
    Inconsistent,
}

/// The limits of one phase.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Phase {
    /// The first point of the phase (an index into [`Xmr::points`]).
    pub start: usize,
    /// How many points it has.
    pub len: usize,
    /// Its first date.
    pub from: NaiveDate,
    /// The centre line.
    pub mean: f64,
    /// The mean moving range, after screening; `None` with a single value.
    pub mean_range: Option<f64>,
}

impl Phase {
    /// The lower and upper process limits.
    pub fn limits(&self) -> Option<(f64, f64)> {
        self.mean_range
            .map(|r| (self.mean - LIMIT * r, self.mean + LIMIT * r))
    }

    /// The band beyond which a point is close to the limits (two thirds of the way).
    pub fn near(&self) -> Option<(f64, f64)> {
        let close = 2.0 * LIMIT / 3.0;
        self.mean_range
            .map(|r| (self.mean - close * r, self.mean + close * r))
    }

    /// Whether its limits rest on enough points to be trusted.
    pub fn reliable(&self) -> bool {
        self.len >= RELIABLE_POINTS
    }
}

/// One point of the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct XmrPoint {
    /// The day (or the week's Monday, the month's first).
    pub date: NaiveDate,
    /// The value.
    pub value: f64,
    /// Its phase (an index into [`Xmr::phases`]).
    pub phase: usize,
    /// Why it stands out, if it does.
    pub cause: SpecialCause,
    /// What that means for the team.
    pub point_type: PointType,
}

/// An XmR chart: its points and its phases.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Xmr {
    /// The finite values, by date.
    pub points: Vec<XmrPoint>,
    /// The phases, in order.
    pub phases: Vec<Phase>,
}

impl Xmr {
    /// The chart of `series` (by date; values that are not finite are left out), cut at
    /// `rebases` (a phase starts at the first point on or after each date), with the limits of
    /// each phase taken from its first `baseline` points when given.
    pub fn new(
        series: &[(NaiveDate, f64)],
        rebases: &[NaiveDate],
        baseline: Option<usize>,
        direction: Direction,
    ) -> Xmr {
        let mut values: Vec<(NaiveDate, f64)> = series
            .iter()
            .copied()
            .filter(|(_, v)| v.is_finite())
            .collect();
        values.sort_by_key(|(date, _)| *date);
        // Where each phase starts: the first point on or after a rebase date (never the
        // first point: a phase needs points before it to be a change).
        let mut starts = vec![0];
        for date in rebases {
            if let Some(i) = values.iter().position(|(d, _)| d >= date)
                && i > 0
                && !starts.contains(&i)
            {
                starts.push(i);
            }
        }
        starts.sort_unstable();
        let mut xmr = Xmr::default();
        for (p, &start) in starts.iter().enumerate() {
            let end = starts.get(p + 1).copied().unwrap_or(values.len());
            let Some(slice) = values.get(start..end).filter(|s| !s.is_empty()) else {
                continue;
            };
            let phase = limits(start, slice, baseline);
            let ys: Vec<f64> = slice.iter().map(|(_, v)| *v).collect();
            let causes = special_causes(&ys, &phase);
            let index = xmr.phases.len();
            xmr.phases.push(phase);
            for ((date, value), cause) in slice.iter().zip(causes) {
                xmr.points.push(XmrPoint {
                    date: *date,
                    value: *value,
                    phase: index,
                    cause,
                    point_type: cause.point_type(direction),
                });
            }
        }
        xmr
    }

    /// The reading of the latest point: the indicator's variation.
    pub fn variation(&self) -> Option<PointType> {
        self.points.last().map(|p| p.point_type)
    }

    /// Whether the latest phase will meet `target`; none with no target, for an indicator
    /// with no good side, or without limits.
    pub fn assurance(&self, target: Option<f64>, direction: Direction) -> Option<Assurance> {
        let target = target.filter(|t| t.is_finite())?;
        let (lpl, upl) = self.phases.last()?.limits()?;
        let higher = match direction {
            Direction::Neutral => return None,
            Direction::Higher => true,
            Direction::Lower => false,
        };
        Some(if target > upl {
            if higher {
                Assurance::Fail
            } else {
                Assurance::Pass
            }
        } else if target < lpl {
            if higher {
                Assurance::Pass
            } else {
                Assurance::Fail
            }
        } else {
            Assurance::Inconsistent
        })
    }

    /// The phase of the latest point.
    pub fn latest_phase(&self) -> Option<&Phase> {
        self.phases.last()
    }
}

/// Mean of the values; NaN for none.
fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { f64::NAN } else { sum / n as f64 }
}

/// The centre line and the screened mean moving range of one phase.
fn limits(start: usize, slice: &[(NaiveDate, f64)], baseline: Option<usize>) -> Phase {
    let fixed = baseline.map_or(slice.len(), |n| n.clamp(1, slice.len()));
    let ys: Vec<f64> = slice[..fixed].iter().map(|(_, v)| *v).collect();
    let centre = mean(ys.iter().copied());
    let ranges: Vec<f64> = ys.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    let mean_range = if ranges.is_empty() {
        None
    } else {
        let all = mean(ranges.iter().copied());
        let kept: Vec<f64> = ranges
            .iter()
            .copied()
            .filter(|r| *r < SCREEN * all)
            .collect();
        // Equal values leave every range at 0, which the screen would leave out: the range is
        // then 0, and the limits sit on the mean.
        let screened = if kept.is_empty() {
            all
        } else {
            mean(kept.into_iter())
        };
        screened.is_finite().then_some(screened)
    };
    Phase {
        start,
        len: slice.len(),
        from: slice[0].0,
        mean: centre,
        mean_range,
    }
}

/// The special cause of each value of one phase.
fn special_causes(ys: &[f64], phase: &Phase) -> Vec<SpecialCause> {
    let n = ys.len();
    let side: Vec<i8> = ys
        .iter()
        .map(|y| {
            if *y > phase.mean {
                1
            } else if *y < phase.mean {
                -1
            } else {
                0
            }
        })
        .collect();
    let outside: Vec<bool> = ys
        .iter()
        .map(|y| phase.limits().is_some_and(|(lo, hi)| *y > hi || *y < lo))
        .collect();
    let close: Vec<bool> = ys
        .iter()
        .zip(&outside)
        .map(|(y, out)| !out && phase.near().is_some_and(|(lo, hi)| *y < lo || *y > hi))
        .collect();
    // Where 7 points each strictly higher (or lower) than the one before end.
    let trend_end: Vec<i8> = (0..n)
        .map(|i| {
            if i + 1 < SEVEN {
                return 0;
            }
            let steps = &ys[i + 1 - SEVEN..=i];
            if steps.windows(2).all(|w| w[1] > w[0]) {
                1
            } else if steps.windows(2).all(|w| w[1] < w[0]) {
                -1
            } else {
                0
            }
        })
        .collect();
    // Where 7 points on one side of the mean end.
    let run_end: Vec<bool> = (0..n)
        .map(|i| {
            i + 1 >= SEVEN && side[i] != 0 && side[i + 1 - SEVEN..=i].iter().all(|s| *s == side[i])
        })
        .collect();
    // A point is part of a trend or a run when it or one of the 6 after it ends one.
    let part_of = |ends: &dyn Fn(usize) -> bool, i: usize| (i..(i + SEVEN).min(n)).any(ends);
    let in_trend: Vec<bool> = (0..n).map(|i| part_of(&|j| trend_end[j] != 0, i)).collect();
    let in_run: Vec<bool> = (0..n).map(|i| part_of(&|j| run_end[j], i)).collect();
    // Two of three close to the limits: a window of 3 points all on one side of the mean, 2
    // of them close; the point itself must be close.
    let two_in_three: Vec<bool> = (0..n)
        .map(|i| {
            close[i]
                && (0..3).any(|back| {
                    let Some(first) = i.checked_sub(back) else {
                        return false;
                    };
                    let window = first..first + 3;
                    if window.end > n {
                        return false;
                    }
                    let closes = window.clone().filter(|&k| close[k]).count();
                    let sides: i32 = window.map(|k| i32::from(side[k])).sum();
                    closes >= 2 && sides.abs() == 3
                })
        })
        .collect();
    (0..n)
        .map(|i| {
            let high = side[i] > 0;
            if outside[i] {
                if side[i] == 1 {
                    SpecialCause::AboveUpl
                } else {
                    SpecialCause::BelowLpl
                }
            } else if in_trend[i] {
                // The way of the trend: towards the next point when it is part of the trend
                // too, else from the one before.
                let rising = if i + 1 < n && in_trend[i + 1] {
                    ys[i + 1] > ys[i]
                } else {
                    i > 0 && ys[i] > ys[i - 1]
                };
                if rising {
                    SpecialCause::TrendIncreasing
                } else {
                    SpecialCause::TrendDecreasing
                }
            } else if two_in_three[i] {
                if high {
                    SpecialCause::TwoInThreeAbove
                } else {
                    SpecialCause::TwoInThreeBelow
                }
            } else if in_run[i] {
                if high {
                    SpecialCause::RunAbove
                } else {
                    SpecialCause::RunBelow
                }
            } else {
                SpecialCause::CommonCause
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `set.seed(123); rnorm(20)` in R: the series of `NHSRplotthedots`' own tests.
    const RNORM: [f64; 20] = [
        -0.56047565,
        -0.23017749,
        1.55870831,
        0.07050839,
        0.12928774,
        1.71506499,
        0.46091621,
        -1.26506123,
        -0.68685285,
        -0.44566197,
        1.22408180,
        0.35981383,
        0.40077145,
        0.11068272,
        -0.55584113,
        1.78691314,
        0.49785048,
        -1.96661716,
        0.70135590,
        -0.47279141,
    ];

    fn day(i: usize) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 1, 2).unwrap_or_default() + chrono::Days::new(i as u64)
    }

    fn series(values: &[f64]) -> Vec<(NaiveDate, f64)> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (day(i), *v))
            .collect()
    }

    fn xmr(values: &[f64]) -> Xmr {
        Xmr::new(&series(values), &[], None, Direction::Higher)
    }

    fn causes(values: &[f64]) -> Vec<SpecialCause> {
        xmr(values).points.iter().map(|p| p.cause).collect()
    }

    fn close(a: f64, b: f64, digits: i32) -> bool {
        (a - b).abs() < 0.5 * 10f64.powi(-digits)
    }

    fn limits_of(x: &Xmr, phase: usize) -> (f64, f64, f64) {
        let p = x.phases[phase];
        let (lo, hi) = p.limits().unwrap_or((f64::NAN, f64::NAN));
        (p.mean, lo, hi)
    }

    use SpecialCause::*;

    #[test]
    fn limits_match_the_reference_implementation() {
        // tests/testthat/_snaps/ptd_spc_standard.md, r1: mean 0.1416238, limits
        // -3.01138 and 3.294627; every point common cause.
        let x = xmr(&RNORM);
        let (mean, lpl, upl) = limits_of(&x, 0);
        assert!(close(mean, 0.1416238, 7), "{mean}");
        assert!(close(lpl, -3.01138, 5), "{lpl}");
        assert!(close(upl, 3.294627, 6), "{upl}");
        assert!(x.points.iter().all(|p| p.cause == CommonCause));
        assert_eq!(x.variation(), Some(PointType::CommonCause));
    }

    #[test]
    fn a_large_moving_range_is_screened_out_of_the_limits() {
        // r2 of the same snapshot: y[15] = 10, ranges at or above 3.267 × their mean left out.
        let mut values = RNORM;
        values[14] = 10.0;
        let x = xmr(&values);
        let (mean, lpl, upl) = limits_of(&x, 0);
        assert!(close(mean, 0.6694159, 7), "{mean}");
        assert!(close(lpl, -2.383666, 6), "{lpl}");
        assert!(close(upl, 3.722497, 6), "{upl}");
        assert_eq!(x.points[14].cause, AboveUpl);
        assert_eq!(x.points[14].point_type, PointType::Improvement);
        // Without the screen (r3), the limits would have been -4.596625 and 5.935457: the
        // screened ones are narrower.
        assert!(upl - lpl < 5.935457 - -4.596625);
    }

    #[test]
    fn a_rebase_computes_each_phase_on_its_own() {
        // The facet snapshot: two groups of 10, means 0.0746 and 0.209, limits -2.60 / 2.75
        // and -3.28 / 3.70.
        let x = Xmr::new(&series(&RNORM), &[day(10)], None, Direction::Higher);
        assert_eq!(x.phases.len(), 2);
        assert_eq!((x.phases[1].start, x.phases[1].len), (10, 10));
        let (m0, l0, u0) = limits_of(&x, 0);
        let (m1, l1, u1) = limits_of(&x, 1);
        assert!(close(m0, 0.0746, 4) && close(l0, -2.60, 2) && close(u0, 2.75, 2));
        assert!(close(m1, 0.209, 3) && close(l1, -3.28, 2) && close(u1, 3.70, 2));
        assert!(x.points[..10].iter().all(|p| p.phase == 0));
        assert!(x.points[10..].iter().all(|p| p.phase == 1));
        // A rebase before the first point or after the last changes nothing.
        let same = Xmr::new(&series(&RNORM), &[day(0), day(40)], None, Direction::Higher);
        assert_eq!(same.phases.len(), 1);
    }

    #[test]
    fn a_baseline_fixes_the_limits_on_the_first_points() {
        let all = xmr(&RNORM);
        let fixed = Xmr::new(&series(&RNORM), &[], Some(12), Direction::Higher);
        let first12 = RNORM[..12].iter().sum::<f64>() / 12.0;
        assert!(close(fixed.phases[0].mean, first12, 9));
        assert_ne!(limits_of(&fixed, 0), limits_of(&all, 0));
        assert_eq!(fixed.points.len(), 20);
    }

    /// `pattern` after ten points alternating 0 and 10, which fix the limits (baseline 10):
    /// mean 5, limits 5 ± 26.6, close beyond 5 ± 17.7. The causes of the pattern's points.
    fn after_wide(pattern: &[f64], direction: Direction) -> Vec<SpecialCause> {
        let mut values: Vec<f64> = (0..10)
            .map(|i| if i % 2 == 0 { 0.0 } else { 10.0 })
            .collect();
        values.extend(pattern);
        let x = Xmr::new(&series(&values), &[], Some(10), direction);
        assert!(close(x.phases[0].mean, 5.0, 9));
        assert_eq!(x.phases[0].limits(), Some((5.0 - 26.6, 5.0 + 26.6)));
        x.points[10..].iter().map(|p| p.cause).collect()
    }

    #[test]
    fn seven_strictly_rising_points_are_a_trend() {
        let higher = Direction::Higher;
        // ptd_seven_point_trend's cases: 1:7 is a trend, an equal step breaks it.
        assert_eq!(
            after_wide(&[1., 2., 3., 4., 5., 6., 7.], higher),
            [TrendIncreasing; 7]
        );
        assert_eq!(
            after_wide(&[1., 2., 3., 3., 4., 5., 6.], higher),
            [CommonCause; 7]
        );
        // c(2, 1:7, 3): the seven in the middle, not the ends.
        let c = after_wide(&[2., 1., 2., 3., 4., 5., 6., 7., 3.], higher);
        assert_eq!(c[0], CommonCause, "{c:?}");
        assert_eq!(c[1..8], [TrendIncreasing; 7], "{c:?}");
        assert_eq!(c[8], CommonCause, "{c:?}");
        // c(2, 7:1, 3), going down.
        let c = after_wide(&[2., 7., 6., 5., 4., 3., 2., 1., 3.], higher);
        assert_eq!(c[1..8], [TrendDecreasing; 7], "{c:?}");
        // Six steps make the seven points: six points are not a trend.
        assert_eq!(
            after_wide(&[1., 2., 3., 4., 5., 6.], higher),
            [CommonCause; 6]
        );
    }

    #[test]
    fn a_trend_reads_with_the_direction() {
        let falling = [7., 6., 5., 4., 3., 2., 1.];
        let mut values: Vec<f64> = (0..10)
            .map(|i| if i % 2 == 0 { 0.0 } else { 10.0 })
            .collect();
        values.extend(falling);
        let read = |direction| Xmr::new(&series(&values), &[], Some(10), direction).variation();
        assert_eq!(read(Direction::Lower), Some(PointType::Improvement));
        assert_eq!(read(Direction::Higher), Some(PointType::Concern));
        assert_eq!(read(Direction::Neutral), Some(PointType::NeutralLow));
    }

    #[test]
    fn seven_points_on_one_side_of_the_mean_are_a_run_and_the_mean_breaks_it() {
        let higher = Direction::Higher;
        // The last point of the baseline (10) and seven after it above the mean: a run of 8.
        let c = after_wide(&[6., 7., 6., 7., 6., 7., 6.], higher);
        assert_eq!(c, [RunAbove; 7]);
        // Six above the mean are not a run.
        assert_eq!(
            after_wide(&[4., 3., 4., 3., 4., 3.], higher),
            [CommonCause; 6]
        );
        let c = after_wide(&[4., 3., 4., 3., 4., 3., 4.], higher);
        assert_eq!(c, [RunBelow; 7]);
        // A point on the mean (5) breaks the run: four above, the mean, four above.
        let c = after_wide(&[6., 7., 6., 7., 5., 6., 7., 6., 7.], higher);
        assert_eq!(c, [CommonCause; 9], "{c:?}");
    }

    #[test]
    fn two_of_three_close_to_a_limit_on_the_same_side() {
        // ptd_spc_standard's own case: symmetrical data, two points close to the limits on
        // opposite sides of the mean are common cause.
        let mut values: Vec<f64> = (0..16)
            .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        values[14] = 5.5;
        values[15] = -5.5;
        let c = causes(&values);
        assert_eq!(c[14..], [CommonCause, CommonCause], "{c:?}");
        // On the same side of the mean, 2 of 3 close: the close ones are special cause, the
        // third (above the mean, not close) is not.
        let higher = Direction::Higher;
        let c = after_wide(&[25., 6., 25., 4.], higher);
        assert_eq!(
            c,
            [TwoInThreeAbove, CommonCause, TwoInThreeAbove, CommonCause]
        );
        let c = after_wide(&[-15., 4., -15.], higher);
        assert_eq!(c, [TwoInThreeBelow, CommonCause, TwoInThreeBelow]);
        // One close point alone is not.
        assert_eq!(after_wide(&[25., 6., 4., 6.], higher), [CommonCause; 4]);
    }

    #[test]
    fn outside_the_limits_comes_before_a_trend_and_a_run() {
        let higher = Direction::Higher;
        // A run of eight above the mean whose last point is past the upper limit.
        let c = after_wide(&[6., 7., 6., 7., 6., 7., 40.], higher);
        assert_eq!(c[6], AboveUpl, "{c:?}");
        assert_eq!(c[..6], [RunAbove; 6], "{c:?}");
        // A rising trend whose last point is past the limit.
        let c = after_wide(&[1., 2., 3., 4., 5., 6., 40.], higher);
        assert_eq!(c[6], AboveUpl, "{c:?}");
        assert_eq!(c[..6], [TrendIncreasing; 6], "{c:?}");
        // A trend inside a run is named for the trend.
        let c = after_wide(&[6., 7., 8., 9., 10., 11., 12.], higher);
        assert_eq!(c, [TrendIncreasing; 7]);
        assert_eq!(
            after_wide(&[-30.], higher)[0],
            BelowLpl,
            "below the lower limit"
        );
    }

    #[test]
    fn assurance_reads_the_target_against_the_latest_limits() {
        let x = xmr(&RNORM);
        let (lpl, upl) = x.phases[0].limits().unwrap_or_default();
        let higher = Direction::Higher;
        let lower = Direction::Lower;
        assert_eq!(x.assurance(Some(lpl - 1.0), higher), Some(Assurance::Pass));
        assert_eq!(x.assurance(Some(upl + 1.0), higher), Some(Assurance::Fail));
        assert_eq!(x.assurance(Some(upl + 1.0), lower), Some(Assurance::Pass));
        assert_eq!(x.assurance(Some(lpl - 1.0), lower), Some(Assurance::Fail));
        assert_eq!(x.assurance(Some(0.0), lower), Some(Assurance::Inconsistent));
        assert_eq!(x.assurance(None, higher), None);
        assert_eq!(x.assurance(Some(0.0), Direction::Neutral), None);
        // The latest phase decides: a change that moved the process above the target.
        let mut values = vec![10.0, 11.0, 9.0, 10.0, 12.0, 8.0, 10.0, 11.0, 9.0, 10.0];
        values.extend([30.0, 31.0, 29.0, 30.0, 32.0, 28.0, 30.0, 31.0, 29.0, 30.0]);
        let before = Xmr::new(&series(&values[..10]), &[], None, higher);
        assert_eq!(before.assurance(Some(20.0), higher), Some(Assurance::Fail));
        let after = Xmr::new(&series(&values), &[day(10)], None, higher);
        assert_eq!(after.assurance(Some(20.0), higher), Some(Assurance::Pass));
    }

    #[test]
    fn neutral_indicators_read_high_and_low() {
        let mut values = RNORM;
        values[14] = 10.0;
        values[19] = -10.0;
        let x = Xmr::new(&series(&values), &[], None, Direction::Neutral);
        assert_eq!(x.points[14].point_type, PointType::NeutralHigh);
        assert_eq!(x.variation(), Some(PointType::NeutralLow));
        assert_eq!(x.points[0].point_type, PointType::CommonCause);
    }

    #[test]
    fn short_odd_and_flat_series_never_break() {
        assert_eq!(xmr(&[]).points.len(), 0);
        assert_eq!(xmr(&[]).variation(), None);
        let one = xmr(&[5.0]);
        assert_eq!(one.phases[0].limits(), None);
        assert_eq!(one.points[0].cause, CommonCause);
        assert_eq!(one.assurance(Some(1.0), Direction::Higher), None);
        let flat = xmr(&[3.0; 15]);
        assert_eq!(flat.phases[0].limits(), Some((3.0, 3.0)));
        assert!(flat.points.iter().all(|p| p.cause == CommonCause));
        let odd = xmr(&[1.0, f64::NAN, f64::INFINITY, 2.0, -f64::MAX, f64::MAX]);
        assert_eq!(odd.points.len(), 4);
        assert!(!xmr(&RNORM[..11]).phases[0].reliable());
        assert!(xmr(&RNORM[..12]).phases[0].reliable());
    }
}
