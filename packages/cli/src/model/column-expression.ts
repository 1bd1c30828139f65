import type { TextTable } from '@probity/engine';
import { ModelInputError } from './model-input-error.js';

/**
 * A tiny arithmetic language over table columns, for `--revenue`: numbers, column names (exact
 * header names, or any name in backticks), + − × ÷, unary minus and parentheses. It is parsed into a
 * tree and evaluated column by column: nothing is ever passed to `eval`.
 */
export type ColumnExpression =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'column'; readonly name: string }
  | { readonly kind: 'negate'; readonly operand: ColumnExpression }
  | {
      readonly kind: 'binary';
      readonly operator: '+' | '-' | '*' | '/';
      readonly left: ColumnExpression;
      readonly right: ColumnExpression;
    };

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'column'; name: string }
  | { kind: 'symbol'; value: string };

function fail(message: string, text: string): never {
  throw new ModelInputError('PROBITY_BAD_EXPRESSION', `${message} in "${text}"`);
}

function tokenize(text: string, columns: readonly string[]): Token[] {
  // Longest header first, so that "Tax Rate Type" wins over "Tax Rate".
  const names = [...columns].filter((c) => c.trim() !== '').sort((a, b) => b.length - a.length);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if ('+-*/()'.includes(ch)) {
      tokens.push({ kind: 'symbol', value: ch });
      i++;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) fail('unterminated backtick', text);
      tokens.push({ kind: 'column', name: text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const name = names.find((c) => text.startsWith(c, i));
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (name && (!number || name.length >= number[0].length)) {
      tokens.push({ kind: 'column', name });
      i += name.length;
    } else if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
    } else {
      fail(`unknown column or symbol at "${text.slice(i)}"`, text);
    }
  }
  return tokens;
}

/** Parses an expression; bare names must be headers of `columns`, backticked names are checked later. */
export function parseColumnExpression(text: string, columns: readonly string[]): ColumnExpression {
  const tokens = tokenize(text, columns);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isSymbol = (value: string): boolean => {
    const t = peek();
    return t !== undefined && t.kind === 'symbol' && t.value === value;
  };
  const factor = (): ColumnExpression => {
    const t = tokens[at++];
    if (!t) return fail('unexpected end', text);
    if (t.kind === 'number') return { kind: 'number', value: t.value };
    if (t.kind === 'column') return { kind: 'column', name: t.name };
    if (t.value === '-') return { kind: 'negate', operand: factor() };
    if (t.value === '(') {
      const inner = sum();
      if (!isSymbol(')')) fail('missing ")"', text);
      at++;
      return inner;
    }
    return fail(`unexpected "${t.value}"`, text);
  };
  const product = (): ColumnExpression => {
    let left = factor();
    while (isSymbol('*') || isSymbol('/')) {
      const operator = (tokens[at++] as { value: '*' | '/' }).value;
      left = { kind: 'binary', operator, left, right: factor() };
    }
    return left;
  };
  const sum = (): ColumnExpression => {
    let left = product();
    while (isSymbol('+') || isSymbol('-')) {
      const operator = (tokens[at++] as { value: '+' | '-' }).value;
      left = { kind: 'binary', operator, left, right: product() };
    }
    return left;
  };
  if (tokens.length === 0) fail('empty expression', text);
  const tree = sum();
  if (at !== tokens.length) fail('unexpected text after the expression', text);
  return tree;
}

/** Evaluates an expression on every row; empty or non-numeric cells make the row's value NaN. */
export function evaluateColumnExpression(
  expression: ColumnExpression,
  table: TextTable,
): Float64Array {
  const rows = table.columns[0]?.length ?? 0;
  const visit = (e: ColumnExpression): Float64Array => {
    switch (e.kind) {
      case 'number':
        return new Float64Array(rows).fill(e.value);
      case 'column': {
        const j = table.names.indexOf(e.name);
        if (j < 0)
          throw new ModelInputError('PROBITY_MISSING_COLUMN', `no column "${e.name}" in the table`);
        return Float64Array.from(table.columns[j] as readonly string[], (c) =>
          c.trim() === '' ? NaN : Number(c),
        );
      }
      case 'negate':
        return visit(e.operand).map((v) => -v);
      case 'binary': {
        const a = visit(e.left);
        const b = visit(e.right);
        const op = e.operator;
        return a.map((x, i) => {
          const y = b[i] as number;
          return op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x / y;
        });
      }
    }
  };
  return visit(expression);
}

/** Column names an expression reads. */
export function expressionColumns(expression: ColumnExpression): string[] {
  switch (expression.kind) {
    case 'number':
      return [];
    case 'column':
      return [expression.name];
    case 'negate':
      return expressionColumns(expression.operand);
    case 'binary':
      return [
        ...new Set([...expressionColumns(expression.left), ...expressionColumns(expression.right)]),
      ];
  }
}
