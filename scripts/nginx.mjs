#!/usr/bin/env node
// Serves a build with nginx and the shipped configuration (deploy/nginx/), for the delivery tests.
//
// `startNginx({ root, site })` copies deploy/nginx/byru-map/ next to a generated nginx.conf in a
// temporary folder, includes the shipped site file (`byru-map.conf`, or `byru-map-subpath.conf`)
// with only its `listen`, `server_name` and `root` lines replaced, and runs nginx in the foreground
// on 127.0.0.1 and a free port. Everything else (headers, caching, types, gzip_static) is exactly
// what a host deploys.
//
// nginx is $NGINX_PATH, /usr/sbin/nginx or /usr/bin/nginx; if none is there and this is Debian or
// Ubuntu as root, Debian's `nginx` is installed with apt-get (as .ci/run does), else it throws
// saying what to install.
//
// CLI: node scripts/nginx.mjs [root=dist] [byru-map.conf|byru-map-subpath.conf]
import { spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEPLOY_DIR = join(REPO, 'deploy', 'nginx');
const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];
export const NGINX_NOT_FOUND =
  'nginx not found. Install it (Debian/Ubuntu: sudo apt-get install nginx) or set NGINX_PATH=/path/to/nginx';

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** @returns {string} the nginx executable, installing Debian's package as root if needed. */
export function findNginx({ install = true, env = process.env } = {}) {
  if (env.NGINX_PATH) {
    if (isExecutable(env.NGINX_PATH)) return env.NGINX_PATH;
    throw new Error(`NGINX_PATH=${env.NGINX_PATH} is not an executable file. ${NGINX_NOT_FOUND}`);
  }
  const found = CANDIDATES.find(isExecutable);
  if (found) return found;
  if (install && existsSync('/etc/debian_version') && process.getuid?.() === 0) {
    for (const args of [['update'], ['install', '-y', 'nginx']]) {
      console.error(`[nginx] nginx not found; running: apt-get ${args.join(' ')}`);
      const r = spawnSync('apt-get', args, {
        env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
        stdio: ['ignore', 2, 2],
      });
      if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed. ${NGINX_NOT_FOUND}`);
    }
    const installed = CANDIDATES.find(isExecutable);
    if (installed) return installed;
  }
  throw new Error(NGINX_NOT_FOUND);
}

/** The shipped site file with only the lines a host changes for its machine replaced. */
export function siteConfig(site, { port, root }) {
  const text = readFileSync(join(DEPLOY_DIR, site), 'utf8');
  const replaced = { listen: 0, server_name: 0, root: 0 };
  const out = text
    .replace(/^(\s*)listen\s+[^;]+;/gmu, (_m, indent) => (replaced.listen++, `${indent}listen 127.0.0.1:${port};`))
    .replace(
      /^(\s*)server_name\s+[^;]+;/gmu,
      (_m, indent) => (replaced.server_name++, `${indent}server_name 127.0.0.1;`),
    )
    .replace(/^(\s{4})root\s+[^;]+;/gmu, (_m, indent) => (replaced.root++, `${indent}root ${root};`));
  for (const [directive, count] of Object.entries(replaced)) {
    if (count !== 1) throw new Error(`${site}: expected one server-level \`${directive}\` line, found ${count}`);
  }
  return out;
}

async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

async function waitForPort(port, child, log, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise((done) => {
      const socket = connect(port, '127.0.0.1', () => (socket.destroy(), done(true)));
      socket.on('error', () => done(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port} within ${timeout} ms:\n${log()}`);
}

/**
 * @param {{ root?: string, site?: 'byru-map.conf' | 'byru-map-subpath.conf' }} [options]
 *   root: the folder to serve as the site's root (for the sub-path site, the folder that holds maps/by-ru/).
 * @returns {Promise<{ url: string, port: number, conf: string, close: () => Promise<void> }>}
 */
export async function startNginx({ root = 'dist', site = 'byru-map.conf' } = {}) {
  const nginx = findNginx();
  const dir = mkdtempSync(join(tmpdir(), 'byru-nginx-'));
  cpSync(join(DEPLOY_DIR, 'byru-map'), join(dir, 'byru-map'), { recursive: true });
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const conf = [
    // As root, nginx's workers would switch to `nobody`, who may not read a checkout under /root.
    asRoot ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'daemon off;',
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (t) => `  ${t === 'body' ? 'client_body' : t}_temp_path ${dir}/${t};`,
    ),
    siteConfig(site, { port, root: resolve(root) }),
    '}',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const log = () =>
    `${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`;
  await waitForPort(port, child, log);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    conf,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', site = 'byru-map.conf'] = process.argv.slice(2);
  const server = await startNginx({ root, site: /** @type {any} */ (site) });
  console.log(`nginx serves ${resolve(root)} at ${server.url}/ with deploy/nginx/${site} (Ctrl+C to stop)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close().then(() => process.exit(0)));
}
