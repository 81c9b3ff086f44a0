// The timing both benchmarks use (`make bench-js`, bench.mjs; `make bench-transfer`, transfer.mjs).

/** Microseconds per call of `fn(src)`: batches of 20 calls for about `ms` milliseconds. */
export function time(fn, src, ms) {
  let sink = 0;
  let n = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(ms * 1e6);
  let now;
  do {
    for (let i = 0; i < 20; i++) sink += fn(src);
    n += 20;
    now = process.hrtime.bigint();
  } while (now < until);
  if (sink < 0) console.log(sink);
  return Number(now - start) / n / 1000;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
