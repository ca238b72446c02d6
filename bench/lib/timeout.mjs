// Every wait in the bench has a deadline: a hung browser or page must fail a phase, never the machine.

export class TimeoutError extends Error {}

/** Resolves like `promise`, or rejects with a TimeoutError naming `label` after `ms`. */
export function withTimeout(promise, ms, label) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${label}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A wall-clock budget shared by the phases: later phases are skipped when it runs out. */
export function createBudget(seconds) {
  const end = Date.now() + seconds * 1000;
  return {
    /** Milliseconds left (never negative). */
    left: () => Math.max(0, end - Date.now()),
    /** True when at least `ms` remain. */
    allows: (ms) => end - Date.now() >= ms,
  };
}
