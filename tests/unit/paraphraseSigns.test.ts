import { describe, expect, it } from 'vitest';
import { paraphraseSigns } from '../../scripts/data/text';

describe('paraphraseSigns', () => {
  it.each([
    ['a Russian quote of a Russian page', 'Соглашение подписано 3 ноября в Минске.', '', 'ru', []],
    ['an English quote of an English page', 'Minsk and Ufa became twin cities', '', 'en', []],
    ['a Russian quote naming a Latin brand', 'БЕЛАЗ поставил технику компании SUEK', '', 'ru', []],
    [
      'a note that calls it a paraphrase',
      'Соглашение подписано.',
      'paraphrase from research brief; signed before the timeline',
      'ru',
      ['the note calls the quote a paraphrase'],
    ],
    [
      'a note that tells it replaces the earlier paraphrase',
      'Соглашение подписано.',
      'verified verbatim in stored page (pages corpus). Replaces the paraphrase.',
      'ru',
      [],
    ],
    [
      'a table line of the brief',
      'II | 2015 | 17–18 Sep | Sochi (RU-KDA)',
      '',
      'en',
      ['the quote is a table line (cells between "|")'],
    ],
    [
      'an English quote of a Russian page',
      'Government of Belarus – Sakhalin oblast: 18 Sep 2015 (sakh.online)',
      '',
      'ru',
      ["the quote is in English but the source's language is ru"],
    ],
    [
      'an English quote of a Belarusian page',
      'Grodno and Yuzhno-Sakhalinsk signed a twinning agreement',
      '',
      'be',
      ["the quote is in English but the source's language is be"],
    ],
  ])('%s: %j', (_name, quote, note, lang, expected) => {
    expect(paraphraseSigns(quote, note, lang)).toEqual(expected);
  });
});
