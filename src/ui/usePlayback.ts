import { useEffect } from 'react';
import { playTick, tickInterval } from '../data/timeline';
import type { AppStore } from '../state/createAppStore';

/** Drives autoplay: while `playing`, advances the year on a timer and stops at the end unless looping. */
export function usePlayback(store: AppStore, years: readonly number[]): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = (): void => {
      const s = store.getState();
      if (timer) clearTimeout(timer);
      timer = null;
      if (!s.playing) return;
      timer = setTimeout(() => {
        const now = store.getState();
        const step = playTick(years, now.year, now.loop);
        now.setYear(step.year);
        if (!step.playing) now.setPlaying(false);
      }, tickInterval(s.speed));
    };
    schedule();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.playing !== prev.playing || s.year !== prev.year || s.speed !== prev.speed) schedule();
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, years]);
}
