//! The allocations of one `validate` call, bumped in one region.
//!
//! A check allocates a few hundred small blocks (the node list, findings, their texts, the
//! compact form) and frees every one of them before `validate` returns. [`Scoped`] hands them out
//! of one region by moving a pointer, and takes the region back whole when the last of them is
//! freed; anything else (before the first call, between calls, when the region is full or still
//! holds a block from an earlier call) goes to the allocator underneath (talc in the `.wasm`).
//!
//! Measured with `validate` in Node against the same build on talc alone (A/B in one process,
//! four runs, two in each order; pkg/README, "Performance"): the invalid input, whose 42 findings
//! allocate most, 0.93–0.94× the time; typical 0.97–0.99×; large 0.98–1.0×. The three methods
//! are not inlined: inlined into every allocation site they made the `.wasm` 8.7 KB larger and
//! the typical and large inputs slower.
//!
//! Single-threaded only: the `.wasm` is built without the `atomics` feature (no threads share its
//! memory), and the global allocator is set only for that build (lib.rs).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

/// The region's size: the large shared input's check allocates about 150 KB in all.
pub const REGION: usize = 512 * 1024;

/// A region allocator over `A`, turned on between [`Scoped::begin`] and [`Scoped::end`].
pub struct Scoped<A> {
    under: A,
    state: UnsafeCell<State>,
}

struct State {
    /// The region's first byte; 0 until the first [`Scoped::begin`] that can use it.
    base: usize,
    /// Bytes of the region in use (from `base`).
    top: usize,
    /// Blocks of the region not yet freed.
    live: usize,
    /// Whether allocations go to the region now.
    on: bool,
    /// Calls to `begin` so far (the first runs on `A`: it sets up what lives on after it).
    calls: usize,
}

// SAFETY: the state is only touched by the thread that owns the `.wasm` instance; see the module
// documentation (built without `atomics`, so there is no other thread).
unsafe impl<A: Sync> Sync for Scoped<A> {}

impl<A> Scoped<A> {
    pub const fn new(under: A) -> Self {
        Scoped { under, state: UnsafeCell::new(State { base: 0, top: 0, live: 0, on: false, calls: 0 }) }
    }

    #[allow(clippy::mut_from_ref)]
    fn state(&self) -> &mut State {
        // SAFETY: one thread (see above), and no reference to the state outlives a method of
        // this type: none of them calls back into another while holding it.
        unsafe { &mut *self.state.get() }
    }

    fn in_region(&self, p: *mut u8) -> bool {
        let s = self.state();
        let a = p as usize;
        s.base != 0 && a >= s.base && a < s.base + REGION
    }
}

impl<A: GlobalAlloc> Scoped<A> {
    /// The start of a `validate` call: allocations go to the region if it is free. The first
    /// call's do not: what it sets up once (tables built on first use) lives on, and would hold
    /// the region.
    pub fn begin(&self) {
        let s = self.state();
        s.calls += 1;
        if s.calls < 2 || s.live > 0 {
            // Still holding a block of an earlier call (a call that trapped): not used again
            // until that block is freed.
            return;
        }
        if s.base == 0 {
            // SAFETY: a non-zero size.
            s.base = unsafe { self.under.alloc(Layout::from_size_align(REGION, 16).expect("layout")) } as usize;
            if s.base == 0 {
                return;
            }
        }
        s.top = 0;
        s.on = true;
    }

    /// The end of the call: later allocations go to `A`.
    pub fn end(&self) {
        self.state().on = false;
    }
}

// SAFETY: blocks from the region are disjoint (each starts at or after the end of the one before
// it, and `top` only moves back over blocks that were freed: the last one, or all of them), lie
// within the region, and are aligned as asked; every other block is `A`'s and goes back to `A`.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Scoped<A> {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let s = self.state();
        if s.on {
            let end = s.base + s.top;
            let start = end.next_multiple_of(layout.align());
            if start - s.base + layout.size() <= REGION {
                s.top = start - s.base + layout.size();
                s.live += 1;
                return start as *mut u8;
            }
        }
        // SAFETY: the caller's layout, passed on.
        unsafe { self.under.alloc(layout) }
    }

    #[inline(never)]
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if !self.in_region(p) {
            // SAFETY: a block of `A`'s, with its layout.
            return unsafe { self.under.dealloc(p, layout) };
        }
        let s = self.state();
        s.live -= 1;
        if s.live == 0 {
            s.top = 0;
        } else if p as usize + layout.size() == s.base + s.top {
            // The last block: its bytes can be handed out again.
            s.top = p as usize - s.base;
        }
    }

    #[inline(never)]
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !self.in_region(p) {
            // SAFETY: a block of `A`'s, with its layout and the caller's new size.
            return unsafe { self.under.realloc(p, layout, new_size) };
        }
        let s = self.state();
        let at = p as usize - s.base;
        if s.on && at + layout.size() == s.top && at + new_size <= REGION {
            // The last block grows or shrinks where it is.
            s.top = at + new_size;
            return p;
        }
        if new_size <= layout.size() {
            // Shrinks where it is (its tail stays unused until the region is taken back).
            return p;
        }
        // SAFETY: `new_size` is non-zero (larger than the old size) and the alignment the
        // caller's; the old block is valid for `layout.size()` bytes and the new one for more,
        // and they are distinct blocks.
        unsafe {
            let q = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
            if !q.is_null() {
                std::ptr::copy_nonoverlapping(p, q, layout.size());
                self.dealloc(p, layout);
            }
            q
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::alloc::System;

    #[derive(Clone, Debug)]
    enum Step {
        Alloc { size: usize, align_log: u32 },
        Free(usize),
        Realloc(usize, usize),
        Begin,
        End,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            6 => (1usize..300, 0u32..6).prop_map(|(size, align_log)| Step::Alloc { size, align_log }),
            1 => (1usize..100_000, 0u32..3).prop_map(|(size, align_log)| Step::Alloc { size, align_log }),
            4 => any::<usize>().prop_map(Step::Free),
            3 => (any::<usize>(), 1usize..2_000).prop_map(|(i, n)| Step::Realloc(i, n)),
            1 => Just(Step::Begin),
            1 => Just(Step::End),
        ]
    }

    /// Any sequence of allocations, frees, reallocations, begins and ends (region on and off,
    /// blocks living across calls, the region filling up): every live block keeps its bytes, is
    /// aligned as asked, and blocks never overlap. Each block is filled with its own byte and
    /// checked after every step.
    #[test]
    fn blocks_stay_apart_and_keep_their_bytes() {
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 200, ..Default::default() });
        runner
            .run(&proptest::collection::vec(step(), 1..300), |steps| {
                let a = Scoped::new(System);
                // (pointer, layout, fill byte)
                let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
                let mut next = 0u8;
                for st in steps {
                    match st {
                        Step::Alloc { size, align_log } => {
                            let layout = Layout::from_size_align(size, 1 << align_log).unwrap();
                            let p = unsafe { a.alloc(layout) };
                            prop_assert!(!p.is_null());
                            prop_assert_eq!(p as usize % layout.align(), 0);
                            next = next.wrapping_add(1);
                            unsafe { std::ptr::write_bytes(p, next, size) };
                            live.push((p, layout, next));
                        }
                        Step::Free(i) if !live.is_empty() => {
                            let (p, layout, _) = live.swap_remove(i % live.len());
                            unsafe { a.dealloc(p, layout) };
                        }
                        Step::Realloc(i, n) if !live.is_empty() => {
                            let i = i % live.len();
                            let (p, layout, fill) = live[i];
                            let q = unsafe { a.realloc(p, layout, n) };
                            prop_assert!(!q.is_null());
                            prop_assert_eq!(q as usize % layout.align(), 0);
                            let kept = layout.size().min(n);
                            prop_assert!(unsafe { std::slice::from_raw_parts(q, kept) }.iter().all(|&b| b == fill), "realloc lost bytes");
                            unsafe { std::ptr::write_bytes(q, fill, n) };
                            live[i] = (q, Layout::from_size_align(n, layout.align()).unwrap(), fill);
                        }
                        Step::Begin => a.begin(),
                        Step::End => a.end(),
                        _ => {}
                    }
                    for &(p, layout, fill) in &live {
                        prop_assert!(unsafe { std::slice::from_raw_parts(p, layout.size()) }.iter().all(|&b| b == fill), "a block was overwritten");
                    }
                    let mut spans: Vec<(usize, usize)> = live.iter().map(|&(p, l, _)| (p as usize, p as usize + l.size())).collect();
                    spans.sort_unstable();
                    prop_assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "blocks overlap");
                }
                for (p, layout, _) in live {
                    unsafe { a.dealloc(p, layout) };
                }
                Ok(())
            })
            .unwrap();
    }

    /// The region is used from the second call on, taken back when its blocks are freed, and
    /// left alone while a block of an earlier call lives.
    #[test]
    fn the_region_serves_calls_after_the_first() {
        let a = Scoped::new(System);
        let l = Layout::from_size_align(24, 8).unwrap();
        a.begin();
        let first = unsafe { a.alloc(l) };
        a.end();
        assert!(!a.in_region(first), "the first call runs on the allocator underneath");
        a.begin();
        let p = unsafe { a.alloc(l) };
        let q = unsafe { a.alloc(l) };
        assert!(a.in_region(p) && a.in_region(q));
        assert_eq!(q as usize, p as usize + 24);
        unsafe { a.dealloc(q, l) };
        let r = unsafe { a.alloc(l) };
        assert_eq!(r, q, "the last block's bytes are handed out again");
        a.end();
        let between = unsafe { a.alloc(l) };
        assert!(!a.in_region(between), "off between calls");
        unsafe { a.dealloc(between, l) };
        // A block of that call still lives: the next call does not use the region.
        unsafe { a.dealloc(p, l) };
        a.begin();
        let s = unsafe { a.alloc(l) };
        assert!(!a.in_region(s));
        a.end();
        // Freed at last: the call after that uses it again, from its start.
        unsafe { a.dealloc(r, l) };
        a.begin();
        let t = unsafe { a.alloc(l) };
        assert_eq!(t, p);
        a.end();
        for b in [first, s, t] {
            unsafe { a.dealloc(b, l) };
        }
    }
}
