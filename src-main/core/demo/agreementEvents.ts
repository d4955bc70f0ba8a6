import type { OpenDb } from '../../db/open';
import type { Random } from './random';

/** Demo workspace: notices served, breaches noticed and cured. */
export function seedDemoAgreementEvents(_open: OpenDb, _rnd: Random, _today: string): void {}
