import type { Lang } from '../data/types';
import { be } from './be';
import { en } from './en';
import { pluralForm, type PluralCategory, type PluralForms } from './plural';
import { ru, type Catalogue, type MessageKey } from './ru';

export const CATALOGUES: Record<Lang, Catalogue> = { ru, be, en };

/** Locale tags for `Intl` per interface language. */
export const LOCALES: Record<Lang, string> = { ru: 'ru-RU', be: 'be-BY', en: 'en-GB' };

export type Params = Record<string, string | number>;

/**
 * Looks a message up and fills `{name}` placeholders. Numbers are formatted for the locale, except
 * years (params named `year`), which are written plainly. A counted word agrees with its number
 * through `{name, plural, one {# связь} few {# связи} many {# связей} other {# связи}}` (ICU's
 * syntax, `#` = the number), so a sentence never reads «5 связь».
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = fillPlurals(lang, CATALOGUES[lang][key], params);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'number' && name !== 'year') return formatNumber(lang, v);
    return String(v);
  });
}

const PLURAL = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(\w+)\s*\{([^{}]*)\}/g;

/** Replaces each `{name, plural, …}` block by the form that agrees with `params[name]`. */
export function fillPlurals(lang: Lang, template: string, params: Params): string {
  if (!template.includes(', plural,')) return template;
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    const n = params[name];
    if (typeof n !== 'number') return whole;
    const forms: PluralForms = { other: '' };
    for (const [, category, text] of body.matchAll(PLURAL_FORM)) forms[category as PluralCategory] = text ?? '';
    return pluralForm(lang, n, forms).replace(/#/g, formatNumber(lang, n));
  });
}

/** Formats a number for the language's locale (thin space/comma rules come from `Intl`). */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 1): string {
  const key = `${lang}:${maximumFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    // Building an Intl formatter is costly; a year step formats dozens of numbers.
    f = new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

const collators = new Map<Lang, Intl.Collator>();

/** Compares names in the language's alphabetical order (one collator per language: `localeCompare`
 *  with a locale builds a new one on every call, which made sorting a list take tens of ms). */
export function compareNames(lang: Lang, a: string, b: string): number {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang)));
  return c.compare(a, b);
}

/**
 * Locale for numbers. Chromium ships no Belarusian number data (it falls back to en-US: "1,234.5");
 * Belarus writes numbers as Russian does (1 234,5), so that is the fallback for `be`.
 */
export function numberLocale(lang: Lang): string {
  if (lang === 'be' && Intl.NumberFormat.supportedLocalesOf([LOCALES.be, 'be']).length === 0) return LOCALES.ru;
  return LOCALES[lang];
}

export type Translator = (key: MessageKey, params?: Params) => string;

/** A translator bound to one language. */
export function translator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}
