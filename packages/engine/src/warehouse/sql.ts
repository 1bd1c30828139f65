import { quotedIdentifier, quotedString } from '@duckdb/node-api';

/**
 * Quotes an identifier for SQL with the DuckDB client's helper. Use it only on
 * names that come from the data contract or from a file header that has been
 * read and listed (never on request input).
 */
export function sqlIdentifier(name: string): string {
  return quotedIdentifier(name);
}

/**
 * Quotes a string literal with the DuckDB client's helper. Only for the few
 * places DuckDB cannot bind a parameter (named arguments of table functions
 * such as `read_csv(columns = {...})`); everything else is bound.
 */
export function sqlString(value: string): string {
  return quotedString(value);
}
