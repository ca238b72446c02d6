import { describe, expect, it } from 'vitest';
import { indexOfYear, playTick, stepYear, tickInterval, yearForKey } from '../../src/data/timeline';

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const GAPPY = [2016, 2018, 2023, 2024];

describe('stepYear', () => {
  it.each([
    [YEARS, 2016, 1, 2017],
    [YEARS, 2024, 1, 2024],
    [YEARS, 2016, -1, 2016],
    [YEARS, 2020, -3, 2017],
    [GAPPY, 2018, 1, 2023],
    [GAPPY, 2023, -1, 2018],
    [GAPPY, 2020, 1, 2023],
    [[], 2020, 1, 2020],
  ])('in %j from %i by %i gives %i', (years, year, delta, expected) => {
    expect(stepYear(years, year, delta)).toBe(expected);
  });

  it('indexes a year between two listed years at the earlier one', () => {
    expect(indexOfYear(GAPPY, 2020)).toBe(1);
  });
});

describe('yearForKey', () => {
  it.each([
    ['ArrowRight', 2020, 2021],
    ['ArrowLeft', 2020, 2019],
    ['PageUp', 2020, 2023],
    ['PageDown', 2017, 2016],
    ['Home', 2020, 2016],
    ['End', 2016, 2024],
    ['a', 2020, null],
  ])('%s at %i goes to %s', (key, year, expected) => {
    expect(yearForKey(YEARS, year, key)).toBe(expected);
  });
});

describe('playTick', () => {
  it('advances one year while playing', () => {
    expect(playTick(YEARS, 2016, false)).toEqual({ year: 2017, playing: true });
  });

  it('stops on reaching the last year when not looping', () => {
    expect(playTick(YEARS, 2023, false)).toEqual({ year: 2024, playing: false });
    expect(playTick(YEARS, 2024, false)).toEqual({ year: 2024, playing: false });
  });

  it('wraps to the first year when looping', () => {
    expect(playTick(YEARS, 2024, true)).toEqual({ year: 2016, playing: true });
  });

  it('runs faster at higher speed', () => {
    expect(tickInterval(2)).toBeLessThan(tickInterval(1));
  });
});
