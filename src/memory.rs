//! The process's memory: what the allocator holds, and giving back what it holds for nothing.
//!
//! A kiosk runs for months. The C allocator (glibc's malloc on Debian) keeps memory that was
//! freed in its arenas for reuse and gives back only what sits at the top of a heap, so a
//! burst of work (a sync that read a large file, a snapshot, a backup) can leave resident
//! memory higher than what the program still uses. [`release_free_memory`] asks it to give
//! back every free page, from every thread's arena; the kiosk calls it after such work.

/// What the allocator holds, in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Heap {
    /// In use by the program (allocated and not freed).
    pub in_use: u64,
    /// Freed, kept by the allocator for reuse.
    pub free: u64,
}

/// What the allocator holds now, where it can say (glibc on Linux).
pub fn heap() -> Option<Heap> {
    imp::heap()
}

/// This process's resident memory (`VmRSS`), in bytes, where the system says (Linux).
pub fn resident() -> Option<u64> {
    status_bytes("VmRSS:")
}

/// The most resident memory this process has had so far (`VmHWM`), in bytes (Linux).
pub fn peak_resident() -> Option<u64> {
    status_bytes("VmHWM:")
}

/// A `… kB` line of `/proc/self/status`, in bytes.
fn status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix(field))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// Sets the allocator up for a process that runs for months, once at start: blocks of 128 KiB
/// and more are mapped on their own and unmapped when freed. By default glibc raises that
/// threshold each time such a block is freed (up to 32 MiB), after which large short-lived
/// buffers (a sync's file, a snapshot's page, a frame's vertices) are carved out of the heap
/// between long-lived blocks, and the holes they leave add up. Measured in the soak: the
/// heap's free space grew half as fast with it.
pub fn for_a_long_run() {
    imp::for_a_long_run();
}

/// Gives the free pages the allocator keeps back to the system. Cheap (a walk over free
/// chunks); a no-op where the allocator cannot be asked.
pub fn release_free_memory() {
    imp::release_free_memory();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
mod imp {
    use super::Heap;

    pub fn heap() -> Option<Heap> {
        // SAFETY: `mallinfo2` takes no argument, only reads the allocator's counters under its
        // own locks, and returns a plain struct by value (glibc 2.33 and later).
        let info = unsafe { libc::mallinfo2() };
        Some(Heap {
            in_use: (info.uordblks + info.hblkhd) as u64,
            free: info.fordblks as u64,
        })
    }

    pub fn for_a_long_run() {
        const THRESHOLD: libc::c_int = 128 * 1024;
        // SAFETY: `mallopt` takes two plain integers and only changes the allocator's settings
        // under its own lock; both parameters are ones glibc documents.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD);
            libc::mallopt(libc::M_TRIM_THRESHOLD, THRESHOLD);
        }
    }

    pub fn release_free_memory() {
        // SAFETY: `malloc_trim` takes a plain integer (the padding to keep at the top of the
        // heap) and only returns free memory to the system under the allocator's own locks;
        // no memory in use is touched.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod imp {
    use super::Heap;

    pub fn heap() -> Option<Heap> {
        None
    }

    pub fn for_a_long_run() {}

    pub fn release_free_memory() {}
}
