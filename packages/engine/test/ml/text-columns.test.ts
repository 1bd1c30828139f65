import { describe, expect, it } from 'vitest';
import { encode, learnDictionary, type TextTable } from '../../src/ml/text-columns.js';

const table: TextTable = {
  names: ['trader', 'hs'],
  columns: [
    ['A', 'B', 'A', '', 'A', 'C', 'B'],
    ['0101', '101', '', '0201', '0101', '9999', '0201'],
  ],
};

describe('category codes of a text source', () => {
  it('codes pairs of cells as learnt, −1 when either is missing, the unseen code for new pairs', () => {
    // Training rows 0–2 only: pairs A×0101 (row 0) and B×101 (row 1); row 2 has no goods code.
    const training: TextTable = {
      names: table.names,
      columns: table.columns.map((c) => c.slice(0, 3)),
    };
    const dictionary = learnDictionary(training, { column: 'trader', pairedWith: 'hs' });
    expect(dictionary.values).toEqual(['A\u00010101', 'B\u0001101']);
    // Rows: A×0101 → 0, B×101 → 1, A×'' → −1, ''×0201 → −1, A×0101 → 0, C×9999 and B×0201 unseen (2).
    expect([...encode(table, dictionary)]).toEqual([0, 1, -1, -1, 0, 2, 2]);
  });

  it('pads digit codes to the width before cutting the prefix, once per distinct cell', () => {
    const dictionary = learnDictionary(table, { column: 'hs', width: 4, prefix: 2 });
    // 0101, 101 → 0101, 0101 → "01" three times; 0201 twice → "02"; 9999 → "99".
    expect(dictionary.values).toEqual(['01', '02', '99']);
    expect([...encode(table, dictionary)]).toEqual([0, 0, -1, 1, 0, 2, 1]);
  });
});
