/**
 * Text checks used by the validator: whitespace normalisation for verbatim quotes, and finding the
 * numbers a quote states (so a figure's value can be matched against its quote).
 */

/** Collapses every run of whitespace (including no-break spaces and line breaks) to one space. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2009\ufeff]+/gu, ' ').trim();
}

/** True when `quote` stands verbatim in `document`, whitespace aside. */
export function quoteStandsIn(quote: string, document: string): boolean {
  const q = normaliseWhitespace(quote);
  return q.length > 0 && normaliseWhitespace(document).includes(q);
}

/** Number words the quotes use for small counts (Russian, Belarusian, English). */
const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одна: 1,
  одно: 1,
  адзін: 1,
  адна: 1,
  one: 1,
  два: 2,
  две: 2,
  дзве: 2,
  two: 2,
  три: 3,
  тры: 3,
  three: 3,
  четыре: 4,
  чатыры: 4,
  four: 4,
  пять: 5,
  пяць: 5,
  five: 5,
};
const NUMBER_WORD = new RegExp(`(?<!\\p{L})(${Object.keys(NUMBER_WORDS).join('|')})(?!\\p{L})`, 'giu');

/** True when every part of a quote cut with "…" stands verbatim (whitespace aside) in `document`, in order. */
export function partsStandInOrder(quote: string, document: string): boolean {
  const doc = normaliseWhitespace(document);
  const parts = quote.split('…').map(normaliseWhitespace).filter(Boolean);
  let from = 0;
  for (const part of parts) {
    const at = doc.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return parts.length > 0;
}

/** Scale words that may follow a number: «3 тысяч» is 3000, «1 миллиард» is 1e9. */
const SCALES: ReadonlyArray<[RegExp, number]> = [
  [/^(тыс|thousand)/iu, 1e3],
  [/^(млн|миллион|million|mln)/iu, 1e6],
  [/^(млрд|миллиард|billion|bn)/iu, 1e9],
];

function toNumber(digits: string): number {
  return Number(digits.replace(',', '.'));
}

/**
 * Every value a quote can be read as stating: each number as written ("26,1" and "26.1" both give
 * 26.1; "3 000" gives 3000 and also 3 and 000) and, when a scale word follows, the scaled value
 * ("3 тысяч" also gives 3000). Generous on purpose: the check is that the figure's number is there.
 */
export function numbersInText(text: string): number[] {
  const found = new Set<number>();
  const add = (n: number) => {
    if (Number.isFinite(n)) found.add(n);
  };
  const plain = /\d+(?:[.,]\d+)?/gu;
  for (const m of text.matchAll(plain)) {
    const n = toNumber(m[0]);
    add(n);
    // "3,000" read as a thousands separator.
    if (/^\d{1,3},\d{3}$/u.test(m[0])) add(Number(m[0].replace(',', '')));
    const rest = text.slice((m.index ?? 0) + m[0].length).replace(/^[\s\u00a0]+/u, '');
    for (const [re, factor] of SCALES) if (re.test(rest)) add(Math.round(n * factor * 1e6) / 1e6);
  }
  // Small numbers written as words: «два земельных участка» states 2.
  for (const m of text.matchAll(NUMBER_WORD)) add(NUMBER_WORDS[m[1]!.toLowerCase()] ?? NaN);
  // Digit groups separated by (no-break) spaces: "3 000 000".
  for (const m of text.matchAll(/\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])/gu)) {
    add(Number(m[0].replace(/[ \u00a0\u202f]/gu, '')));
  }
  return [...found];
}

/** True when the quote states `value` (see {@link numbersInText}). */
export function quoteStatesNumber(quote: string, value: number): boolean {
  return numbersInText(quote).some((n) => Math.abs(n - value) < 1e-9);
}

/** Words that must appear in a quote for each non-exact qualifier. */
export const QUALIFIER_MARKERS = {
  about: ['около', 'порядка', 'примерно', 'приблизительно', 'about', 'around', 'approximately', '~'],
  more_than: ['более', 'свыше', 'больше', 'превыси', 'превысил', 'more than', 'over', 'exceed', '>'],
  at_least: ['не менее', 'at least', 'минимум'],
} as const;

/** Greek and Latin letters some stored pages put in Cyrillic words («οκοло»), read as the Cyrillic ones. */
const LOOK_ALIKES: Record<string, string> = {
  ο: 'о',
  κ: 'к',
  α: 'а',
  ε: 'е',
  ρ: 'р',
  τ: 'т',
  ν: 'v',
  o: 'о',
  a: 'а',
  e: 'е',
  p: 'р',
  c: 'с',
  x: 'х',
  k: 'к',
};

/** Reads look-alike letters inside Cyrillic words as Cyrillic (a Latin word stays Latin). */
export function foldLookAlikes(text: string): string {
  return text.replace(/[\p{L}]+/gu, (word) =>
    /\p{Script=Cyrillic}/u.test(word) ? [...word].map((ch) => LOOK_ALIKES[ch] ?? ch).join('') : word,
  );
}

/** True when the quote carries a marker for the qualifier (always true for `exact` and `range`). */
export function quoteFitsQualifier(quote: string, qualifier: string): boolean {
  const markers = (QUALIFIER_MARKERS as Record<string, readonly string[]>)[qualifier];
  if (!markers) return true;
  const q = foldLookAlikes(quote.toLowerCase());
  return markers.some((m) => q.includes(m));
}

/**
 * The years any row may carry, timeline or not: the two states' cooperation starts in 1991, and a
 * year past 2100 (or 20240, −2020, 1e20) is a typo that outsideTimeline=yes must not let through.
 */
export const PLAUSIBLE_YEARS = { first: 1991, last: 2100 } as const;

/** Why `year` cannot be a year of this dataset, or null when it can. */
export function implausibleYear(year: number): string | null {
  const { first, last } = PLAUSIBLE_YEARS;
  if (Number.isInteger(year) && year >= first && year <= last) return null;
  const shown = Number.isSafeInteger(year) ? String(year) : BigInt(Math.trunc(year)).toString();
  return `${shown} is not a plausible year: years lie within ${first}–${last}`;
}

/** A start a spreadsheet runs as a formula (=, @, their full-width forms, or + and - before text). */
const FORMULA = /^[=@＝＋－＠]|^[+-](?![\d.,]+$)/u;
/** A tag, a comment or a processing instruction: `<script`, `</b`, `<!--`, `<?xml`. */
const MARKUP = /<\s*[/!?]?\s*[a-z]/iu;
/** Marks that reorder text invisibly (Trojan Source): embeddings, overrides, isolates, LRM/RLM/ALM. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
/** C0 controls but tab, line feed and carriage return (line breaks inside a quote are fine), DEL, C1. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** A high surrogate without its low half, or a low one without its high half. Without the u flag,
 *  so the pattern sees the UTF-16 code units one by one. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:[^\ud800-\udbff]|^)[\udc00-\udfff]/;

const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a cell of any table cannot be taken, or null. The data is published as text and as CSV
 * downloads: a formula would run in the reader's spreadsheet, markup has no place in plain text,
 * and invisible or control characters make a cell read differently from what it holds.
 */
export function cellProblem(cell: string): string | null {
  const s = cell.trim();
  if (FORMULA.test(s))
    return 'starts like a spreadsheet formula (=, +, -, @): write the value itself, or put a word first';
  if (MARKUP.test(s)) return 'holds HTML markup (<…>): the dataset is plain text';
  const bidi = BIDI.exec(s);
  if (bidi) return `holds an invisible direction mark (${codePoint(bidi[0])}): delete it`;
  const control = CONTROL.exec(s);
  if (control) return `holds a control character (${codePoint(control[0])}): delete it`;
  if (LONE_SURROGATE.test(s)) return 'holds a broken character (a lone UTF-16 surrogate)';
  if (s.includes('\ufffd'))
    return 'holds U+FFFD, the mark of bytes that were not UTF-8: save the file as UTF-8 and type the text again';
  return null;
}

/** Characters a terminal would obey rather than show: controls, direction marks, lone surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|[\ud800-\udfff]/gu;

/**
 * `text` safe to print to a terminal: each control character, direction mark or lone surrogate is
 * written as `\u{…}`, so a bad cell cannot move the cursor, clear the screen or reorder the line.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}

/** The note that says a web quote was checked in the stored copy of the page its row cites. */
export const VERIFIED_NOTE = 'verified verbatim in stored page';

/**
 * Why a row's quote is not the source's own words, or nothing when no sign says so: the note calls it
 * a paraphrase; the quote is a line of a table (cells between "|"); or it is English while the source
 * is in Russian or Belarusian (a translation, not a quote).
 */
export function paraphraseSigns(quote: string, note: string, sourceLang: string): string[] {
  const signs: string[] = [];
  // "Replaces the paraphrase" tells the history of the row, not that its quote is one.
  const ownNote = note.replace(/replac\w*\s+(?:the\s+|an?\s+)?(?:earlier\s+|old\s+|former\s+)?paraphras\w*/giu, '');
  if (/paraphras/iu.test(ownNote)) signs.push('the note calls the quote a paraphrase');
  if (/paraphras/iu.test(quote)) signs.push('the quote calls itself a paraphrase');
  if (/\S\s*\|\s*\S[^|]*\|/u.test(quote)) signs.push('the quote is a table line (cells between "|")');
  const cyrillic = (quote.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (quote.match(/\p{Script=Latin}/gu) ?? []).length;
  if (
    (sourceLang === 'ru' || sourceLang === 'be') &&
    latin > 2 * cyrillic &&
    /[a-z]{3,}(?:\s+[a-z]{2,}){2}/iu.test(quote)
  ) {
    signs.push(`the quote is in English but the source's language is ${sourceLang}`);
  }
  return signs;
}
