import { open } from 'node:fs/promises';
import { EngineError } from '../errors.js';

const maxHeaderBytes = 1 << 20;

/**
 * Reads the header record of a CSV file (RFC 4180 quoting, UTF-8 with or
 * without BOM, or Latin-1) and returns the column names, trimmed. Only the
 * header is parsed here; the rows are read by DuckDB.
 */
export async function readCsvHeader(
  file: string,
  displayName: string,
  encoding: 'utf-8' | 'latin-1',
): Promise<string[]> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw new EngineError('PROBITY_UNREADABLE_FILE', `${displayName}: cannot be opened`, {
      cause: error,
    });
  });
  try {
    const buffer = Buffer.alloc(maxHeaderBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxHeaderBytes, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString(encoding === 'latin-1' ? 'latin1' : 'utf8')
      .replace(/^\uFEFF/, '');
    const names = parseFirstRecord(text);
    if (!names) {
      throw new EngineError(
        'PROBITY_UNREADABLE_FILE',
        bytesRead === 0
          ? `${displayName}: the file is empty (a header row is required)`
          : `${displayName}: no complete header row in the first ${maxHeaderBytes} bytes`,
      );
    }
    return names.map((n) => n.trim());
  } finally {
    await handle.close();
  }
}

/** Parses the first CSV record of a text; undefined when it does not end within the text. */
export function parseFirstRecord(text: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      return fields;
    } else field += ch;
  }
  if (text.length > 0 && !quoted && text.length < maxHeaderBytes) {
    fields.push(field);
    return fields;
  }
  return undefined;
}
