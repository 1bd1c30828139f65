/**
 * A minimal WebAssembly binary writer: one module, one imported memory, functions written as
 * instruction sequences. Only the instructions the SIMD forest scorer uses are named; the
 * encodings follow the WebAssembly 2.0 specification (binary format, §5), including the fixed-width
 * SIMD proposal merged into it. See docs/decisions/0005-simd-forest-scorer.md for why we write the
 * bytes ourselves rather than depend on a toolchain.
 */

/**
 * The part of the WebAssembly JavaScript API we use. Node has it as a global; the typings of
 * @types/node 20 do not declare it and the engine does not load the DOM library.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
export const wasm: WasmApi | undefined = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof F64 | typeof V128;

/** Opcodes after the 0xfd prefix (a LEB128 number). */
export const Simd = {
  load: 0x00,
  store: 0x0b,
  swizzle: 0x0e,
  i8x16Splat: 0x0f,
  i8x16Eq: 0x23,
  i8x16GtS: 0x27,
  and: 0x4e,
  or: 0x50,
  xor: 0x51,
  bitselect: 0x52,
  i8x16Sub: 0x71,
} as const;

function unsigned(out: number[], value: number): void {
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
}

function signed(out: number[], value: number): void {
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

/** The body of one function: its locals and instructions. */
export class FunctionBody {
  readonly code: number[] = [];
  private readonly locals: ValueType[] = [];

  constructor(private readonly params: readonly ValueType[]) {}

  /** A new local of `type`; its index follows the parameters. */
  local(type: ValueType): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }

  private op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  get(index: number): this {
    this.op(0x20);
    unsigned(this.code, index);
    return this;
  }
  set(index: number): this {
    this.op(0x21);
    unsigned(this.code, index);
    return this;
  }
  i32(value: number): this {
    this.op(0x41);
    signed(this.code, value);
    return this;
  }
  /** `block` with no result; close it with `end`. */
  block(): this {
    return this.op(0x02, 0x40);
  }
  loop(): this {
    return this.op(0x03, 0x40);
  }
  end(): this {
    return this.op(0x0b);
  }
  br(depth: number): this {
    this.op(0x0c);
    unsigned(this.code, depth);
    return this;
  }
  brIf(depth: number): this {
    this.op(0x0d);
    unsigned(this.code, depth);
    return this;
  }
  brTable(depths: readonly number[], otherwise: number): this {
    this.op(0x0e);
    unsigned(this.code, depths.length);
    for (const d of depths) unsigned(this.code, d);
    unsigned(this.code, otherwise);
    return this;
  }
  private memarg(opcode: number, align: number, offset: number): this {
    this.op(opcode);
    unsigned(this.code, align);
    unsigned(this.code, offset);
    return this;
  }
  i32Load(offset = 0): this {
    return this.memarg(0x28, 2, offset);
  }
  i32Load8U(offset = 0): this {
    return this.memarg(0x2d, 0, offset);
  }
  f64Load(offset = 0): this {
    return this.memarg(0x2b, 3, offset);
  }
  f64Store(offset = 0): this {
    return this.memarg(0x39, 3, offset);
  }
  i32Eq(): this {
    return this.op(0x46);
  }
  i32LtS(): this {
    return this.op(0x48);
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Shl(): this {
    return this.op(0x74);
  }
  f64Add(): this {
    return this.op(0xa0);
  }
  simd(opcode: number): this {
    this.op(0xfd);
    unsigned(this.code, opcode);
    return this;
  }
  v128Load(offset = 0): this {
    this.simd(Simd.load);
    unsigned(this.code, 4);
    unsigned(this.code, offset);
    return this;
  }
  v128Store(offset = 0): this {
    this.simd(Simd.store);
    unsigned(this.code, 4);
    unsigned(this.code, offset);
    return this;
  }

  encode(): number[] {
    const out: number[] = [];
    unsigned(out, this.locals.length);
    for (const type of this.locals) {
      unsigned(out, 1);
      out.push(type);
    }
    for (const b of this.code) out.push(b);
    out.push(0x0b);
    return out;
  }
}

export interface ExportedFunction {
  readonly name: string;
  readonly params: readonly ValueType[];
  readonly body: FunctionBody;
}

function section(out: number[], id: number, content: number[]): void {
  out.push(id);
  unsigned(out, content.length);
  for (const b of content) out.push(b);
}

function name(out: number[], text: string): void {
  const bytes = new TextEncoder().encode(text);
  unsigned(out, bytes.length);
  out.push(...bytes);
}

/** A module importing memory `env.memory` and exporting `functions` (no results). */
export function assembleModule(functions: readonly ExportedFunction[]): Uint8Array {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  unsigned(types, functions.length);
  for (const f of functions) {
    types.push(0x60);
    unsigned(types, f.params.length);
    types.push(...f.params);
    unsigned(types, 0);
  }
  section(out, 1, types);
  const imports: number[] = [];
  unsigned(imports, 1);
  name(imports, 'env');
  name(imports, 'memory');
  imports.push(0x02, 0x00);
  unsigned(imports, 1);
  section(out, 2, imports);
  const declared: number[] = [];
  unsigned(declared, functions.length);
  functions.forEach((_, i) => unsigned(declared, i));
  section(out, 3, declared);
  const exports: number[] = [];
  unsigned(exports, functions.length);
  functions.forEach((f, i) => {
    name(exports, f.name);
    exports.push(0x00);
    unsigned(exports, i);
  });
  section(out, 7, exports);
  const code: number[] = [];
  unsigned(code, functions.length);
  for (const f of functions) {
    const body = f.body.encode();
    unsigned(code, body.length);
    for (const b of body) code.push(b);
  }
  section(out, 10, code);
  return Uint8Array.from(out);
}
