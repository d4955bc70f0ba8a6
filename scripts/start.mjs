#!/usr/bin/env node
// `npm start`: build, then open the Electron window — or, where no Electron binary can be
// had (as on build machines without GitHub access), say so in one line and start the
// browser host instead. `npm run start:browser` (--browser) goes straight to the host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(build.status ?? 1);
}

function electronBinary() {
  // Read what the electron package's installer wrote, rather than require('electron'), which
  // would try (and, offline, noisily fail) to download the binary right now.
  try {
    const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const rel = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
    const path = join(pkg, 'dist', rel);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = browserOnly ? null : electronBinary();
if (electron) {
  const native = join(root, '.native', 'electron', 'better_sqlite3.node');
  if (!existsSync(native)) {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const child = spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!browserOnly) console.log('No Electron binary is installed here (its download is unavailable), so Partnerdesk starts in the browser host instead.');
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'browser-host.js'), '--open', ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
