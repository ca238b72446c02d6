import type { Lang } from '../data/types';

/** CLDR plural categories (the ones our three languages use). */
export type PluralCategory = 'one' | 'few' | 'many' | 'other';

/** The forms of a counted word by category; `other` is required (fractions, and any category left out). */
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };

/** What `Intl.PluralRules` offers; injected so tests can play a browser that lacks a language's data. */
export interface PluralRulesApi {
  supportedLocalesOf(locales: string[]): string[];
  new (locale: string): { select(n: number): string };
}

/**
 * The CLDR rule shared by Belarusian and Russian: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25–30,
 * 11–14 and 111–114 → many; fractions → other. Written out because Chromium builds may ship no Belarusian
 * plural data, and `Intl` would then answer with English rules ("5 сувязь" read as "other").
 */
export function eastSlavicPlural(n: number): PluralCategory {
  if (!Number.isInteger(n)) return 'other';
  const abs = Math.abs(n);
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return 'one';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'few';
  return 'many';
}

/** The English rule: 1 → one, everything else → other. */
function englishPlural(n: number): PluralCategory {
  return n === 1 ? 'one' : 'other';
}

const PLURAL_LOCALES: Record<Lang, string> = { ru: 'ru', be: 'be', en: 'en' };

const fallbacks: Record<Lang, (n: number) => PluralCategory> = {
  ru: eastSlavicPlural,
  be: eastSlavicPlural,
  en: englishPlural,
};

const cache = new WeakMap<PluralRulesApi, Map<Lang, { select(n: number): string } | null>>();

/** `Intl`'s rules for the language when the browser has its data, else null (then the fallback decides). */
function intlRules(lang: Lang, api: PluralRulesApi | null): { select(n: number): string } | null {
  if (!api) return null;
  let byLang = cache.get(api);
  if (!byLang) cache.set(api, (byLang = new Map()));
  if (!byLang.has(lang)) {
    const locale = PLURAL_LOCALES[lang];
    byLang.set(lang, api.supportedLocalesOf([locale]).length > 0 ? new api(locale) : null);
  }
  return byLang.get(lang) ?? null;
}

/**
 * The plural category of `n` in a language, through `Intl.PluralRules` where the browser knows the
 * language, else through the written-out rule (`api` is injectable for tests; null = no `Intl` at all).
 */
export function pluralCategory(lang: Lang, n: number, api: PluralRulesApi | null = defaultApi()): PluralCategory {
  const rules = intlRules(lang, api);
  const category = rules ? rules.select(n) : fallbacks[lang](n);
  return category === 'one' || category === 'few' || category === 'many' ? category : 'other';
}

/** The form of a counted word that agrees with `n` (e.g. 1 сувязь, 2 сувязі, 5 сувязей). */
export function pluralForm(
  lang: Lang,
  n: number,
  forms: PluralForms,
  api: PluralRulesApi | null = defaultApi(),
): string {
  return forms[pluralCategory(lang, n, api)] ?? forms.other;
}

function defaultApi(): PluralRulesApi | null {
  return typeof Intl !== 'undefined' && typeof Intl.PluralRules === 'function' ? Intl.PluralRules : null;
}
