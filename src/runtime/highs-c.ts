/**
 * HiGHS through its C API, straight from the `highs` package's WebAssembly build: the few calls
 * `LpModel` makes, with arrays copied into the solver's memory as they are, nothing else.
 *
 * Why not the package's model API: it checks every array element, building an error label for
 * each one ("colCost[17]") before it could ever fail, and looks its C function up again at every
 * call: on small tables that work is a noticeable share of the first protection (figures in
 * bench/README.md);
 * same suppressions, `make annual` outputs byte-identical. mfer builds its models itself, and
 * `tests/runtime/highs-c.test.ts` checks this binding against the package's API.
 *
 * The package's own module loader is kept (its runtime, memory growth, C library); only the
 * instantiation is done here, to keep a handle on the module's memory.
 *
 * @example
 *   const h = await loadHighs();
 *   const m = h.create();
 *   m.passLp({ numCols: 1, colCost, colLower, colUpper, rowLower, rowUpper, starts, indices, values });
 *   m.run(); m.objective();
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { SENSE, type CModel, type LpSolver } from '../protect/solver.ts';
import { highsHintsFile, highsWasmBytes } from './highs-wasm.ts';
import { HINT_FLAGS, hintedHighs } from './highs-hints.ts';

/** HiGHS as the method's LP solver (the interface of src/protect/solver.ts). */
export type HighsC = LpSolver;

type CFn = (...args: number[]) => number;

// the parts of the WebAssembly global used here (the project's TypeScript libraries do not type it)
interface WasmMemory {
  buffer: ArrayBuffer;
}
interface WasmInstance {
  exports: Record<string, unknown>;
}
const wasm = (globalThis as unknown as { WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: WasmInstance }>; Memory: abstract new () => WasmMemory } }).WebAssembly;

/** Loads the package's module with its memory in hand. */
export async function loadHighs(): Promise<HighsC> {
  // required, not imported: the ES module build goes through tsx's loader, which transpiles its
  // 168 kB again in every process and thread
  const require = createRequire(import.meta.url);
  let memory: WasmMemory | undefined;
  const factory = require('highs') as (arg: object) => Promise<Record<string, unknown>>;
  // the runtime waits for `done` forever: a failed instantiation must reject the load instead
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const loading = factory({
    instantiateWasm(imports: object, done: (instance: WasmInstance) => void) {
      void wasm.instantiate(moduleBytes(), imports).then(({ instance }) => {
        memory = Object.values(instance.exports).find((e): e is WasmMemory => e instanceof wasm.Memory);
        done(instance);
      }, fail);
      return {};
    },
  });
  const module = await Promise.race([loading, failed]);
  if (!memory) throw new Error('highs: WebAssembly memory not exported');
  return bind(module, memory);
}

/**
 * The module's bytes, with V8's compilation hints when those measured apply to them (see
 * highs-hints.ts), V8's flags then set to read them.
 */
function moduleBytes(): Uint8Array {
  const bytes = highsWasmBytes();
  if (process.env.MFER_HIGHS_HINTS === 'off') return bytes;
  const hinted = hintedHighs(bytes, highsHintsFile(), process.versions.v8, createHash('sha256').update(bytes).digest('hex'));
  if (!hinted) return bytes;
  for (const flag of HINT_FLAGS) setFlagsFromString(flag);
  return hinted;
}

function bind(module: Record<string, unknown>, memory: WasmMemory): HighsC {
  const fn = (name: string): CFn => {
    const f = module[`_${name}`];
    if (typeof f !== 'function') throw new Error(`highs: the WebAssembly build exports no ${name}`);
    return f as CFn;
  };
  const cwrap = module.cwrap as (name: string, ret: string, args: string[]) => (...a: unknown[]) => number;
  const malloc = fn('malloc');
  const free = fn('free');
  const create = fn('Highs_create');
  const destroy = fn('Highs_destroy');
  const passLp = fn('Highs_passLp');
  const addRows = fn('Highs_addRows');
  const colsCost = fn('Highs_changeColsCostByRange');
  const colCost = fn('Highs_changeColCost');
  const colBounds = fn('Highs_changeColBounds');
  const rowBounds = fn('Highs_changeRowBounds');
  const sense = fn('Highs_changeObjectiveSense');
  const setBasis = fn('Highs_setBasis');
  const logicalBasis = fn('Highs_setLogicalBasis');
  const integrality = fn('Highs_changeColsIntegralityByRange');
  const setSolution = fn('Highs_setSolution');
  const run = fn('Highs_run');
  const modelStatus = fn('Highs_getModelStatus');
  const objective = fn('Highs_getObjectiveValue');
  const getSolution = fn('Highs_getSolution');
  const numCol = fn('Highs_getNumCol');
  const numRow = fn('Highs_getNumRow');
  const optionType = cwrap('Highs_getOptionType', 'number', ['number', 'string', 'number']);
  const setBool = cwrap('Highs_setBoolOptionValue', 'number', ['number', 'string', 'number']);
  const setInt = cwrap('Highs_setIntOptionValue', 'number', ['number', 'string', 'number']);
  const setDouble = cwrap('Highs_setDoubleOptionValue', 'number', ['number', 'string', 'number']);
  const setString = cwrap('Highs_setStringOptionValue', 'number', ['number', 'string', 'string']);
  const getInfinity = fn('Highs_getInfinity');

  // views are remade after the memory grows (the old buffer is then detached)
  let f64 = new Float64Array(memory.buffer);
  let i32 = new Int32Array(memory.buffer);
  const views = () => {
    if (f64.buffer !== memory.buffer) {
      f64 = new Float64Array(memory.buffer);
      i32 = new Int32Array(memory.buffer);
    }
  };
  /** Copies arrays into freshly allocated solver memory, calls `body`, frees them. */
  const withCopies = (arrays: (Float64Array | Int32Array)[], body: (pointers: number[]) => number): number => {
    const pointers = arrays.map((a) => malloc(Math.max(8, a.byteLength)));
    try {
      views();
      arrays.forEach((a, k) => (a instanceof Float64Array ? f64.set(a, pointers[k] >> 3) : i32.set(a, pointers[k] >> 2)));
      return body(pointers);
    } finally {
      for (const p of pointers) free(p);
    }
  };
  const check = (status: number, call: string) => {
    if (status === -1) throw new Error(`highs: ${call} failed`);
  };

  const modelOf = (pointer: number): CModel => {
    // the solution is read through buffers kept for the model's size, grown with addRows
    let buffers: { cols: number; rows: number; at: number } | undefined;
    const solutionBuffers = () => {
      const cols = numCol(pointer);
      const rows = numRow(pointer);
      if (!buffers || buffers.cols !== cols || buffers.rows !== rows) {
        if (buffers) free(buffers.at);
        buffers = { cols, rows, at: malloc(Math.max(8, 16 * (cols + rows))) };
      }
      return buffers;
    };
    /** the solution into the buffers: column values, column duals, row values, row duals, one after the other */
    const solution = () => {
      const b = solutionBuffers();
      check(getSolution(pointer, b.at, b.at + 8 * b.cols, b.at + 16 * b.cols, b.at + 16 * b.cols + 8 * b.rows), 'getSolution');
      views();
      return b;
    };
    return {
      setOption(name, value) {
        // HiGHS's option types: 0 bool, 1 int, 2 double, 3 string
        const at = malloc(8);
        let type: number;
        try {
          check(optionType(pointer, name, at), `option ${name}`);
          views();
          type = i32[at >> 2];
        } finally {
          free(at);
        }
        const status =
          type === 0 ? setBool(pointer, name, value ? 1 : 0) : type === 1 ? setInt(pointer, name, Number(value)) : type === 2 ? setDouble(pointer, name, Number(value)) : setString(pointer, name, String(value));
        check(status, `option ${name}`);
      },
      passLp(lp) {
        const rows = lp.rowLower.length;
        const arrays = [lp.colCost, lp.colLower, lp.colUpper, lp.rowLower, lp.rowUpper, lp.starts, lp.indices, lp.values];
        const status = withCopies(arrays, (p) => passLp(pointer, lp.numCols, rows, lp.values.length, 2, SENSE.minimize, 0, ...p));
        check(status, 'passLp');
      },
      addRows(lower, upper, starts, indices, values) {
        check(withCopies([lower, upper, starts, indices, values], ([lo, up, st, ix, va]) => addRows(pointer, lower.length, lo, up, values.length, st, ix, va)), 'addRows');
      },
      setColsCost(costs) {
        check(withCopies([costs], ([c]) => colsCost(pointer, 0, costs.length - 1, c)), 'changeColsCost');
      },
      setColCost: (col, cost) => check(colCost(pointer, col, cost), 'changeColCost'),
      setColBounds: (col, lower, upper) => check(colBounds(pointer, col, lower, upper), 'changeColBounds'),
      setRowBounds: (row, lower, upper) => check(rowBounds(pointer, row, lower, upper), 'changeRowBounds'),
      setSense: (s) => check(sense(pointer, s), 'changeObjectiveSense'),
      setBasis(colStatus, rowStatus) {
        check(withCopies([colStatus, rowStatus], ([c, r]) => setBasis(pointer, c, r)), 'setBasis');
      },
      setLogicalBasis: () => check(logicalBasis(pointer), 'setLogicalBasis'),
      setIntegrality(kinds) {
        check(withCopies([kinds], ([k]) => integrality(pointer, 0, kinds.length - 1, k)), 'changeColsIntegrality');
      },
      setSolution(colValue) {
        check(withCopies([colValue], ([c]) => setSolution(pointer, c, 0, 0, 0)), 'setSolution');
      },
      run: () => run(pointer),
      status: () => modelStatus(pointer),
      objective: () => objective(pointer),
      colValues() {
        const { cols, at } = solution();
        return f64.slice(at >> 3, (at >> 3) + cols);
      },
      rowDuals() {
        const { cols, rows, at } = solution();
        const from = (at + 16 * cols + 8 * rows) >> 3;
        return f64.slice(from, from + rows);
      },
      dispose() {
        if (buffers) free(buffers.at);
        buffers = undefined;
        destroy(pointer);
      },
    };
  };

  return {
    infinity: getInfinity(),
    create() {
      const pointer = create();
      if (!pointer) throw new Error('highs: Highs_create failed');
      const model = modelOf(pointer);
      // as the package does: one thread, no parallel simplex; silent
      model.setOption('output_flag', false);
      model.setOption('threads', 1);
      model.setOption('parallel', 'off');
      return model;
    },
  };
}
