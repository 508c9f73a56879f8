//! The frame of an inline SVG chart and the scale from values to its pixels.

/// The drawing area of a chart, in SVG units.
#[derive(Clone, Copy)]
pub(super) struct Plot {
    pub(super) width: f64,
    pub(super) height: f64,
    pub(super) left: f64,
    pub(super) right: f64,
    pub(super) top: f64,
    pub(super) bottom: f64,
}

impl Plot {
    /// An indicator's run chart.
    pub(super) const RUN: Plot = Plot {
        width: 320.0,
        height: 150.0,
        left: 34.0,
        right: 8.0,
        top: 8.0,
        bottom: 20.0,
    };
    /// The weekly mood.
    pub(super) const MOOD: Plot = Plot {
        width: 320.0,
        height: 96.0,
        left: 26.0,
        right: 8.0,
        top: 8.0,
        bottom: 18.0,
    };

    /// Left, right, top and bottom edges of the plot.
    pub(super) fn frame(self) -> (f64, f64, f64, f64) {
        (
            self.left,
            self.width - self.right,
            self.top,
            self.height - self.bottom,
        )
    }

    /// The x of the `i`-th of `n` points, spread evenly (one point in the middle).
    pub(super) fn x(self, i: usize, n: usize) -> f64 {
        let (left, right, _, _) = self.frame();
        if n <= 1 {
            (left + right) / 2.0
        } else {
            left + (right - left) * i as f64 / (n - 1) as f64
        }
    }
}

/// Maps values to y. Works on halves of the values, so that the span of two finite values is
/// always finite.
pub(super) struct Scale {
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) top: f64,
    pub(super) bottom: f64,
}

impl Scale {
    /// A scale that shows all the finite `values`, with a margin; a sensible one for a single
    /// value or equal values.
    pub(super) fn new(values: impl Iterator<Item = f64>, plot: Plot) -> Self {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for half in values.filter(|v| v.is_finite()).map(|v| v / 2.0) {
            lo = lo.min(half);
            hi = hi.max(half);
        }
        if lo > hi {
            (lo, hi) = (0.0, 0.0);
        }
        let span = hi - lo;
        let pad = if span > 0.0 {
            span * 0.08
        } else {
            (lo.abs() * 0.1).max(0.5)
        };
        Scale::halves(lo - pad, hi + pad, plot)
    }

    /// A scale from `lo` to `hi` exactly.
    pub(super) fn fixed(lo: f64, hi: f64, plot: Plot) -> Self {
        Scale::halves(lo / 2.0, hi / 2.0, plot)
    }

    pub(super) fn halves(lo: f64, hi: f64, plot: Plot) -> Self {
        let (_, _, top, bottom) = plot.frame();
        Scale {
            lo,
            hi,
            top,
            bottom,
        }
    }

    /// The y of a value: its place between the bottom and the top of the plot.
    pub(super) fn y(&self, value: f64) -> f64 {
        let f = (value / 2.0 - self.lo) / (self.hi - self.lo);
        let f = if f.is_finite() {
            f.clamp(0.0, 1.0)
        } else {
            0.5
        };
        self.bottom - f * (self.bottom - self.top)
    }
}
