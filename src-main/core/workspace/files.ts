import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../../src-shared/rpc/errors';
import { KeyFileSchema, type KeyFile } from './keyring';

/** A workspace is a folder: the encrypted database and the file of wrapped keys beside it. */
export function workspacePaths(dir: string) {
  return {
    dir,
    db: join(dir, 'workspace.pdx'),
    keys: join(dir, 'workspace.keys.json'),
  };
}

export function workspaceExists(dir: string): boolean {
  return existsSync(workspacePaths(dir).keys);
}

export function readKeyFile(dir: string): KeyFile {
  const file = workspacePaths(dir).keys;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppFailure({ kind: 'corrupt', message: `The key file ${file} is damaged (${(e as Error).message}). Restore it from a backup.` });
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppFailure({ kind: 'corrupt', message: `The key file ${file} is not a Partnerdesk key file, or is damaged.` });
  }
  return parsed.data;
}

/** Write to a temporary file, flush it, then rename: a crash leaves the old or the new file, never half. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export function writeKeyFile(dir: string, keys: KeyFile): void {
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(workspacePaths(dir).keys, `${JSON.stringify(keys, null, 2)}\n`);
}
