//! Convergence, shown on random histories: three kiosks edit the same records (fields put one
//! by one, deletions, undos) with clocks that drift and jump, hear of each other's changes in
//! a random order, some twice; then every kiosk, and a fourth that receives everything in yet
//! another order, twice, hold the same records.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use huddle::model::{Change, EntryKind, Fields, Op, Origin, Stamped, new_id};
use huddle::store::Store;
use proptest::prelude::*;

const BOARD: &str = "team";

#[derive(Clone, Debug)]
enum Step {
    /// Kiosk `k` puts some fields of record `r` at its clock `t` (seconds).
    Put {
        k: usize,
        r: u8,
        fields: Vec<(u8, u8)>,
        t: i64,
    },
    /// Kiosk `k` deletes record `r`.
    Delete { k: usize, r: u8, t: i64 },
    /// Kiosk `k` undoes its last change.
    Undo { k: usize, t: i64 },
    /// Kiosk `to` reads what kiosk `from` has published.
    Deliver { from: usize, to: usize },
}

fn step() -> impl Strategy<Value = Step> {
    let t = -200i64..200;
    prop_oneof![
        4 => (0..3usize, 0..4u8, prop::collection::vec((0..3u8, 0..5u8), 1..3), t.clone())
            .prop_map(|(k, r, fields, t)| Step::Put { k, r, fields, t }),
        1 => (0..3usize, 0..4u8, t.clone()).prop_map(|(k, r, t)| Step::Delete { k, r, t }),
        1 => (0..3usize, t).prop_map(|(k, t)| Step::Undo { k, t }),
        3 => (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Deliver { from, to }),
    ]
}

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn change(k: usize, r: u8, op: Op, at: DateTime<Utc>) -> Change {
    Change {
        id: new_id(),
        board: BOARD.into(),
        section: "s".into(),
        record: format!("r{r}"),
        kind: EntryKind::Action,
        op,
        author: format!("kiosk {k}"),
        at,
        origin: Origin::Screen,
        undoes: None,
    }
}

/// Shuffles `items` by the random `keys` (cycled), keeping a deterministic order for a case.
fn shuffled<T: Clone>(items: &[T], keys: &[u32]) -> Vec<T> {
    let mut keyed: Vec<(u32, usize, T)> = items
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, item)| (keys[i % keys.len()].wrapping_mul(i as u32 + 1), i, item))
        .collect();
    keyed.sort_by_key(|(k, i, _)| (*k, *i));
    keyed.into_iter().map(|(_, _, item)| item).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_order_of_the_same_changes_gives_the_same_records(
        steps in prop::collection::vec(step(), 1..60),
        skew in prop::array::uniform3(-86_400i64..86_400),
        keys in prop::collection::vec(any::<u32>(), 1..50),
    ) {
        let mut kiosks: Vec<Store> = (0..3).map(|_| Store::open_in_memory().unwrap()).collect();
        for step in &steps {
            match step {
                Step::Put { k, r, fields, t } => {
                    let fields: Fields = fields
                        .iter()
                        .map(|(f, v)| (format!("f{f}"), serde_json::json!(v)))
                        .collect();
                    let at = base() + Duration::seconds(skew[*k] + t);
                    kiosks[*k].apply(&change(*k, *r, Op::Put(fields), at)).unwrap();
                }
                Step::Delete { k, r, t } => {
                    let at = base() + Duration::seconds(skew[*k] + t);
                    kiosks[*k].apply(&change(*k, *r, Op::Delete, at)).unwrap();
                }
                Step::Undo { k, t } => {
                    let at = base() + Duration::seconds(skew[*k] + t);
                    kiosks[*k].undo_last(BOARD, "someone", Origin::Screen, at).unwrap();
                }
                Step::Deliver { from, to } if from != to => {
                    let shipped = kiosks[*from].outbox(0, usize::MAX).unwrap();
                    let shipped = shuffled(&shipped, &keys);
                    kiosks[*to].ingest(&shipped, &[]).unwrap();
                }
                Step::Deliver { .. } => {}
            }
        }
        // Everything everywhere, in an order of its own for each kiosk, some of it twice.
        let all: Vec<Stamped> = kiosks
            .iter()
            .flat_map(|k| k.outbox(0, usize::MAX).unwrap())
            .collect();
        for (n, kiosk) in kiosks.iter_mut().enumerate() {
            let mut order = shuffled(&all, &keys[n % keys.len()..]);
            order.extend(shuffled(&all, &keys).into_iter().take(all.len() / 3));
            kiosk.ingest(&order, &[]).unwrap();
        }
        let mut fresh = Store::open_in_memory().unwrap();
        let mut reversed = all.clone();
        reversed.reverse();
        for chunk in reversed.chunks(3) {
            fresh.ingest(chunk, &[]).unwrap();
        }
        fresh.ingest(&all, &[]).unwrap();
        let reference = fresh.merged_state(BOARD).unwrap();
        for kiosk in &kiosks {
            prop_assert_eq!(&kiosk.merged_state(BOARD).unwrap(), &reference);
            prop_assert_eq!(&kiosk.records(BOARD).unwrap(), &fresh.records(BOARD).unwrap());
        }
    }
}
