import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { KeyFileSchema } from '../workspace/keyring';

/**
 * A backup is one file: the workspace database exactly as SQLite's VACUUM INTO wrote it
 * (every page still encrypted under the workspace key), followed by a manifest and a
 * fixed trailer:
 *
 *   [database bytes][manifest JSON][u32 big-endian manifest length][8-byte magic]
 *
 * The manifest is plain text and holds nothing secret: the workspace's name and id, when
 * and why the copy was taken, the database's length and SHA-256 (so a damaged copy is
 * refused before anything is replaced), and a copy of the key file, whose keys are
 * wrapped under the users' passphrases and the recovery code. So the file alone restores
 * a lost workspace folder, and only for someone who can unlock it.
 */

export const MAGIC = Buffer.from('PDXBAK1\n', 'latin1');
const TRAILER = 4 + MAGIC.length;
export const BACKUP_EXTENSION = '.pdxbackup';

export const ManifestSchema = z.object({
  format: z.literal('partnerdesk-backup'),
  version: z.literal(1),
  workspaceId: z.string(),
  workspaceName: z.string(),
  createdAt: z.string(),
  reason: z.enum(['manual', 'before_migration']),
  /** Migrations the copy has, and for an automatic copy the ones about to be applied. */
  migrations: z.object({ applied: z.number().int(), last: z.string().nullable(), pending: z.array(z.string()) }),
  database: z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  keys: KeyFileSchema.nullable(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export class NotABackup extends Error {}

/** Appends the manifest and trailer to a file that holds the database copy, and flushes it. */
export function appendManifest(file: string, manifest: Manifest): void {
  const body = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const fd = openSync(file, 'a');
  try {
    for (const part of [body, length, MAGIC]) writeSync(fd, part);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads the manifest without reading the database part. */
export function readManifest(file: string): Manifest {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < TRAILER) throw new NotABackup('too short');
    const trailer = readAt(fd, size - TRAILER, TRAILER);
    if (!trailer.subarray(4).equals(MAGIC)) throw new NotABackup('no trailer');
    const length = trailer.readUInt32BE(0);
    if (length > size - TRAILER) throw new NotABackup('manifest length out of range');
    let json: unknown;
    try {
      json = JSON.parse(readAt(fd, size - TRAILER - length, length).toString('utf8'));
    } catch {
      throw new NotABackup('manifest is not JSON');
    }
    const parsed = ManifestSchema.safeParse(json);
    if (!parsed.success) throw new NotABackup('manifest has an unknown shape');
    if (parsed.data.database.bytes !== size - TRAILER - length) throw new NotABackup('database length does not match');
    return parsed.data;
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

const CHUNK = 1 << 20;

/** SHA-256 of the first `bytes` bytes of a file, in 1 MiB reads. */
export function sha256Prefix(file: string, bytes: number): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    for (let at = 0; at < bytes; at += CHUNK) hash.update(readAt(fd, at, Math.min(CHUNK, bytes - at)));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Copies the database part of a backup into `target` and flushes it; returns its SHA-256. */
export function extractDatabase(file: string, bytes: number, target: string): string {
  const hash = createHash('sha256');
  const src = openSync(file, 'r');
  const dst = openSync(target, 'wx', 0o600);
  try {
    for (let at = 0; at < bytes; at += CHUNK) {
      const chunk = readAt(src, at, Math.min(CHUNK, bytes - at));
      hash.update(chunk);
      writeSync(dst, chunk);
    }
    fsyncSync(dst);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
  return hash.digest('hex');
}
