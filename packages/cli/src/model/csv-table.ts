import type { TextTable } from '@probity/engine';
import { ModelInputError } from './model-input-error.js';

/**
 * Parses RFC 4180 CSV text (comma separator, double-quoted fields with "" escapes, CRLF or LF line
 * ends, optional UTF-8 byte-order mark) into a column-major table of strings. The first record is
 * the header; every record must have as many fields as the header. A final empty line is ignored.
 */
export function parseCsv(text: string, source = 'CSV'): TextTable {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  let quotedField = false;
  while (i < n) {
    const ch = text[i] as string;
    if (ch === '"' && field === '' && !quotedField) {
      // Quoted field: read to the closing quote.
      quotedField = true;
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0)
          throw new ModelInputError(
            'PROBITY_CSV_SYNTAX',
            `${source}: unterminated quote from line ${line}`,
          );
        field += text.slice(start, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
          start = i;
        } else {
          i = q + 1;
          break;
        }
      }
      for (const c of field) if (c === '\n') line++;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new ModelInputError(
          'PROBITY_CSV_SYNTAX',
          `${source}: text after a closing quote on line ${line}`,
        );
      }
      continue;
    }
    if (ch === ',') {
      record.push(field);
      field = '';
      quotedField = false;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      quotedField = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      // Plain run up to the next separator.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || record.length > 0 || quotedField) {
    record.push(field);
    records.push(record);
  }
  const header = records[0];
  if (!header) throw new ModelInputError('PROBITY_CSV_SYNTAX', `${source}: no header line`);
  const width = header.length;
  const columns: string[][] = header.map(() => new Array<string>(records.length - 1));
  for (let r = 1; r < records.length; r++) {
    const rec = records[r] as string[];
    if (rec.length !== width) {
      throw new ModelInputError(
        'PROBITY_CSV_SYNTAX',
        `${source}: record ${r + 1} has ${rec.length} fields, the header has ${width}`,
      );
    }
    for (let c = 0; c < width; c++) (columns[c] as string[])[r - 1] = rec[c] as string;
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name))
      throw new ModelInputError('PROBITY_CSV_SYNTAX', `${source}: column "${name}" appears twice`);
    seen.add(name);
  }
  return { names: header, columns };
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes rows as RFC 4180 CSV (LF line ends), quoting fields that need it. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.map(quote).join(',')];
  for (const row of rows) lines.push(row.map(quote).join(','));
  return lines.join('\n') + '\n';
}

/** The cells of a named column, or an error naming the file and the columns it has. */
export function requireColumn(table: TextTable, name: string, source = 'CSV'): readonly string[] {
  const j = table.names.indexOf(name);
  if (j < 0) {
    throw new ModelInputError(
      'PROBITY_MISSING_COLUMN',
      `${source} has no column "${name}" (columns: ${table.names.join(', ')})`,
    );
  }
  return table.columns[j] as readonly string[];
}
