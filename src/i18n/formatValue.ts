import type { Figure, Lang } from '../data/types';
import { inTasks } from '../data/nextTask';
import { CATALOGUES, compareNames, formatNumber, LOCALES, translate } from './translate';
import type { MessageKey } from './ru';

/** Unit label of a figure's unit key in a language; empty for plain counts. */
export function unitLabel(lang: Lang, unit: string): string {
  const key = `unit.${unit}`;
  return key in CATALOGUES[lang] ? CATALOGUES[lang][key as MessageKey] : '';
}

/**
 * A figure's value as the source states it, in the reader's locale: the qualifier ("about",
 * "more than"), the number or range, and the unit. Never rounded beyond the source's precision.
 */
export function formatFigureValue(lang: Lang, f: Pick<Figure, 'value' | 'valueMax' | 'qualifier' | 'unit'>): string {
  const digits = 3;
  const number =
    f.qualifier === 'range' && f.valueMax !== null
      ? `${formatNumber(lang, f.value, digits)}–${formatNumber(lang, f.valueMax, digits)}`
      : formatNumber(lang, f.value, digits);
  const q =
    f.qualifier === 'about' || f.qualifier === 'more_than' || f.qualifier === 'at_least'
      ? `${translate(lang, `qualifier.${f.qualifier}`)} `
      : '';
  const unit = unitLabel(lang, f.unit);
  if (!unit) return `${q}${number}`;
  return unit === '%' ? `${q}${number}\u00a0%` : `${q}${number}\u00a0${unit}`;
}

/** Belarusian month names (nominative for "month year", genitive after a day), written out because
 * browsers such as Chromium ship no Belarusian date data and would fall back to English. */
const BE_MONTHS = [
  ['студзень', 'студзеня'],
  ['люты', 'лютага'],
  ['сакавік', 'сакавіка'],
  ['красавік', 'красавіка'],
  ['май', 'мая'],
  ['чэрвень', 'чэрвеня'],
  ['ліпень', 'ліпеня'],
  ['жнівень', 'жніўня'],
  ['верасень', 'верасня'],
  ['кастрычнік', 'кастрычніка'],
  ['лістапад', 'лістапада'],
  ['снежань', 'снежня'],
] as const;

/** Formats a partial ISO date (`2024`, `2024-06`, `2024-06-21`) for the locale. */
export function formatPartialDate(lang: Lang, iso: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y ?? iso;
  const month = Number(mo);
  if (lang === 'be') {
    const names = BE_MONTHS[month - 1];
    if (!names) return iso;
    return d ? `${Number(d)} ${names[1]} ${y} г.` : `${names[0]} ${y} г.`;
  }
  const date = new Date(Date.UTC(Number(y), month - 1, Number(d ?? 1)));
  return dateFormat(lang, d !== undefined).format(date);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The locale's "21 June 2024" (withDay) or "June 2024" format, built once (building one is costly). */
function dateFormat(lang: Lang, withDay: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withDay}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      LOCALES[lang],
      withDay
        ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
        : { year: 'numeric', month: 'long', timeZone: 'UTC' },
    );
    dateFormats.set(key, f);
  }
  return f;
}

/**
 * Builds the language's number, date and collation formatters now, each in its own task (building
 * one is costly: tens of milliseconds on a phone). `mount` calls it while the data is on its way (the
 * main thread would only wait), so the first render does not pay for them.
 */
export async function warmUpFormats(lang: Lang): Promise<void> {
  await inTasks([
    () => formatNumber(lang, 0),
    () => formatNumber(lang, 0, 0),
    () => compareNames(lang, 'а', 'б'),
    // Belarusian dates are written out (BE_MONTHS), without a date format.
    ...(lang === 'be' ? [] : [() => dateFormat(lang, true), () => dateFormat(lang, false)]),
  ]);
}
