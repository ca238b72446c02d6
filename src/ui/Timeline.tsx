import type { KeyboardEvent } from 'react';
import { firstYear, indexOfYear, lastYear, yearForKey } from '../data/timeline';
import { useAppState, useT } from '../state/StoreContext';

const SPEEDS = [1, 2, 4] as const;

export interface TimelineProps {
  years: readonly number[];
}

/** Year slider (indexed by year, so uneven gaps work), play/pause, speed and loop. */
export function Timeline({ years }: TimelineProps) {
  const t = useT();
  const year = useAppState((s) => s.year);
  const playing = useAppState((s) => s.playing);
  const speed = useAppState((s) => s.speed);
  const loop = useAppState((s) => s.loop);
  const setYear = useAppState((s) => s.setYear);
  const setPlaying = useAppState((s) => s.setPlaying);
  const setSpeed = useAppState((s) => s.setSpeed);
  const setLoop = useAppState((s) => s.setLoop);
  const index = indexOfYear(years, year);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const next = yearForKey(years, year, e.key);
    if (next === null) return;
    e.preventDefault();
    setPlaying(false);
    setYear(next);
  };

  const togglePlay = (): void => {
    if (!playing && year >= lastYear(years) && !loop) setYear(firstYear(years));
    setPlaying(!playing);
  };

  return (
    // A labelled section is a landmark (region), so screen-reader users can jump to the timeline.
    <section className="byru-timeline" aria-label={t('timeline.label')}>
      <button type="button" className="byru-play" onClick={togglePlay} aria-pressed={playing}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t('timeline.pause') : t('timeline.play')}
      </button>
      <div className="byru-slider">
        <output className="byru-year" aria-hidden="true">
          {year}
        </output>
        <input
          type="range"
          min={0}
          max={Math.max(0, years.length - 1)}
          step={1}
          value={index}
          aria-label={t('timeline.label')}
          aria-valuetext={String(year)}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            setPlaying(false);
            setYear(years[Number(e.currentTarget.value)] ?? year);
          }}
        />
        <div className="byru-ticks" aria-hidden="true">
          {years.map((y) => (
            <span key={y} className={y === year ? 'is-current' : undefined}>
              {y}
            </span>
          ))}
        </div>
      </div>
      <label className="byru-speed">
        {t('timeline.speed')}{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value) as 1 | 2 | 4)}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label className="byru-loop">
        <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.currentTarget.checked)} /> {t('timeline.loop')}
      </label>
    </section>
  );
}
