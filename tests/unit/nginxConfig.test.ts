// The nginx configuration shipped for hosts (deploy/nginx/) says what SECURITY.md says, and the
// delivery tests serve it with nothing changed but the machine-specific lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPLOY_DIR, siteConfig } from '../../scripts/nginx.mjs';
import { documentedHeaders } from '../securityHeaders';

/** `add_header Name "value" always;` lines of a snippet, as `{ Name: value }`. */
function addedHeaders(file: string): Record<string, string> {
  const text = readFileSync(join(DEPLOY_DIR, file), 'utf8');
  const lines = [...text.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gmu)];
  return Object.fromEntries(lines.map((m) => [m[1] ?? '', m[2] ?? '']));
}

describe('deploy/nginx', () => {
  it('sends exactly the security headers SECURITY.md lists for hosts', () => {
    expect(addedHeaders('byru-map/headers.conf')).toEqual(documentedHeaders('base'));
  });

  it('includes the security headers again in every block that adds its own header', () => {
    // nginx forgets the outer add_header lines in a block that has one of its own.
    const site = readFileSync(join(DEPLOY_DIR, 'byru-map/site.conf'), 'utf8');
    const blocks = site.split(/\blocation\b/u);
    for (const block of blocks) {
      if (/add_header/u.test(block)) expect(block).toContain('include byru-map/headers.conf;');
    }
    expect(blocks.length).toBeGreaterThan(1);
  });

  it.each(['byru-map.conf', 'byru-map-subpath.conf'] as const)(
    '%s: only listen, server_name and root change for the tests',
    (site) => {
      const shipped = readFileSync(join(DEPLOY_DIR, site), 'utf8').split('\n');
      const served = siteConfig(site, { port: 8123, root: '/tmp/build' }).split('\n');
      expect(served).toHaveLength(shipped.length);
      const changed = served.filter((line, i) => line !== shipped[i]).map((line) => line.trim());
      expect(changed).toEqual(['listen 127.0.0.1:8123;', 'server_name 127.0.0.1;', 'root /tmp/build;']);
    },
  );
});
