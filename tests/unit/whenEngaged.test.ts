// When the phone's first-view prefetches wait for the reader: whenEngaged (src/map/enginePolicy.ts).
import { describe, expect, it, vi } from 'vitest';
import { whenEngaged } from '../../src/map/enginePolicy';

/** An event target that counts its listeners, standing in for the page's window. */
function target() {
  const t = new EventTarget();
  let live = 0;
  const add = t.addEventListener.bind(t);
  const remove = t.removeEventListener.bind(t);
  const win = {
    addEventListener: (...a: Parameters<EventTarget['addEventListener']>) => {
      live += 1;
      add(...a);
    },
    removeEventListener: (...a: Parameters<EventTarget['removeEventListener']>) => {
      live -= 1;
      remove(...a);
    },
  } as unknown as Window;
  return { win, fire: (type: string) => t.dispatchEvent(new Event(type)), live: () => live };
}

describe('whenEngaged', () => {
  it.each(['pointerdown', 'touchstart', 'keydown', 'wheel', 'scroll'])(
    'runs once at the first %s, and leaves no listener',
    (type) => {
      const { win, fire, live } = target();
      const fn = vi.fn();
      whenEngaged(win, fn);
      expect(live()).toBeGreaterThan(0);
      fire('mousemove');
      fire('focus');
      expect(fn).not.toHaveBeenCalled();
      fire(type);
      fire(type);
      fire('keydown');
      expect(fn).toHaveBeenCalledTimes(1);
      expect(live()).toBe(0);
    },
  );

  it('does nothing once cancelled, and leaves no listener', () => {
    const { win, fire, live } = target();
    const fn = vi.fn();
    const cancel = whenEngaged(win, fn);
    cancel();
    fire('pointerdown');
    expect(fn).not.toHaveBeenCalled();
    expect(live()).toBe(0);
  });
});
