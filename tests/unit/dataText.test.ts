import { describe, expect, it } from 'vitest';
import {
  foldLookAlikes,
  normaliseWhitespace,
  numbersInText,
  quoteFitsQualifier,
  quoteStandsIn,
  partsStandInOrder,
  quoteStatesNumber,
} from '../../scripts/data/text';

describe('quoteStatesNumber', () => {
  it.each([
    ['заключено около 450 договоров', 450],
    ['действует 191 соглашение', 191],
    ['с участием 77-ми российских субъектов', 77],
    ['товарооборот 26,1 млрд', 26.1],
    ['trade turnover 26.1', 26.1],
    ['свыше 3 тысяч контрактов', 3000],
    ['свыше 3 тысяч контрактов', 3],
    ['превысил 1 миллиард долларов', 1],
    ['около 600 млн долларов', 600],
    ['forecast 59–60 incl. services', 60],
    ['2022 22.0 (Russian data)', 22],
    ['more than 3 000 contracts', 3000],
  ])('finds the number in "%s" = %s', (quote, value) => {
    expect(quoteStatesNumber(quote, value)).toBe(true);
  });

  it.each([
    ['заключено около 450 договоров', 45],
    ['в «десятку» лидеров', 10],
    ['товарооборот 26,1 млрд', 26],
    ['действует 191 соглашение', 19],
  ])('does not find a number that "%s" does not state (%s)', (quote, value) => {
    expect(quoteStatesNumber(quote, value)).toBe(false);
  });

  it('lists every reading of a number with a scale word', () => {
    expect(numbersInText('80 млрд рублей').sort((a, b) => a - b)).toEqual([80, 80e9]);
  });
});

describe('quoteStandsIn', () => {
  const doc = 'реализация данной программы\n\nнаходится в активной фазе.\u00a0Далее';

  it('ignores differences in whitespace, line breaks and no-break spaces', () => {
    expect(quoteStandsIn('реализация данной программы находится в активной фазе. Далее', doc)).toBe(true);
  });

  it('fails when one word differs', () => {
    expect(quoteStandsIn('реализация этой программы находится в активной фазе.', doc)).toBe(false);
  });

  it('fails on an empty quote', () => {
    expect(quoteStandsIn('  ', doc)).toBe(false);
  });

  it('collapses whitespace to single spaces', () => {
    expect(normaliseWhitespace(' a\n\t b\u00a0c ')).toBe('a b c');
  });
});

describe('quoteFitsQualifier', () => {
  it.each([
    ['about', 'около 450', true],
    ['about', 'порядка 60 процентов', true],
    ['about', '2017 ⚠ ~26', true],
    ['about', '450 договоров', false],
    ['more_than', 'свыше 3 тысяч', true],
    ['more_than', 'превысил 1 миллиард', true],
    ['more_than', '2019 >35.5', true],
    ['more_than', '3 тысячи', false],
    ['exact', '191', true],
  ])('%s fits "%s": %s', (qualifier, quote, expected) => {
    expect(quoteFitsQualifier(quote, qualifier)).toBe(expected);
  });
});

describe('small numbers written as words', () => {
  it.each([
    ['два земельных участка', 2],
    ['подписано одно межправительственное соглашение', 1],
    ['дзве вобласці', 2],
    ['two land plots', 2],
  ])('reads «%s» as stating %i', (text, n) => {
    expect(quoteStatesNumber(text, n)).toBe(true);
  });

  it('does not read a number inside a longer word («пятьсот», «одновременно»)', () => {
    expect(numbersInText('пятьсот одновременно')).toEqual([]);
  });
});

describe('partsStandInOrder', () => {
  it.each([
    ['every part, in order', 'первое … третье', true],
    ['parts out of order', 'третье … первое', false],
    ['a part that is not there', 'первое … пятое', false],
  ])('%s: %s', (_name, quote, expected) => {
    expect(partsStandInOrder(quote, 'первое второе третье')).toBe(expected);
  });
});

describe('look-alike letters in Cyrillic words', () => {
  it('reads «оκоло» (with a Greek kappa) as «около», so the qualifier marker is found', () => {
    expect(quoteFitsQualifier('насчитывает оκоло 300 сοглашений', 'about')).toBe(true);
  });

  it('leaves Latin words alone', () => {
    expect(foldLookAlikes('about pact')).toBe('about pact');
  });
});
