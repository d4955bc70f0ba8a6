#!/usr/bin/env node
// The package's `partnerdesk` command: the built CLI (run `npm run build` once).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  console.error('Partnerdesk is not built yet: run "npm run build" (or use "npm run cli -- …").');
  process.exit(1);
}
await import(built);
