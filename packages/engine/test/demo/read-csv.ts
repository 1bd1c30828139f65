import { readFileSync } from 'node:fs';

/** A CSV file parsed by RFC 4180 rules: the header and the rows as records. */
export interface ParsedCsv {
  header: string[];
  rows: Record<string, string>[];
  /** Rows whose field count differs from the header's. */
  ragged: number;
}

/** Parses a CSV file written per RFC 4180 (quoted fields may hold commas, quotes, line breaks). */
export function readCsv(file: string): ParsedCsv {
  const text = readFileSync(file, 'utf8');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...body] = records;
  let ragged = 0;
  const rows = body.map((r) => {
    if (r.length !== header.length) ragged++;
    return Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']));
  });
  return { header, rows, ragged };
}
