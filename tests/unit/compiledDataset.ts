import { readFileSync } from 'node:fs';
import { decodeDataset } from '../../src/data/dataset';
import { decodeDetails, mergeDetails } from '../../src/data/details';
import type { Dataset } from '../../src/data/types';

const read = (name: string): unknown => JSON.parse(readFileSync(`public/data/${name}`, 'utf8'));

/**
 * The compiled dataset as a reader sees it once the details are there: `dataset.json` (the first view)
 * completed with `details.json` (quotes, remarks). For tests of what shows or exports quotes.
 */
export function readCompleteDataset(): Dataset {
  return decodeDataset(mergeDetails(read('dataset.json') as object, decodeDetails(read('details.json'))));
}
