//! The allocations of one `validate` call, bumped in one region.
//!
//! A check allocates a few hundred small blocks (the node list, findings, their texts, the
//! compact form) and frees every one of them before `validate` returns. [`Scoped`] hands them out
//! of one region by moving a pointer, and takes the region back whole when the last of them is
//! freed; anything else (the first call, between calls, when the region is full) goes to the
//! allocator underneath (talc in the `.wasm`). A block that outlives its call (a table built on
//! first use, a call cut short by a trap) would hold the region: the next call then leaves it
//! to that block (it is returned to `A` when the block is freed) and takes a new one, up to
//! [`RETIRED`] held regions, after which calls run on `A` alone.
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

/// The region's size. Measured natively (64-bit pointers, so more than in wasm32): preparing,
/// detecting and checking the large shared input allocates 82 KB in all, the invalid one 65 KB,
/// the typical one 11 KB; a call that needs more goes on in `A` when the region is full.
pub const REGION: usize = 512 * 1024;

/// How many regions blocks of earlier calls may hold.
pub const RETIRED: usize = 2;

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
    /// Regions left to blocks of earlier calls: (first byte, blocks not yet freed); first byte 0
    /// for a free slot.
    retired: [(usize, usize); RETIRED],
}

// SAFETY: the state is only touched by the thread that owns the `.wasm` instance: wasm built
// without `atomics` has no other thread. (Nowhere else is it `Sync`: natively it is only a
// local of the tests.)
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
unsafe impl<A: Sync> Sync for Scoped<A> {}

impl<A> Scoped<A> {
    pub const fn new(under: A) -> Self {
        Scoped { under, state: UnsafeCell::new(State { base: 0, top: 0, live: 0, on: false, calls: 0, retired: [(0, 0); RETIRED] }) }
    }

    #[allow(clippy::mut_from_ref)]
    fn state(&self) -> &mut State {
        // SAFETY: one thread (see above), and a reference to the state is not used after another
        // call of `state` (each method takes it afresh after calling another).
        unsafe { &mut *self.state.get() }
    }

    fn in_region(&self, p: *mut u8) -> bool {
        within(self.state().base, p)
    }

    /// The slot of the retired region `p` is in.
    fn retired_slot(&self, p: *mut u8) -> Option<usize> {
        self.state().retired.iter().position(|&(base, _)| within(base, p))
    }
}

/// Whether `p` lies in the region starting at `base` (0: none).
fn within(base: usize, p: *mut u8) -> bool {
    let a = p as usize;
    base != 0 && a >= base && a < base + REGION
}

fn region_layout() -> Layout {
    Layout::from_size_align(REGION, 16).expect("layout")
}

impl<A: GlobalAlloc> Scoped<A> {
    /// The start of a `validate` call: allocations go to the region. The first call's do not:
    /// what it sets up once (tables built on first use) lives on, and would hold the region.
    pub fn begin(&self) {
        let s = self.state();
        s.calls += 1;
        if s.calls < 2 {
            return;
        }
        if s.live > 0 {
            // A block of an earlier call holds the region: leave the region to it.
            let Some(slot) = s.retired.iter().position(|&(base, _)| base == 0) else { return };
            s.retired[slot] = (s.base, s.live);
            (s.base, s.live) = (0, 0);
        }
        if s.base == 0 {
            // SAFETY: a non-zero size.
            s.base = unsafe { self.under.alloc(region_layout()) } as usize;
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
            if let Some(slot) = self.retired_slot(p) {
                let r = &mut self.state().retired[slot];
                r.1 -= 1;
                if r.1 == 0 {
                    let base = std::mem::replace(&mut r.0, 0);
                    // SAFETY: the region, allocated by `A` with this layout, and none of its
                    // blocks live.
                    unsafe { self.under.dealloc(base as *mut u8, region_layout()) };
                }
                return;
            }
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
        let in_current = self.in_region(p);
        if !in_current && self.retired_slot(p).is_none() {
            // SAFETY: a block of `A`'s, with its layout and the caller's new size.
            return unsafe { self.under.realloc(p, layout, new_size) };
        }
        let s = self.state();
        if in_current && s.on {
            let at = p as usize - s.base;
            if at + layout.size() == s.top && at + new_size <= REGION {
                // The last block grows or shrinks where it is.
                s.top = at + new_size;
                return p;
            }
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
                let a = Scoped::new(Counting(std::cell::Cell::new(0)));
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
                // Nothing left on the allocator underneath but the current region.
                prop_assert!(a.under.0.get() <= 1, "{} blocks held", a.under.0.get());
                Ok(())
            })
            .unwrap();
    }

    /// `System`, counting the blocks it holds.
    struct Counting(std::cell::Cell<isize>);

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            self.0.set(self.0.get() + 1);
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
            self.0.set(self.0.get() - 1);
            unsafe { System.dealloc(p, layout) }
        }
    }

    /// The region is used from the second call on, taken back when its blocks are freed; a block
    /// that outlives its call keeps its region, and the next call takes a new one, up to
    /// `RETIRED` kept regions; each kept region goes back when its last block is freed.
    #[test]
    fn regions_serve_calls_after_the_first_and_go_back_when_freed() {
        let a = Scoped::new(Counting(std::cell::Cell::new(0)));
        let held = || a.under.0.get();
        let l = Layout::from_size_align(24, 8).unwrap();
        a.begin();
        let first = unsafe { a.alloc(l) };
        a.end();
        assert!(!a.in_region(first), "the first call runs on the allocator underneath");
        unsafe { a.dealloc(first, l) };
        a.begin();
        let p = unsafe { a.alloc(l) };
        let q = unsafe { a.alloc(l) };
        assert!(a.in_region(p) && a.in_region(q));
        assert_eq!(q as usize, p as usize + 24);
        unsafe { a.dealloc(q, l) };
        let r = unsafe { a.alloc(l) };
        assert_eq!(r, q, "the last block's bytes are handed out again");
        unsafe { a.dealloc(r, l) };
        a.end();
        let between = unsafe { a.alloc(l) };
        assert!(!a.in_region(between), "off between calls");
        unsafe { a.dealloc(between, l) };
        assert_eq!(held(), 1, "the region alone");
        // `p` outlives its call: the next call takes a new region and leaves the old one to it.
        a.begin();
        let s = unsafe { a.alloc(l) };
        assert!(a.in_region(s) && !a.in_region(p));
        a.end();
        assert_eq!(held(), 2);
        // Freeing `p` returns its region.
        unsafe { a.dealloc(p, l) };
        assert_eq!(held(), 1);
        // Blocks outliving every call: RETIRED regions are kept, then calls run on `A`.
        let mut outliving = vec![s];
        for _ in 0..RETIRED {
            a.begin();
            let b = unsafe { a.alloc(l) };
            assert!(a.in_region(b));
            outliving.push(b);
            a.end();
        }
        assert_eq!(held(), 1 + RETIRED as isize);
        a.begin();
        let c = unsafe { a.alloc(l) };
        assert!(!a.in_region(c) && a.retired_slot(c).is_none(), "no more regions: on the allocator underneath");
        a.end();
        assert_eq!(held(), 2 + RETIRED as isize, "the regions and `c`");
        unsafe { a.dealloc(c, l) };
        for b in outliving {
            unsafe { a.dealloc(b, l) };
        }
        // The kept regions went back; the current one stays for the next call, which uses it
        // from its start.
        assert_eq!(held(), 1);
        a.begin();
        let t = unsafe { a.alloc(l) };
        assert!(a.in_region(t));
        unsafe { a.dealloc(t, l) };
        a.end();
    }
}
