import type { OpenDb } from '../db/open';
import type { SessionUser } from '../../src-shared/workspace/contract';
import type { KeyProtector } from './workspace/keyProtector';
import type { Logger } from './log';

/** An unlocked workspace: the open database and who signed in. */
export interface Session {
  open: OpenDb;
  /** The raw workspace key, kept only in the core's memory (for keychain enrolment); zeroed on lock. */
  key: Buffer;
  user: SessionUser;
  workspaceName: string;
  isDemo: boolean;
  file: string;
}

/** What every handler gets. Hosts (Electron, browser host, CLI, tests) build one per process. */
export interface CoreContext {
  workspaceDir: string;
  session: Session | null;
  keyProtector: KeyProtector;
  now: () => Date;
  log: Logger;
}
