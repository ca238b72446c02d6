/**
 * Resolves in a later task of the event loop, so that the browser can paint and answer input between
 * two pieces of work (each long task on the main thread delays both). `scheduler.yield()` where the
 * browser has it (its continuation runs before other queued tasks), else a message to itself: not a
 * timer, which browsers clamp and tests' fake timers would hold back.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs each step in a task of its own (each after a {@link nextTask}), unless `stop` says otherwise
 * before it. Resolves to true when every step ran.
 */
export async function inTasks(steps: readonly (() => unknown)[], stop: () => boolean = () => false): Promise<boolean> {
  for (const step of steps) {
    await nextTask();
    if (stop()) return false;
    step();
  }
  return true;
}
