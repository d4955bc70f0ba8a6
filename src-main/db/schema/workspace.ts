import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** Facts about the workspace itself (name, demo flag, creation time). */
export const workspaceMeta = sqliteTable('workspace_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** People who sign in. Their passphrase wraps the workspace key (see keyring.ts). */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'partnership_manager', 'reviewer', 'finance', 'manager'] }).notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
});

/** Who did what, when. The users-and-roles issue chains these entries by hash. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  userId: text('user_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  detail: text('detail').notNull().default('{}'),
  /** Hash chain (users-and-roles issue): sha256 of the previous entry's hash and this entry. */
  prevHash: text('prev_hash'),
  hash: text('hash'),
});
