/** Jest runs the TypeScript sources as ESM through SWC (no type-check here: `tsc --noEmit` is its own step). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // the method's LP solver (HiGHS), installed as the runtime does before the first protection
  setupFiles: ['<rootDir>/tests/setup/solver.ts'],
  testTimeout: 120000,
};
