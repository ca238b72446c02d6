// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../scripts/data/fixtures';
import { decodeDataset } from '../../src/data/dataset';
import { splitDataset } from '../../src/data/details';
import { deferDetails } from '../../src/data/detailsLoader';
import type { Lang, Source } from '../../src/data/types';
import { SourceNote, type CitedRecord } from '../../src/ui/SourceNote';
import { NO_GEO, renderWithStore } from './renderWithStore';

function createRecord(over: Partial<CitedRecord> = {}): CitedRecord {
  return { sourceId: 's-web', quote: 'Trade reached 53 bn.', certainty: 'certain', note: '', ...over };
}

/** Renders a note over the fixture dataset, with extra sources when a test needs them. */
function renderNote(record: CitedRecord, lang: Lang = 'ru', sources: Source[] = []) {
  const dataset = createDataset();
  dataset.sources.push(...sources);
  const view = renderWithStore(<SourceNote record={record} />, { lang });
  act(() => view.store.getState().setLoad({ status: 'ready', dataset, geo: NO_GEO }));
  return view;
}

describe('SourceNote', () => {
  it('renders the quote in a blockquote in the language of the source', () => {
    renderNote(createRecord({ sourceId: 's-seed', quote: '81 соглашение' }), 'en');
    const quote = screen.getByRole('blockquote');
    expect(quote).toHaveTextContent('81 соглашение');
    expect(quote).toHaveAttribute('lang', 'ru');
    expect(screen.getByText('Quote in the original language (Russian)')).toBeInTheDocument();
  });

  it('names the document, its publisher and its date in the reader’s language', () => {
    renderNote(createRecord());
    expect(screen.getByText('Web')).toBeInTheDocument();
    expect(screen.getByText('W')).toBeInTheDocument();
    expect(screen.getByText('21 июня 2024 г.')).toBeInTheDocument();
  });

  it('links to the page in a new tab without handing it the opener', () => {
    renderNote(createRecord());
    const link = screen.getByRole('link', { name: /Открыть источник/ });
    expect(link).toHaveAttribute('href', 'https://example.org/x');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('names the seed file when the source is a seed document without an address', () => {
    renderNote(createRecord({ sourceId: 's-seed' }));
    expect(screen.getByText('документ 000.txt')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows an address elided with “…” as text, not as a broken link', () => {
    const elided: Source = {
      id: 's-elided',
      kind: 'web',
      title: '[Trade in 2016]',
      publisher: 'apostrophe.ua',
      date: '',
      lang: 'en',
      url: 'https://apostrophe.ua/…/88242',
      file: '',
      note: 'The research brief elides part of this address.',
    };
    renderNote(createRecord({ sourceId: 's-elided' }), 'en', [elided]);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('Address (incomplete, no link): https://apostrophe.ua/…/88242')).toBeInTheDocument();
    expect(screen.getByText('The research brief elides part of this address.')).toBeInTheDocument();
  });

  it('labels a paraphrase from the research brief as such and keeps the rest of the note', () => {
    renderNote(createRecord({ note: 'paraphrase from research brief. A forecast, including services.' }), 'en');
    expect(screen.getByText('paraphrase from the research brief, not a verbatim quote')).toBeInTheDocument();
    expect(screen.queryByText(/Quote in the original language/)).not.toBeInTheDocument();
    expect(screen.getByText('A forecast, including services.')).toBeInTheDocument();
  });

  it.each([
    ['uncertain', true],
    ['certain', false],
  ] as const)('marks a %s record in words: %s', (certainty, marked) => {
    renderNote(createRecord({ certainty }), 'en');
    expect(screen.queryByText('uncertain') !== null).toBe(marked);
  });

  it('shows the date a figure holds at and what it counts', () => {
    renderNote(createRecord({ asOf: '2017-03-31', scope: 'agreements in force' }), 'en');
    expect(screen.getByText('as of 31 March 2017')).toBeInTheDocument();
    expect(screen.getByText('agreements in force')).toBeInTheDocument();
  });
});

/** The fixture dataset as the app loads it: the first view, its details fetched when the test says. */
function renderFirstView(lang: Lang = 'en') {
  const { first, details } = splitDataset(JSON.parse(JSON.stringify(createDataset())) as Record<string, unknown>);
  const dataset = decodeDataset(first);
  const answers: { resolve: (json: unknown) => void; reject: (e: Error) => void }[] = [];
  deferDetails(dataset, () => new Promise((resolve, reject) => answers.push({ resolve, reject })));
  const figure = dataset.figures.find((f) => f.id && f.sourceId === 's-seed') ?? dataset.figures[0]!;
  const view = renderWithStore(<SourceNote record={figure} />, { lang });
  act(() => view.store.getState().setLoad({ status: 'ready', dataset, geo: NO_GEO }));
  const full = createDataset().figures.find((f) => f.id === figure.id)!;
  const answer = async (json: unknown = JSON.parse(JSON.stringify(details))) => {
    await act(async () => answers.at(-1)?.resolve(json));
  };
  const fail = async (message: string) => {
    await act(async () => answers.at(-1)?.reject(new Error(message)));
  };
  return { full, answer, fail, fetches: () => answers.length };
}

describe('SourceNote before the dataset’s details are there', () => {
  it('says the quote is loading instead of showing an empty quote, and asks for the details itself', () => {
    const { fetches } = renderFirstView();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the quote…');
    expect(screen.queryByRole('blockquote')).not.toBeInTheDocument();
    expect(fetches()).toBe(1);
  });

  it('shows the publisher while the document’s title and the quote load, then the title', async () => {
    const { answer } = renderFirstView();
    expect(screen.getByText('P')).toBeInTheDocument();
    expect(screen.queryByText('Seed, "quoted"')).not.toBeInTheDocument();
    await answer();
    expect(screen.getByText('Seed, "quoted"')).toBeInTheDocument();
  });

  it('shows the quote and its remarks once the details arrive', async () => {
    const { full, answer } = renderFirstView();
    await answer();
    expect(screen.getByRole('blockquote')).toHaveTextContent(full.quote);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it.each([
    ['ru', 'Загрузка цитаты…'],
    ['be', 'Загрузка цытаты…'],
  ] as const)('says it in %s', (lang, text) => {
    renderFirstView(lang);
    expect(screen.getByRole('status')).toHaveTextContent(text);
  });

  it('says when the details cannot be loaded, and its button fetches them again', async () => {
    const { full, fail, answer, fetches } = renderFirstView();
    await fail('data/details.json: HTTP 503');
    expect(screen.getByRole('alert')).toHaveTextContent('The quote could not be loaded.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(fetches()).toBe(2);
    await answer();
    expect(screen.getByRole('blockquote')).toHaveTextContent(full.quote);
  });
});
