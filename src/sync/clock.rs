//! Other kiosks' clocks: what their manifests say against what this kiosk's clock says, and
//! which kiosk is wrong when they disagree.

use super::*;

/// Keeps when this kiosk first saw the manifest another kiosk wrote last (see [`CLOCK_SEEN`]).
pub(super) fn note_peer_clock(
    store: &mut Store,
    device: &str,
    dir: &Path,
    now: DateTime<Utc>,
    fresh: bool,
) -> Result<(), StoreError> {
    let Some(written) = read_manifest(&dir.join(files::MANIFEST)).and_then(|m| m.written) else {
        return Ok(());
    };
    let key = format!("{CLOCK_SEEN}{device}");
    let written = written.to_rfc3339();
    let kept = store.meta(&key)?;
    if kept
        .as_deref()
        .and_then(|k| k.split(' ').next())
        .is_some_and(|w| w == written)
    {
        return Ok(());
    }
    let mark = if fresh { "" } else { " ?" };
    store.set_meta(&key, &format!("{written} {}{mark}", now.to_rfc3339()))
}

/// How far another kiosk's clock is ahead of this one's (negative: behind), as its last
/// manifest showed it: the time it says it was written, less the time this kiosk saw it.
/// A manifest that may have waited in the folder only ever shows a clock ahead; one seen more
/// than a week ago (a kiosk that stopped publishing) says nothing of its clock today.
pub(super) fn peer_clock(store: &Store, device: &str, now: DateTime<Utc>) -> Option<i64> {
    let kept = store.meta(&format!("{CLOCK_SEEN}{device}")).ok()??;
    let mut parts = kept.split(' ');
    let written = DateTime::parse_from_rfc3339(parts.next()?).ok()?;
    let seen = DateTime::parse_from_rfc3339(parts.next()?).ok()?;
    if now.signed_duration_since(seen) > chrono::Duration::days(7) {
        return None;
    }
    let offset = (written - seen).num_milliseconds();
    let late = parts.next() == Some("?");
    (!late || offset > 0).then_some(offset)
}

/// Names the clock that is wrong. A kiosk whose clock runs ahead of every other one's is this
/// one when all the others are behind it (or the only other one is); this one is behind when
/// most of the others (two or more) are ahead of it; otherwise each kiosk ahead of this one is
/// named.
pub(super) fn judge_clocks(status: &mut SyncStatus, offsets: &[(usize, i64)]) {
    let skew = i64::try_from(SKEW_WARN_MS).unwrap_or(i64::MAX);
    let middle = |mut values: Vec<i64>| {
        values.sort_unstable();
        values.get(values.len() / 2).copied()
    };
    let behind: Vec<i64> = offsets.iter().map(|o| o.1).filter(|o| *o < -skew).collect();
    let ahead: Vec<i64> = offsets.iter().map(|o| o.1).filter(|o| *o > skew).collect();
    if !offsets.is_empty() && behind.len() == offsets.len() {
        status.own_clock_ms = middle(behind).map(|o| -o);
    } else if offsets.len() >= 2 && ahead.len() * 2 > offsets.len() {
        status.own_clock_ms = middle(ahead).map(|o| -o);
    } else {
        for &(index, offset) in offsets {
            if offset > skew
                && let Some(peer) = status.peers.get_mut(index)
            {
                peer.ahead_ms = u64::try_from(offset).ok();
            }
        }
    }
}
