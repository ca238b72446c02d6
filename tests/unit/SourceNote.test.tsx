// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../scripts/data/fixtures';
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
