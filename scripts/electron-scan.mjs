// Scans the Electron shell with Doyensec's electronegativity and fails on any HIGH finding.
//
//   npm run scan:electron               (tsx scripts/electron-scan.mjs)
//   tsx scripts/electron-scan.mjs --json --root DIR
//
// What is scanned: src-main/electron (window, preload, IPC) and src-renderer/index.html
// (its Content-Security-Policy), with the Electron version from package.json.
//
// Two adjustments, both so the scan sees what Electron really gets, offline:
// - electronegativity reads the object literal passed to `new BrowserWindow(…)` and does
//   not follow imports, so `{ ...webPreferences }` from windowConfig.ts looks like "no
//   contextIsolation". The scan copies the files to a temporary folder and writes the
//   imported objects' actual values in place of their spreads (taken from windowConfig.ts
//   itself, so a loosened setting is scanned as loosened).
// - It would fetch translations and Electron's release list from the internet on every
//   run; its bundled English strings are used instead, and the release check (which needs
//   the network and changes with the calendar) is left out.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const json = args.includes('--json');
const rootArg = args.indexOf('--root');
const root = resolve(rootArg >= 0 ? args[rootArg + 1] : join(dirname(fileURLToPath(import.meta.url)), '..'));
const ELECTRON_DIR = join(root, 'src-main', 'electron');
const SPREAD_SOURCES = { webPreferences: 'windowConfig', windowDefaults: 'windowConfig' };

const require = createRequire(import.meta.url);
const ENG = dirname(require.resolve('@doyensec/electronegativity/package.json'));

function offlineTranslations() {
  const i18nModule = require.resolve(join(ENG, 'dist', 'locales', 'i18n.js'));
  require(i18nModule);
  const i18n = require(require.resolve('i18n', { paths: [ENG] }));
  require.cache[i18nModule].exports = async () => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(ENG, 'dist', 'locales'), updateFiles: false, objectNotation: true, register: globalThis });
    i18n.setLocale('en-US');
  };
}

const literal = (obj) => Object.entries(obj).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ');

/** Copies what is scanned into a temporary folder, with the imported settings written out. */
async function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'partnerdesk-electron-scan-'));
  cpSync(ELECTRON_DIR, join(dir, 'electron'), { recursive: true });
  cpSync(join(root, 'src-renderer', 'index.html'), join(dir, 'index.html'));
  const modules = {};
  for (const [name, from] of Object.entries(SPREAD_SOURCES)) {
    modules[from] ??= await import(pathToFileURL(join(ELECTRON_DIR, `${from}.ts`)).href);
    if (typeof modules[from][name] !== 'object') throw new Error(`${from}.ts no longer exports ${name}; update scripts/electron-scan.mjs.`);
  }
  let expanded = 0;
  for (const file of readdirSync(join(dir, 'electron')).filter((f) => f.endsWith('.ts'))) {
    const path = join(dir, 'electron', file);
    let text = readFileSync(path, 'utf8');
    for (const [name, from] of Object.entries(SPREAD_SOURCES)) {
      if (!new RegExp(`from '\\./${from}'`).test(text)) continue;
      text = text.replace(new RegExp(`\\.\\.\\.${name}\\b`, 'g'), () => {
        expanded++;
        return literal(modules[from][name]);
      });
    }
    writeFileSync(path, text);
  }
  if (expanded === 0) throw new Error('No `...webPreferences` spread found in src-main/electron: the scan would not see the window settings. Update scripts/electron-scan.mjs.');
  return dir;
}

async function scan() {
  offlineTranslations();
  const run = require(join(ENG, 'dist', 'runner.js'));
  const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies?.electron;
  const dir = await stage();
  try {
    const result = await run({
      input: dir,
      electronVersionOverride: electronVersion,
      isRelative: true,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      parserPlugins: [],
    });
    return { dir, electronVersion, result };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { electronVersion, result } = await scan();
const issues = result.issues.map((i) => ({
  id: i.id,
  severity: i.severity.name,
  confidence: i.confidence.name,
  file: i.file,
  line: i.location.line,
  manualReview: Boolean(i.manualReview),
  description: i.description,
}));
const high = issues.filter((i) => i.severity === 'HIGH' || i.severity === 'CRITICAL');
const unparsed = result.errors.filter((e) => !e.tolerable);

if (json) {
  console.log(JSON.stringify({ electronVersion, checks: result.globalChecks + result.atomicChecks, high: high.length, unparsed, issues }, null, 2));
} else {
  console.log(`electronegativity: ${result.globalChecks + result.atomicChecks} checks over src-main/electron and src-renderer/index.html (Electron ${electronVersion})`);
  for (const i of issues) console.log(`  ${i.severity.padEnd(13)} ${i.confidence.padEnd(9)} ${i.id.padEnd(32)} ${i.file}:${i.line}${i.manualReview ? '  (review)' : ''}`);
  for (const e of unparsed) console.log(`  NOT SCANNED   ${e.file}: ${e.message}`);
  console.log(high.length || unparsed.length ? `FAIL: ${high.length} high finding(s), ${unparsed.length} file(s) not scanned` : `OK: no high finding (${issues.length} lower finding(s) listed above)`);
}
process.exitCode = high.length || unparsed.length ? 1 : 0;
