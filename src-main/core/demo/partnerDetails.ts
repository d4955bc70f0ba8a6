import type { OpenDb } from '../../db/open';
import type { Random } from './random';

/** Demo workspace: contacts, onboarding checklists, tax forms, Appendix A extras. */
export function seedDemoPartnerDetails(_open: OpenDb, _rnd: Random, _today: string): void {}
