import type { OpenDb } from '../../db/open';
import type { Random } from './random';

/** Demo workspace: leads, attribution disputes. */
export function seedDemoReferrals(_open: OpenDb, _rnd: Random, _today: string): void {}
