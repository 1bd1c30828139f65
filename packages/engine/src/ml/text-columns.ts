// Tables of text cells, and the category dictionaries learned from them.
/** A table of text cells, one array per column; the empty string is a missing value. */
export interface TextTable {
  readonly names: readonly string[];
  readonly columns: readonly (readonly string[])[];
}

/** Where the text of a categorical feature comes from: a column, or the leading digits of a code column. */
export interface TextSource {
  readonly column: string;
  /** Keep this many leading characters (e.g. 2 and 4 for HS chapters and headings). */
  readonly prefix?: number;
  /** Left-pad digit codes with zeros to this width first (codes lose leading zeros in CSV files). */
  readonly width?: number;
  /** Pair the value with this column's value (trader × goods code): missing when either is. */
  readonly pairedWith?: string;
}

/** Category values of a source seen in training, most frequent first; a value's code is its index. */
export interface Dictionary {
  readonly source: TextSource;
  readonly values: string[];
}

/** A decimal number as written in CSV files (no thousands separators). */
export const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Digits only: an identifier or a code. */
export const DIGITS = /^\d+$/;

/** The cells of a named column (RangeError naming the column when absent). */
export function columnOf(table: TextTable, name: string): readonly string[] {
  const j = table.names.indexOf(name);
  if (j < 0) throw new RangeError(`the table has no column "${name}"`);
  return table.columns[j] as readonly string[];
}

/** Numbers of a column's cells; empty or non-numeric cells are NaN. */
export function parseNumbers(cells: readonly string[]): Float64Array {
  return columnOfRows(cells.length, (i) => {
    const c = cells[i] as string;
    return c === '' ? NaN : NUMBER.test(c.trim()) ? Number(c) : NaN;
  });
}

/**
 * A Float64Array of `rows` values computed by index. `Float64Array.from(source, map)` first copies
 * an iterable source into a list of boxed numbers, a heap object per row that the garbage
 * collector then has to clear; on a million rows that cost more than the work itself.
 */
export function columnOfRows(rows: number, valueOf: (row: number) => number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = valueOf(i);
  return out;
}

/** The text of a source for every row: a column, a padded prefix of it, or a pair of columns. */
export function sourceText(table: TextTable, source: TextSource): string[] {
  const { prefix, width, pairedWith } = source;
  const cells = columnOf(table, source.column);
  if (pairedWith !== undefined) {
    const other = columnOf(table, pairedWith);
    return cells.map((c, i) => pairCell(c, other[i] as string));
  }
  if (prefix === undefined && width === undefined) return cells as string[];
  return cells.map((c) => sourceCell(source, c));
}

/** The text of a pair of cells: empty when either is, else both joined by U+0001. */
function pairCell(a: string, b: string): string {
  return a === '' || b === '' ? '' : `${a}\u0001${b}`;
}

/** The text of one cell of a source's column (padded, then cut to the prefix). */
function sourceCell(source: TextSource, cell: string): string {
  const { prefix, width } = source;
  if (cell === '') return cell;
  const padded = width !== undefined && DIGITS.test(cell) ? cell.padStart(width, '0') : cell;
  return prefix !== undefined ? padded.slice(0, prefix) : padded;
}

/** Codes of a source's cells under a dictionary: −1 missing, `values.length` for unseen values. */
export function encode(table: TextTable, dictionary: Dictionary): Int32Array {
  const index = new Map<string, number>();
  dictionary.values.forEach((v, i) => index.set(v, i));
  const unseen = dictionary.values.length;
  const { source } = dictionary;
  const cells = columnOf(table, source.column);
  const codes = new Int32Array(cells.length);
  // Each distinct cell (or pair of cells) is transformed and looked up once: building the source's
  // text for every row allocated a string per row, and on a million rows the garbage collector cost
  // more than the lookups.
  if (source.pairedWith !== undefined) {
    const other = columnOf(table, source.pairedWith);
    const seen = new Map<string, Map<string, number>>();
    for (let i = 0; i < cells.length; i++) {
      const a = cells[i] as string;
      const b = other[i] as string;
      if (a === '' || b === '') {
        codes[i] = -1;
        continue;
      }
      let byOther = seen.get(a);
      if (!byOther) {
        byOther = new Map<string, number>();
        seen.set(a, byOther);
      }
      let code = byOther.get(b);
      if (code === undefined) {
        code = index.get(pairCell(a, b)) ?? unseen;
        byOther.set(b, code);
      }
      codes[i] = code;
    }
    return codes;
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    let code = seen.get(cell);
    if (code === undefined) {
      const text = sourceCell(source, cell);
      code = text === '' ? -1 : (index.get(text) ?? unseen);
      seen.set(cell, code);
    }
    codes[i] = code;
  }
  return codes;
}

/** The values of a source in training, most frequent first (ties in text order). */
export function learnDictionary(table: TextTable, source: TextSource): Dictionary {
  const counts = new Map<string, number>();
  for (const c of sourceText(table, source)) {
    if (c !== '') counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const values = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([v]) => v);
  return { source, values };
}
