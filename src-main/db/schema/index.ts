export * from './workspace';
export * from './partners';
export * from './agreements';
export * from './revenue';
export * from './applications';
export * from './commissions';
export * from './stripe';
export * from './drafts';
