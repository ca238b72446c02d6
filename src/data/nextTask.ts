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
