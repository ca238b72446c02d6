// Writes src/ui/palette.css from the one palette (src/scene/palette.ts). Run after changing a colour:
//   npx tsx scripts/palette-css.ts
import { writeFileSync } from 'node:fs';
import { paletteCss } from '../src/scene/palette';

writeFileSync(new URL('../src/ui/palette.css', import.meta.url), paletteCss());
