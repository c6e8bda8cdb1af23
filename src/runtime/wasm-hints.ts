/**
 * V8's compilation hints for a WebAssembly module: a custom section, `compilationHints`, that tells
 * V8 which functions to compile when the module is loaded and which to leave until their first
 * call (an experimental V8 feature, read only under `--experimental-wasm-compilation-hints` and
 * `--no-wasm-lazy-compilation`; other engines ignore the section). Hints change when code is
 * compiled, never what it computes.
 *
 * The section holds one byte per function the module defines (imports excepted): bits 0–1 the
 * strategy (1 lazy, 2 eager), bits 2–3 the first tier (0 V8's choice, 2 optimised), bits 4–5 the
 * final tier. It must come after the function section and before the code section.
 *
 * @example
 *   const hinted = withCompilationHints(bytes, { eager: [20, 21], optimized: [21] });
 *   if (hinted) await WebAssembly.instantiate(hinted, imports);
 */

/** Function indices as the module numbers them (imported functions first). */
export interface CompilationHints {
  /** compiled when the module loads, by V8's baseline compiler */
  eager: readonly number[];
  /** compiled when the module loads, directly by V8's optimising compiler */
  optimized: readonly number[];
}

const LAZY = 0x01;
const EAGER = 0x02;
/** eager, first and final tier the optimising compiler */
const EAGER_OPTIMIZED = 0x02 | (2 << 2) | (2 << 4);

const SECTION = { custom: 0, import: 2, function: 3, code: 10 } as const;
const IMPORT_KIND = { function: 0, table: 1, memory: 2, global: 3, tag: 4 } as const;

/** The module's shape as far as the hints need it. */
export interface ModuleShape {
  importedFunctions: number;
  definedFunctions: number;
  /** offset of the code section's first byte (its id) */
  codeSection: number;
}

/**
 * The module's bytes with the hints section inserted before the code section; every function not
 * listed stays lazy. Undefined when the bytes are not a module this can read, when they already
 * hold hints, or when a listed index is not a function the module defines.
 */
export function withCompilationHints(bytes: Uint8Array, hints: CompilationHints): Uint8Array | undefined {
  const shape = moduleShape(bytes);
  if (!shape) return undefined;
  const { importedFunctions, definedFunctions, codeSection } = shape;
  const perFunction = new Uint8Array(definedFunctions).fill(LAZY);
  const mark = (indices: readonly number[], hint: number) => {
    for (const f of indices) {
      const k = f - importedFunctions;
      if (!Number.isInteger(k) || k < 0 || k >= definedFunctions) return false;
      perFunction[k] = hint;
    }
    return true;
  };
  if (!mark(hints.eager, EAGER) || !mark(hints.optimized, EAGER_OPTIMIZED)) return undefined;
  const name = new TextEncoder().encode('compilationHints');
  const payload = [...leb128(name.length), ...name, ...leb128(definedFunctions), ...perFunction];
  const section = [SECTION.custom, ...leb128(payload.length), ...payload];
  const out = new Uint8Array(bytes.length + section.length);
  out.set(bytes.subarray(0, codeSection), 0);
  out.set(section, codeSection);
  out.set(bytes.subarray(codeSection), codeSection + section.length);
  return out;
}

/** Counts of imported and defined functions and where the code section starts; undefined if unreadable. */
export function moduleShape(bytes: Uint8Array): ModuleShape | undefined {
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || magic.some((b, k) => bytes[k] !== b)) return undefined;
  const reader = new Reader(bytes, 8);
  let importedFunctions = 0;
  let definedFunctions: number | undefined;
  while (reader.at < bytes.length) {
    const start = reader.at;
    const id = reader.byte();
    const size = reader.u32();
    const end = reader.at + size;
    if (end > bytes.length) return undefined;
    if (id === SECTION.custom && reader.name() === 'compilationHints') return undefined;
    if (id === SECTION.import) {
      importedFunctions = countImportedFunctions(reader);
      if (importedFunctions < 0) return undefined;
    }
    if (id === SECTION.function) definedFunctions = reader.u32();
    if (id === SECTION.code) return definedFunctions === undefined ? undefined : { importedFunctions, definedFunctions, codeSection: start };
    reader.at = end;
  }
  return undefined;
}

/** Reads the import section's entries; −1 for a kind this reader does not know. */
function countImportedFunctions(reader: Reader): number {
  let functions = 0;
  const count = reader.u32();
  for (let k = 0; k < count; k++) {
    reader.name(); // module
    reader.name(); // field
    const kind = reader.byte();
    if (kind === IMPORT_KIND.function) {
      reader.u32();
      functions++;
    } else if (kind === IMPORT_KIND.table) {
      reader.byte(); // element type
      reader.limits();
    } else if (kind === IMPORT_KIND.memory) reader.limits();
    else if (kind === IMPORT_KIND.global) reader.at += 2; // value type, mutability
    else if (kind === IMPORT_KIND.tag) {
      reader.byte();
      reader.u32();
    } else return -1;
  }
  return functions;
}

class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}
  byte(): number {
    return this.bytes[this.at++];
  }
  u32(): number {
    let value = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    return value;
  }
  name(): string {
    const length = this.u32();
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }
  limits(): void {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

function leb128(value: number): number[] {
  const out: number[] = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}
