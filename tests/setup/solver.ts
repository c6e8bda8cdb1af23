/**
 * Every test file runs the protection method on HiGHS, as mfer does: the runtime installs the
 * solver (src/runtime/highs.ts) before the first protection; here, before each test file.
 */
import { useHighs } from '../../src/runtime/highs.ts';

useHighs();
