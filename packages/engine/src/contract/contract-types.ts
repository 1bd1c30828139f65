/** The value types a contract column can have. */
export type ColumnType = 'text' | 'timestamp' | 'date' | 'decimal' | 'integer' | 'boolean';

/** A named list of allowed codes, shared by several columns. */
export interface CodeList {
  /** Stable name, used in messages and documentation (`channel`, `country`). */
  readonly name: string;
  /** What the codes are, in the users' words. */
  readonly description: string;
  /** Every allowed code, exactly as written in the data. */
  readonly codes: readonly string[];
  /** When true, the docs list the codes in full (short lists only). */
  readonly listInDocs: boolean;
}

/** A shape a text value must have, as a regular expression over the whole value. */
export interface TextShape {
  /** Regular expression matched against the whole value (RE2 syntax, as DuckDB uses). */
  readonly pattern: string;
  /** The shape in words, for messages and documentation. */
  readonly description: string;
}

/** One column of a contract table. */
export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /** What the column means, as the data contract says it. */
  readonly meaning: string;
  /** Allowed codes, when the column is coded. */
  readonly codeList?: CodeList;
  /** Shape of a text value (HS codes, periods, unit codes). */
  readonly shape?: TextShape;
  /** Numbers below zero are refused (money, masses, quantities). */
  readonly nonNegative?: boolean;
  /** Smallest allowed value (inclusive), for numbers. */
  readonly min?: number;
  /** Largest allowed value (inclusive), for numbers. */
  readonly max?: number;
  /** The value is personal data (an identifier of a person or firm). */
  readonly personal?: boolean;
}

/** A rule between two columns of the same row: `later` may not be before `earlier`. */
export interface NotBeforeRule {
  readonly kind: 'not_before';
  readonly later: string;
  readonly earlier: string;
  /** The rule in words, for messages and documentation. */
  readonly description: string;
}

/** A rule that ties a table's rows to their declaration. */
export interface ParentRule {
  readonly column: string;
  readonly table: string;
  readonly parentColumn: string;
}

/** One table of the data contract. */
export interface TableSpec {
  readonly name: string;
  readonly title: string;
  readonly required: boolean;
  /** What the table holds, as the data contract says it. */
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns whose combination identifies a row; duplicates are rejected. */
  readonly key?: readonly string[];
  /** Rows must belong to an accepted row of another table. */
  readonly parent?: ParentRule;
  /** Rules across columns of a row. */
  readonly rowRules?: readonly NotBeforeRule[];
}
