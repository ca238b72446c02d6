// Our own prose in the data (descriptions of sources, publishers, what is counted, descriptive link
// titles) reaches a ru or be reader in ru or be: data/translations.csv has a row for each, and none for
// a text the data no longer has. The editor's remarks (notes) are translated where a row gives them;
// an untranslated remark is shown to English readers only (SourceNote), never in English to others.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTranslations } from '../../scripts/data/translations';
import type { Dataset, Source } from '../../src/data/types';
import {
  isDescription,
  linkTitle,
  localText,
  noteRemark,
  readableRemark,
  sourceLabel,
  sourceTitle,
  textKey,
} from '../../src/i18n/dataText';
import { STORY } from '../../src/scene/storyData';
import { readCompleteDataset } from './compiledDataset';

// Remarks and scopes come with the details (after the first view): the reader meets them all.
const dataset = readCompleteDataset();
const table = compileTranslations('data/translations.csv', readFileSync('data/translations.csv', 'utf8'));

/** The Latin-script words of a publisher outside its (address) and bare domains ("BelTA", "Grodno oblast …"). */
function latinWords(text: string): string[] {
  return text
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /[A-Za-z]/.test(w) && !w.includes('.'));
}

/** A publisher described in English words ("Grodno oblast executive committee (…)"), not a name or address. */
const isEnglishProse = (text: string): boolean => latinWords(text).length > 1;

/** Every text of ours a reader can meet, as the app looks it up. */
/** Every text of ours a reader must meet in their language: names of sources, what is counted, titles. */
function textsShown(d: Dataset): Set<string> {
  const records = [
    ...d.figures,
    ...d.links,
    ...d.events,
    ...d.regionFacts,
    ...d.documents,
    ...d.meetings,
    ...d.assignments,
  ];
  const cited = new Set([...records.map((r) => r.sourceId), ...STORY.steps.flatMap((s) => s.sources)]);
  const out = new Set<string>();
  const add = (t: string) => {
    if (t) out.add(t);
  };
  for (const s of d.sources.filter((x) => cited.has(x.id))) {
    if (isDescription(s.title)) add(s.title);
    // Names in Latin script have a Russian form (BelTA → БелТА, TASS → ТАСС), or are kept (PenzaNews).
    if (latinWords(s.publisher).length > 0) add(s.publisher);
  }
  for (const f of d.figures) add(f.scope);
  for (const l of d.links) if (l.title && !/^\p{Lu}/u.test(l.title)) add(l.title);
  return out;
}

/** The editor's remarks (notes): shown in a reader's language where translated, else only in English. */
function remarks(d: Dataset): Set<string> {
  const records = [
    ...d.figures,
    ...d.links,
    ...d.events,
    ...d.regionFacts,
    ...d.documents,
    ...d.meetings,
    ...d.assignments,
  ];
  return new Set(
    [...d.sources.map((s) => noteRemark(s.note)), ...records.map((r) => noteRemark(r.note))].filter(Boolean),
  );
}

const createSource = (over: Partial<Source> = {}): Source => ({
  id: 's',
  kind: 'web',
  title: '[Brest and Bratsk twinning]',
  publisher: 'glagol38.ru',
  date: '',
  lang: 'en',
  url: '',
  file: '',
  note: '',
  ...over,
});

const createDataset = (): Dataset => ({
  years: [],
  sources: [],
  metrics: [],
  figures: [],
  cities: [],
  links: [],
  events: [],
  regionFacts: [],
  documents: [],
  meetings: [],
  assignments: [],
  translations: {
    [textKey('[Brest and Bratsk twinning]')]: [
      '[Побратимские связи Бреста и Братска]',
      '[Пабрацімскія сувязі Брэста і Брацка]',
    ],
    [textKey('memorandum')]: ['меморандум', 'мемарандум'],
    [textKey('меморандум')]: ['меморандум', 'мемарандум', 'memorandum'],
  },
});

describe('data/translations.csv', () => {
  const rows = new Set(table.rows.map((t) => t.text));

  it('compiles without a problem into dataset.json, one entry per row', () => {
    expect(table.errors).toEqual([]);
    expect(Object.keys(dataset.translations ?? {}).sort()).toEqual(table.rows.map((r) => textKey(r.text)).sort());
  });

  it("gives no text of the data another text's translation (no shared key)", () => {
    const all = new Set([
      ...dataset.sources.flatMap((s) => [s.title, s.publisher, s.note]),
      ...dataset.figures.flatMap((f) => [f.scope, noteRemark(f.note), f.quote]),
      ...[...dataset.links, ...dataset.events, ...dataset.regionFacts].flatMap((r) => [noteRemark(r.note), r.quote]),
      ...dataset.links.map((l) => l.title),
    ]);
    const wrong = [...all].filter((t) => !rows.has(t) && dataset.translations?.[textKey(t)] !== undefined);
    expect(wrong).toEqual([]);
  });

  it('translates every text of ours that a reader meets', () => {
    expect([...textsShown(dataset)].filter((t) => !rows.has(t))).toEqual([]);
  });

  it('has no row for a text the data no longer has', () => {
    const known = new Set([...textsShown(dataset), ...remarks(dataset)]);
    expect([...rows].filter((t) => !known.has(t))).toEqual([]);
  });

  it('gives Russian and Belarusian that differ from the English prose', () => {
    const same = table.rows.filter((t) => isEnglishProse(t.text) && (t.ru === t.text || t.be === t.text));
    expect(same.map((t) => t.text)).toEqual([]);
  });

  it('packs a row as ru and be, adding en only where the text is not English', () => {
    const csv = 'text,ru,be,en\nmemorandum,меморандум,мемарандум,memorandum\nпроект,проект,праект,project\n';
    expect(compileTranslations('t.csv', csv).packed).toEqual({
      [textKey('memorandum')]: ['меморандум', 'мемарандум'],
      [textKey('проект')]: ['проект', 'праект', 'project'],
    });
  });

  it('reports an empty cell and a text translated twice, with their lines', () => {
    const csv = 'text,ru,be,en\nmemorandum,меморандум,,memorandum\nplan,план,план,plan\nplan,план,план,plan\n';
    expect(compileTranslations('data/translations.csv', csv).errors).toEqual([
      { file: 'data/translations.csv', line: 2, field: 'be', reason: 'is empty: every text needs ru, be and en' },
      { file: 'data/translations.csv', line: 4, field: 'text', reason: 'is already translated on line 3' },
    ]);
  });
});

describe('localText', () => {
  it.each([
    ['ru', '[Побратимские связи Бреста и Братска]'],
    ['be', '[Пабрацімскія сувязі Брэста і Брацка]'],
    ['en', '[Brest and Bratsk twinning]'],
  ] as const)('gives our description in %s', (lang, text) => {
    expect(sourceTitle(createDataset(), lang, createSource())).toEqual({ text, lang });
  });

  it('shows an untranslated text as written, marked with its language', () => {
    expect(localText(createDataset(), 'be', 'A new remark')).toEqual({ text: 'A new remark', lang: 'en' });
  });

  it('keeps a document’s own title in its language', () => {
    const source = createSource({ title: 'Организация взаимовыгодного сотрудничества', lang: 'ru' });
    expect(sourceTitle(createDataset(), 'be', source)).toEqual({ text: source.title, lang: 'ru' });
  });

  it('names a source by its publisher, else by its title', () => {
    expect(sourceLabel(createDataset(), 'ru', createSource())).toEqual({ text: 'glagol38.ru', lang: 'en' });
    expect(sourceLabel(createDataset(), 'ru', createSource({ publisher: '' }))?.text).toBe(
      '[Побратимские связи Бреста и Братска]',
    );
  });

  it('gives a Russian description in English from its en column', () => {
    expect(localText(createDataset(), 'en', 'меморандум', 'ru')).toEqual({ text: 'memorandum', lang: 'en' });
  });

  it('keys a text by a short hash that changes with one letter', () => {
    expect(textKey('memorandum')).toMatch(/^[0-9a-z]{1,7}$/);
    expect(textKey('memorandum')).not.toBe(textKey('memorandun'));
  });

  it('translates a described link title and keeps a document’s title as a title', () => {
    expect(linkTitle(createDataset(), 'be', 'memorandum', 'en')).toEqual({
      text: 'мемарандум',
      lang: 'be',
      isTitle: false,
    });
    expect(linkTitle(createDataset(), 'be', 'Соглашение между Правительством…', 'ru')).toEqual({
      text: 'Соглашение между Правительством…',
      lang: 'ru',
      isTitle: true,
    });
  });

  it.each([
    {
      name: 'a translated remark, to a Belarusian reader',
      lang: 'be',
      note: '[Brest and Bratsk twinning]',
      shown: { text: '[Пабрацімскія сувязі Брэста і Брацка]', lang: 'be' },
    },
    {
      name: 'an untranslated remark, to a Russian reader: not at all',
      lang: 'ru',
      note: 'Year from the text.',
      shown: null,
    },
    {
      name: 'an untranslated remark, to an English reader',
      lang: 'en',
      note: 'Year from the text.',
      shown: { text: 'Year from the text.', lang: 'en' },
    },
    {
      name: 'a remark that is only the verification mark: none',
      lang: 'en',
      note: 'verified verbatim in stored page (pages corpus) 2026-12-02',
      shown: null,
    },
    {
      name: 'a remark after the verification mark',
      lang: 'en',
      note: 'verified verbatim in stored page (pages corpus) 2026-12-02. year from the address.',
      shown: { text: 'Year from the address.', lang: 'en' },
    },
  ] as const)('readableRemark: $name', ({ lang, note, shown }) => {
    expect(readableRemark(createDataset(), lang, note)).toEqual(shown);
  });

  it('shows a remark without the paraphrase marker, first letter raised', () => {
    expect(noteRemark('paraphrase from research brief; signed before the timeline begins')).toBe(
      'Signed before the timeline begins',
    );
  });
});
