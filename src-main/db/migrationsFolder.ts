import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The committed drizzle-kit migrations live in resources/db/migrations. The core runs from
 * source (tests, CLI), from the electron-vite bundle (out/main) and from a packaged app, so
 * look upward from this module for the folder rather than hard-coding one layout.
 */
export function migrationsFolder(): string {
  const override = process.env.PARTNERDESK_MIGRATIONS;
  if (override) return override;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'db', 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('The database migrations folder (resources/db/migrations) was not found next to the app.');
}
