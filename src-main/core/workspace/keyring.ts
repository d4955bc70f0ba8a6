import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';

/**
 * The workspace key (32 random bytes) never touches the disk in clear. It is stored
 * wrapped (AES-256-GCM) under keys derived from each user's passphrase, from the recovery
 * code, and optionally from the OS keychain. GCM's tag is what tells a wrong passphrase
 * from a right one, before the database file is ever opened.
 */

// Argon2id, 64 MiB and 3 passes as in RFC 9106’s second recommended setting, in one lane (on two cores, shared with the window, four lanes only contended), above
// OWASP's minimum (19 MiB, 2 passes). It costs ~120 ms here, where OWASP's scrypt setting
// (N=2^17) cost ~600 ms and pushed unlock past the 1 s target. Stored per wrap, so it can grow.
export const ARGON2ID = { memoryKiB: 64 * 1024, passes: 3, lanes: 1 } as const;

const KdfSchema = z.object({
  name: z.literal('argon2id'),
  memoryKiB: z.number().int().min(19 * 1024),
  passes: z.number().int().min(1),
  lanes: z.number().int().min(1),
  salt: z.string(),
});
const SealedSchema = z.object({ iv: z.string(), ct: z.string(), tag: z.string() });

const WrapSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('passphrase'), username: z.string(), kdf: KdfSchema, sealed: SealedSchema }),
  z.object({ id: z.string(), kind: z.literal('recovery'), kdf: KdfSchema, sealed: SealedSchema }),
  // The OS keychain (Electron safeStorage) encrypts the key itself; the blob is opaque to us.
  z.object({ id: z.string(), kind: z.literal('keychain'), username: z.string(), blob: z.string() }),
]);
export type Wrap = z.infer<typeof WrapSchema>;

export const KeyFileSchema = z.object({
  format: z.literal('partnerdesk-keys'),
  version: z.literal(1),
  workspaceId: z.string(),
  /** Shown on the lock screen before anything is decrypted; holds nothing secret. */
  label: z.object({ name: z.string(), demo: z.boolean() }),
  wraps: z.array(WrapSchema),
  /**
   * Usernames an admin disabled. Their wraps are removed (the passphrase no longer opens the
   * key); the name stays here only so the lock screen can say why, before anything is decrypted.
   */
  disabledUsers: z.array(z.string()).optional(),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

async function deriveKey(secret: string, kdf: z.infer<typeof KdfSchema>): Promise<Buffer> {
  return hashRaw(secret.normalize('NFKC'), {
    algorithm: 2, // Algorithm.Argon2id (a const enum, which isolated modules cannot import)
    salt: Buffer.from(kdf.salt, 'base64'),
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.passes,
    parallelism: kdf.lanes,
    outputLen: 32,
  });
}

function seal(wrappingKey: Buffer, plain: Buffer, aad: string) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', wrappingKey, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

function open(wrappingKey: Buffer, sealed: z.infer<typeof SealedSchema>, aad: string): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(sealed.iv, 'base64'));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(sealed.ct, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

function newKdf() {
  return { name: 'argon2id' as const, ...ARGON2ID, salt: randomBytes(16).toString('base64') };
}

/** Binds each wrap to its workspace and slot, so a wrap copied elsewhere does not open. */
const aadFor = (workspaceId: string, wrapId: string) => `partnerdesk:${workspaceId}:${wrapId}`;

export async function wrapWithSecret(
  workspaceId: string,
  key: Buffer,
  secret: string,
  slot: { kind: 'passphrase'; username: string } | { kind: 'recovery' },
): Promise<Wrap> {
  const id = randomBytes(8).toString('hex');
  const kdf = newKdf();
  const sealed = seal(await deriveKey(secret, kdf), key, aadFor(workspaceId, id));
  return slot.kind === 'passphrase'
    ? { id, kind: 'passphrase', username: slot.username, kdf, sealed }
    : { id, kind: 'recovery', kdf, sealed };
}

/** Returns the workspace key, or null when the secret is wrong. */
export async function unwrapWithSecret(workspaceId: string, wrap: Wrap, secret: string): Promise<Buffer | null> {
  if (wrap.kind === 'keychain') return null;
  return open(await deriveKey(secret, wrap.kdf), wrap.sealed, aadFor(workspaceId, wrap.id));
}

/** A recovery code people can write down: 8 groups of 5 from an alphabet without look-alikes. */
export function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(40);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return Array.from({ length: 8 }, (_, i) => chars.slice(i * 5, i * 5 + 5).join('')).join('-');
}

/** People type recovery codes with spaces, lower case, or without dashes. */
export function normaliseRecoveryCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return raw.match(/.{1,5}/g)?.join('-') ?? '';
}

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The first Argon2 call in a process pays for starting its worker threads and mapping
 * 64 MiB (~170 ms here). Hosts call this at start-up, while the person is still typing,
 * so that cost does not land on the first unlock.
 */
export function warmUpKdf(): Promise<void> {
  return deriveKey('warm-up', { name: 'argon2id', ...ARGON2ID, salt: randomBytes(16).toString('base64') }).then(
    () => undefined,
    () => undefined,
  );
}
