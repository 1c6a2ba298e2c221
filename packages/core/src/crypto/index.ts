export * from './errors.ts';
export * from './sodium.ts';
export * from './random.ts';
export * from './envelope.ts';
export * from './password.ts';
export * from './keys.ts';
export * from './recovery.ts';
export * from './records.ts';
