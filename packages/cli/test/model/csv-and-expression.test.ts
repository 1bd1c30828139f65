import { describe, expect, it } from 'vitest';
import {
  evaluateColumnExpression,
  parseColumnExpression,
} from '../../src/model/column-expression.js';
import { formatCsv, parseCsv } from '../../src/model/csv-table.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes, line breaks and CRLF', () => {
    const table = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\r\n');
    expect(table.names).toEqual(['a', 'b']);
    expect(table.columns[0]).toEqual(['x, y', 'two\nlines']);
    expect(table.columns[1]).toEqual(['say "hi"', '']);
  });

  it('round-trips what formatCsv writes', () => {
    const rows = [
      ['1', 'a "b", c'],
      ['2', ''],
    ];
    const table = parseCsv(formatCsv(['id', 'note'], rows));
    expect(table.columns[1]).toEqual(['a "b", c', '']);
  });

  it('rejects records with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/3 fields/);
  });
});

describe('column expressions', () => {
  const table = {
    names: ['Item Price', 'Tax Rate', 'Fraud'],
    columns: [
      ['200', '50', ''],
      ['8', '10', '5'],
      ['1', '0', '1'],
    ],
  };

  it('evaluates header names with spaces, precedence and parentheses', () => {
    const e = parseColumnExpression('Item Price * Tax Rate / 100 * Fraud', table.names);
    expect(Array.from(evaluateColumnExpression(e, table))).toEqual([16, 0, NaN]);
    const f = parseColumnExpression('(`Item Price` + 100) * -2 - 1', table.names);
    expect(Array.from(evaluateColumnExpression(f, table))).toEqual([-601, -301, NaN]);
  });

  it('refuses anything outside the grammar', () => {
    expect(() => parseColumnExpression('process.exit(1)', table.names)).toThrow(/unknown column/);
    expect(() => parseColumnExpression('Fraud *', table.names)).toThrow(/unexpected end/);
    expect(() => parseColumnExpression('(Fraud', table.names)).toThrow(/missing "\)"/);
  });
});
