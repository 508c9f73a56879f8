//! Giving freed memory back to the system: alone in its own process, so that no other test's
//! allocations move the figures.

#![cfg(all(target_os = "linux", target_env = "gnu"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use huddle::memory::{heap, release_free_memory, resident};

fn rss() -> u64 {
    resident().expect("Linux says")
}

#[test]
fn freed_memory_goes_back_to_the_system_when_asked() {
    const BLOCKS: usize = 8192;
    const SIZE: usize = 4000;
    const TOTAL: u64 = (BLOCKS * SIZE) as u64;
    let before = heap().expect("glibc can say");
    // Many small blocks, served from the heap (not by mmap), then all freed but the last one,
    // which keeps the heap's top where it is: freeing alone gives nothing back.
    let mut blocks: Vec<Vec<u8>> = (0..BLOCKS).map(|i| vec![i as u8; SIZE]).collect();
    let last = blocks.pop().unwrap();
    let during = heap().unwrap();
    assert!(
        during.in_use >= before.in_use + TOTAL - SIZE as u64,
        "{before:?} → {during:?}"
    );
    drop(blocks);
    let freed = heap().unwrap();
    assert!(
        freed.in_use + TOTAL / 2 < during.in_use,
        "freed blocks are no longer in use: {during:?} → {freed:?}"
    );
    assert!(
        freed.free >= TOTAL / 2,
        "the allocator keeps them: {freed:?}"
    );
    let resident = rss();
    release_free_memory();
    let trimmed = rss();
    assert!(
        trimmed + TOTAL / 2 < resident,
        "asked, it gives them back: resident {resident} → {trimmed} bytes"
    );
    assert_eq!(last.len(), SIZE);
}
