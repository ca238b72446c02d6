// The header blocks SECURITY.md gives hosts (`<!-- headers:name -->` before an http fence), read by
// the tests that serve the app with them: the node server (tests/browser/hardening.test.ts) and the
// shipped nginx configuration (tests/unit/nginxConfig.test.ts, tests/browser/delivery.test.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SECURITY_MD = resolve(import.meta.dirname, '..', 'SECURITY.md');

/** The header block named `name` in SECURITY.md, as `{ header: value }`. */
export function documentedHeaders(name: string): Record<string, string> {
  const md = readFileSync(SECURITY_MD, 'utf8');
  const block = new RegExp(`<!-- headers:${name} -->\\s*\`\`\`http\\n([\\s\\S]*?)\`\`\``).exec(md)?.[1];
  if (!block) throw new Error(`SECURITY.md has no <!-- headers:${name} --> block`);
  return Object.fromEntries(
    block
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}
