import type { Lang } from '../data/types';
import { be } from './be';
import { en } from './en';
import { ru, type Catalogue, type MessageKey } from './ru';

export const CATALOGUES: Record<Lang, Catalogue> = { ru, be, en };

/** Locale tags for `Intl` per interface language. */
export const LOCALES: Record<Lang, string> = { ru: 'ru-RU', be: 'be-BY', en: 'en-GB' };

export type Params = Record<string, string | number>;

/**
 * Looks a message up and fills `{name}` placeholders. Numbers are formatted for the locale, except
 * years (params named `year`), which are written plainly.
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = CATALOGUES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'number' && name !== 'year') return formatNumber(lang, v);
    return String(v);
  });
}

/** Formats a number for the language's locale (thin space/comma rules come from `Intl`). */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 1): string {
  const key = `${lang}:${maximumFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    // Building an Intl formatter is costly; a year step formats dozens of numbers.
    f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export type Translator = (key: MessageKey, params?: Params) => string;

/** A translator bound to one language. */
export function translator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}
