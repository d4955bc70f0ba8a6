import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/**
 * Where the workspace lives when no folder is named: PARTNERDESK_HOME, else the platform's
 * usual place for application data (the same folder Electron's userData would use).
 */
export function defaultWorkspaceDir(): string {
  if (process.env.PARTNERDESK_HOME) return process.env.PARTNERDESK_HOME;
  const home = homedir();
  switch (platform()) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Partnerdesk', 'workspace');
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Partnerdesk', 'workspace');
    default:
      return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'Partnerdesk', 'workspace');
  }
}
