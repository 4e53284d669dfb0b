import type fc from 'fast-check';

// Fuzz properties run seeded: the seed is printed before the run (and by fast-check with any counterexample),
// so a failure can be replayed with FUZZ_SEED=<seed>. Counterexamples found once are kept as `examples`.

/** The seed and run count of one property; the seed is printed so a failure can be replayed. */
export function seeded(name: string, numRuns: number): { seed: number; numRuns: number } {
  const fixed = process.env.FUZZ_SEED;
  const seed = fixed !== undefined && fixed !== '' ? Number(fixed) : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  console.log(`fuzz “${name}”: seed ${seed} (replay with FUZZ_SEED=${seed})`);
  return { seed, numRuns };
}

export function fuzzRun<T>(name: string, numRuns: number, examples: readonly T[] = []): fc.Parameters<[T]> {
  return { ...seeded(name, numRuns), examples: examples.map((e) => [e] as [T]) };
}
