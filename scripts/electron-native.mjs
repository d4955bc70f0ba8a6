#!/usr/bin/env node
// The encrypting SQLite driver ships a prebuilt binary for Node's ABI only. Electron has its
// own, so on a machine that can run Electron we compile a second copy against Electron's
// headers into .native/electron — leaving node_modules (and the Node test suite) untouched.
// The core loads it through PARTNERDESK_SQLITE_BINDING (src-main/db/open.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const src = join(root, 'node_modules', 'better-sqlite3');
const work = join(root, '.native', 'build-src');
const out = join(root, '.native', 'electron');

console.log(`Building the encrypted SQLite driver for Electron ${electronVersion} (once)…`);
rmSync(work, { recursive: true, force: true });
cpSync(src, work, { recursive: true });
const r = spawnSync(
  'npx',
  ['--yes', 'node-gyp@11', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
  { cwd: work, stdio: 'inherit' },
);
if (r.status !== 0 || !existsSync(join(work, 'build', 'Release', 'better_sqlite3.node'))) {
  console.error('Could not build the SQLite driver for Electron (a C++ toolchain and internet access are needed). Use "npm run start:browser" meanwhile.');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(out, 'better_sqlite3.node'));
rmSync(work, { recursive: true, force: true });
console.log(`Done: ${join(out, 'better_sqlite3.node')}`);
