import type { OpenDb } from '../../db/open';
import type { Random } from './random';

/** Demo workspace: pending applications and the promotion slots. */
export function seedDemoApplications(_open: OpenDb, _rnd: Random, _today: string): void {}
