#!/usr/bin/env node
// `npm test`: typecheck, unit + integration tests (real encrypted databases), build, then
// end-to-end tests in Chromium through the browser host. Ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'partnerdesk-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStage = null;

function stage(name, cmd, args, report) {
  if (failedStage) return;
  console.log(`\n── ${name} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  if (report) {
    try {
      const json = JSON.parse(readFileSync(report, 'utf8'));
      totals.passed += json.numPassedTests;
      totals.failed += json.numFailedTests;
      totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
    } catch {
      // No report: the stage failed before running tests; its exit code says so.
    }
  }
  if (r.status !== 0) failedStage = name;
}

const vitest = (config, out) => ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
stage('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
stage('unit and integration tests', 'npx', vitest('vitest.config.ts', join(reports, 'unit.json')), join(reports, 'unit.json'));
stage('build', 'npx', ['electron-vite', 'build']);
stage('end-to-end tests (Chromium, browser host)', 'npx', vitest('vitest.e2e.config.ts', join(reports, 'e2e.json')), join(reports, 'e2e.json'));

console.log('');
if (failedStage) console.log(`The "${failedStage}" stage failed.`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStage ? 1 : 0);
