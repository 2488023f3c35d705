//! Memory given back after a large piece of work. A view's first reading
//! or a table built over every coding allocates a few megabytes for a
//! moment; glibc's allocator keeps what was freed for later instead of
//! returning it, so the app's size grew with the store it had once read
//! (after the same spell of use: 21 MB on 20,000 quotes, 32 MB on
//! 200,000). `malloc_trim` hands the free pages back; elsewhere this does
//! nothing.

use std::time::Duration;

/// Work that took this long gives back what it freed. The keys measured
/// by the scale benchmark take as long with it; after its spell of use the
/// app held 19.4 MB on 20,000 quotes and 23.5 MB on 200,000 with 10 ms
/// here, 18.1 and 19.9 MB with 2 ms.
pub const HEAVY: Duration = Duration::from_millis(2);

/// Gives the memory the allocator holds free back to the system.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn give_back() {
    unsafe extern "C" {
        fn malloc_trim(pad: usize) -> std::ffi::c_int;
    }
    // SAFETY: `malloc_trim` takes a size and works on the allocator's own
    // free lists; it touches no memory of ours.
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn give_back() {}
