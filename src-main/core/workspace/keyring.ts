import { createCipheriv, createDecipheriv, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The workspace key (32 random bytes) never touches the disk in clear. It is stored
 * wrapped (AES-256-GCM) under keys derived from each user's passphrase, from the recovery
 * code, and optionally from the OS keychain. GCM's tag is what tells a wrong passphrase
 * from a right one, before the database file is ever opened.
 */

// OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1.
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

const KdfSchema = z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() });
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
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

function deriveKey(secret: string, kdf: z.infer<typeof KdfSchema>): Buffer {
  return scryptSync(secret.normalize('NFKC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * 1024 * 1024,
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
  return { name: 'scrypt' as const, ...SCRYPT, salt: randomBytes(16).toString('base64') };
}

/** Binds each wrap to its workspace and slot, so a wrap copied elsewhere does not open. */
const aadFor = (workspaceId: string, wrapId: string) => `partnerdesk:${workspaceId}:${wrapId}`;

export function wrapWithSecret(
  workspaceId: string,
  key: Buffer,
  secret: string,
  slot: { kind: 'passphrase'; username: string } | { kind: 'recovery' },
): Wrap {
  const id = randomBytes(8).toString('hex');
  const kdf = newKdf();
  const sealed = seal(deriveKey(secret, kdf), key, aadFor(workspaceId, id));
  return slot.kind === 'passphrase'
    ? { id, kind: 'passphrase', username: slot.username, kdf, sealed }
    : { id, kind: 'recovery', kdf, sealed };
}

/** Returns the workspace key, or null when the secret is wrong. */
export function unwrapWithSecret(workspaceId: string, wrap: Wrap, secret: string): Buffer | null {
  if (wrap.kind === 'keychain') return null;
  return open(deriveKey(secret, wrap.kdf), wrap.sealed, aadFor(workspaceId, wrap.id));
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
