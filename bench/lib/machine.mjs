// What the numbers were measured on: they only mean something next to this.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function osName() {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux
  }
  return `${os.type()} ${os.release()}`;
}

export function chromiumVersion(executablePath) {
  const r = spawnSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  return (r.stdout || '').trim().split('\n').pop() || 'unknown';
}

function git(args) {
  const r = spawnSync('git', args, { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function machineInfo(executablePath) {
  const cpus = os.cpus();
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    chromium: chromiumVersion(executablePath),
    commit: git(['rev-parse', '--short', 'HEAD']),
    workingTreeChanged: dirty === null ? null : dirty.length > 0,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}
