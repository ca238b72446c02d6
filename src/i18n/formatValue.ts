import type { Figure, Lang } from '../data/types';
import { CATALOGUES, formatNumber, LOCALES, translate } from './translate';
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

/** Formats a partial ISO date (`2024`, `2024-06`, `2024-06-21`) for the locale. */
export function formatPartialDate(lang: Lang, iso: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const locale = LOCALES[lang];
  if (!mo) return y ?? iso;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d ?? 1)));
  const opts: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, opts).format(date);
}
