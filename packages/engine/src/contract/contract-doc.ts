import type { ColumnSpec, TableSpec } from './contract-types.js';
import { contractTables } from './tables.js';

/** The checks the loader makes on a column, in words. */
export function columnRules(column: ColumnSpec): string[] {
  const rules: string[] = [];
  switch (column.type) {
    case 'timestamp':
      rules.push('ISO 8601 date and time, optional offset');
      break;
    case 'date':
      rules.push('`YYYY-MM-DD`');
      break;
    case 'decimal':
      rules.push('a decimal number (`.` as decimal point)');
      break;
    case 'integer':
      rules.push('a whole number');
      break;
    case 'boolean':
      rules.push('`true`/`false`, `1`/`0`, `yes`/`no`, any case');
      break;
    case 'text':
      break;
  }
  if (column.codeList) {
    rules.push(
      column.codeList.listInDocs
        ? `one of ${column.codeList.codes.map((c) => `\`${c}\``).join(', ')}`
        : `a ${column.codeList.description} (${column.codeList.codes.length} codes bundled)`,
    );
  }
  if (column.shape) rules.push(column.shape.description);
  if (column.nonNegative) rules.push('not negative');
  if (column.min !== undefined && column.min > 0 && column.min < 1e-300) rules.push('above 0');
  else if (column.min !== undefined) rules.push(`at least ${column.min}`);
  if (column.max !== undefined) rules.push(`at most ${column.max}`);
  if (column.personal) rules.push('personal data: shown under a pseudonym');
  return rules;
}

function tableRules(table: TableSpec): string[] {
  const rules: string[] = [];
  if (table.key) {
    rules.push(
      `Rows are identified by ${table.key.map((k) => `\`${k}\``).join(' + ')}: a repeated key is rejected (the first row is kept).`,
    );
  }
  if (table.parent) {
    rules.push(
      `Every row must belong to an accepted row of \`${table.parent.table}\` (\`${table.parent.column}\`); rows whose ${table.parent.table.replace(/s$/, '')} is missing or was rejected are rejected.`,
    );
  }
  for (const rule of table.rowRules ?? []) {
    rules.push(`\`${rule.later}\` may not be before \`${rule.earlier}\`: ${rule.description}.`);
  }
  return rules;
}

function renderTable(table: TableSpec): string {
  const lines = [
    `## ${table.title}`,
    '',
    table.description,
    '',
    '| column | type | required | meaning | checked on load |',
    '|---|---|---|---|---|',
  ];
  for (const c of table.columns) {
    const meaning = c.meaning.replace(/\|/g, '\\|');
    lines.push(
      `| ${c.name} | ${c.type} | ${c.required ? 'yes' : 'no'} | ${meaning} | ${columnRules(c).join('; ')} |`,
    );
  }
  const rules = tableRules(table);
  if (rules.length > 0) lines.push('', ...rules.map((r) => `- ${r}`));
  return lines.join('\n');
}

/**
 * The data contract as a Markdown document, generated from the contract in
 * code so that the document and the loader cannot drift apart.
 */
export function renderContractDoc(): string {
  const parts = [
    '# Data contract (generated)',
    '',
    '<!-- Generated from packages/engine/src/contract by `npm run docs`. Do not edit by hand: CI fails when this file differs from the code. -->',
    '',
    'A dataset is a folder (or a `.zip` of one) holding the tables below as CSV files',
    '(UTF-8, comma separated, header row, RFC 4180 quoting) or Parquet files with the same',
    'column names. The file name is the table name (`declarations.csv` or',
    '`declarations.parquet`). Only `declarations` is required; every other table switches on',
    'more analysis when present. The authoritative text is `shared/spec/data-contract.md`;',
    'this page adds exactly what `probity load` checks on every row.',
    '',
    'For every table:',
    '',
    '- Column names are exactly as written here, lower case; column order does not matter.',
    '  Extra columns are kept as text, listed in the load summary and offered to the risk model.',
    '- Empty cell = unknown (NULL). A required column with an empty cell rejects the row.',
    '- Timestamps are ISO 8601 (`2025-03-14T09:30:00`, optional `Z` or `±HH:MM` offset; a space',
    '  may replace the `T`). Without an offset they are local time of the administration; with',
    '  one they are converted to the local time zone named in `dataset.json` (UTC when none).',
    '- Identifiers are opaque text and personal data: analysts see them under pseudonyms.',
    '',
    ...contractTables.flatMap((t) => [renderTable(t), '']),
    '## dataset.json (optional)',
    '',
    '```json',
    '{ "name": "Demo administration", "country": "CM", "currency": "XAF",',
    '  "timezone": "Africa/Douala", "hs_version": "HS2022", "encoding": "utf-8" }',
    '```',
    '',
    '`encoding` is Probity’s addition: `utf-8` (the default) or `latin-1`. With `utf-8`, a row',
    'holding bytes that are not UTF-8 is rejected with the reason; with `latin-1` the files are',
    'decoded as Latin-1.',
    '',
    '## What a load does with bad input',
    '',
    '- A file that cannot be read at all, or a required table or column that is missing: the',
    '  load stops with one message naming the file and column, and nothing already stored changes.',
    '- A row that breaks a rule above is not analysed; it is kept word for word in the rejects',
    '  table with the file, the physical line number, the column and the reason',
    '  (`probity rejects`). Each rejected row is reported once, under the first rule it breaks,',
    '  checking columns in the order of this page.',
    '- Every load ends with a reconciliation per table: rows read = rows accepted + rows rejected,',
    '  stored with the load time and the SHA-256 of each file (`probity status`).',
    '- Loading a dataset replaces the previous one as a whole, in one transaction: nothing is',
    '  doubled, and a load that fails or is killed leaves the previous data as it was.',
    '',
  ];
  return parts.join('\n');
}
