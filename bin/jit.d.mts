/** Types of bin/jit.mjs (plain JavaScript, run before any TypeScript is loaded). */
export declare function tuneJit(): void;
