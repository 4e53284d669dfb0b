// Small timing helpers shared by the benchmarks.

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `fn` `iterations` times after a warm-up and returns per-call times in ms. */
export function timeCalls(fn: () => void, iterations: number, batch = 1): number[] {
  for (let i = 0; i < Math.min(50, iterations); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) fn();
    samples.push((performance.now() - t0) / batch);
  }
  return samples;
}

export async function timeAsyncCalls(fn: () => Promise<unknown>, iterations: number): Promise<number[]> {
  for (let i = 0; i < Math.min(5, iterations); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}
