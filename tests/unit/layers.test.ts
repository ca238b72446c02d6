// The layer rule of eslint.config.js: each part of src/ imports only the floors below it
// (data ← i18n ← config ← scene ← state ← map | svg ← ui ← mount), so a back-edge fails the lint.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The no-restricted-imports messages for `source` linted as the file `filePath`. */
async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule', () => {
  it.each([
    ['src/data/probe.ts', "import { PALETTES } from '../scene/palette';"],
    ['src/scene/probe.ts', "import { createAppStore } from '../state/createAppStore';"],
    ['src/scene/view/probe.ts', "import { applyView } from '../../map/applyView';"],
    ['src/state/probe.ts', "import { createMapAdapter } from '../map/createMapAdapter';"],
    ['src/state/probe.ts', "import { buildSvgMap } from '../svg/buildSvgMap';"],
    ['src/map/probe.ts', "import { buildSvgMap } from '../svg/buildSvgMap';"],
    ['src/svg/probe.ts', "import { applyView } from '../map/applyView';"],
    ['src/ui/probe.ts', "import { mount } from '../mount';"],
    ['src/ui/probe.ts', "import { mount } from '../embed/lib';"],
    ['src/config.ts', "import { PALETTES } from './scene/palette';"],
    ['src/scene/probe.ts', "import { createStore } from 'zustand';"],
    ['src/svg/probe.ts', "import maplibre from 'maplibre-gl';"],
  ])('fails %s importing against the layers: %s', async (file, source) => {
    expect(await restricted(file, source)).toHaveLength(1);
  });

  it.each([
    ['src/scene/probe.ts', "import { LINK_KINDS } from '../data/types';"],
    ['src/scene/view/probe.ts', "import { LINK_LOOK } from '../linkKinds';"],
    ['src/state/probe.ts', "import { describeView } from '../scene/view/describeView';"],
    ['src/map/probe.ts', "import { describeView } from '../scene/view/describeView';"],
    ['src/svg/probe.ts', "import type { AppStore } from '../state/createAppStore';"],
    ['src/ui/probe.ts', "import { createMapAdapter } from '../map/createMapAdapter';"],
    ['src/ui/probe.ts', "import { shareLink } from '../embed/shareSnippets';"],
    ['src/map/probe.ts', "import maplibre from 'maplibre-gl';"],
  ])('lets %s import a floor below: %s', async (file, source) => {
    expect(await restricted(file, source)).toEqual([]);
  });
});
