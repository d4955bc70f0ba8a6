export * from './currency';
export * from './money';
export * from './rounding';
export * from './parse';
export * from './format';
export * from './schema';
