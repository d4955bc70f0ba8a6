import { lstatSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// Where exports are written in the app: the workspace's exports folder. The browser host
// serves a file from there for download, by name only — never a path from the request.

export const exportsDir = (workspaceDir: string) => join(resolve(workspaceDir), 'exports');

export function ensureExportsDir(workspaceDir: string): string {
  const dir = exportsDir(workspaceDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** The finished export `name` in the exports folder, or null: no separators, no hidden or partial files, no links. */
export function exportFile(workspaceDir: string, name: string): string | null {
  if (!SAFE_NAME.test(name) || name.endsWith('.part')) return null;
  const dir = exportsDir(workspaceDir);
  const file = join(dir, name);
  if (dirname(file) !== dir) return null;
  try {
    const st = lstatSync(file);
    return st.isFile() ? file : null;
  } catch {
    return null;
  }
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);

/** 'ledger-2026-05-14-103005-a1b2.csv': the report, when, and a few random characters. */
export function exportFileName(report: string, extension: string, nowIso: string, suffix: string, detail?: string): string {
  const stamp = nowIso.slice(0, 19).replace('T', '-').replace(/:/g, '');
  return `${[slug(report), detail ? slug(detail) : '', stamp, suffix].filter(Boolean).join('-')}.${extension}`;
}
