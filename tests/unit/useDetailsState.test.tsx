// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../scripts/data/fixtures';
import { decodeDataset } from '../../src/data/dataset';
import { splitDataset } from '../../src/data/details';
import { deferDetails } from '../../src/data/detailsLoader';
import { useCompleteDataset, useDetailsState } from '../../src/ui/useDetailsState';

/** A first-view dataset whose details the test hands over. */
function createDeferred() {
  const { first, details } = splitDataset(JSON.parse(JSON.stringify(createDataset())) as Record<string, unknown>);
  const dataset = decodeDataset(first);
  const answers: ((json: unknown) => void)[] = [];
  deferDetails(dataset, () => new Promise((resolve) => answers.push(resolve)));
  const answer = () => act(async () => answers.at(-1)?.(JSON.parse(JSON.stringify(details))));
  return { dataset, answer, fetches: () => answers.length };
}

describe('useDetailsState and useCompleteDataset', () => {
  it('ask for the details once, say loading, then ready', async () => {
    const d = createDeferred();
    const { result } = renderHook(() => [useDetailsState(d.dataset), useDetailsState(d.dataset)]);
    expect(result.current.map((s) => s.status)).toEqual(['loading', 'loading']);
    expect(d.fetches()).toBe(1);
    await d.answer();
    expect(result.current.map((s) => s.status)).toEqual(['ready', 'ready']);
  });

  it('give null while the details load, then the complete dataset', async () => {
    const d = createDeferred();
    const { result } = renderHook(() => useCompleteDataset(d.dataset));
    expect(result.current).toBeNull();
    await d.answer();
    expect(result.current?.links[0]).toEqual(createDataset().links[0]);
  });

  it('give a complete dataset as it is, without fetching', () => {
    const dataset = createDataset();
    const { result } = renderHook(() => [useDetailsState(dataset).status, useCompleteDataset(dataset)] as const);
    expect(result.current).toEqual(['complete', dataset]);
  });
});
