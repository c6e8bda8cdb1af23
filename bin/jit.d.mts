/** Types of bin/jit.mjs (plain JavaScript, run before any TypeScript is loaded). */
export declare const INTERRUPT_BUDGET: number;
export declare function tuneJit(): void;
