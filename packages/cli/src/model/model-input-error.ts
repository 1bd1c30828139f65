/** Stable codes of the model commands' expected failures. */
export type ModelInputErrorCode =
  | 'PROBITY_CSV_SYNTAX'
  | 'PROBITY_UNREADABLE_FILE'
  | 'PROBITY_MISSING_COLUMN'
  | 'PROBITY_BAD_EXPRESSION'
  | 'PROBITY_BAD_LABEL'
  | 'PROBITY_MODEL_FILE';

/** An expected failure of `probity model` (bad CSV, unknown column, bad expression, bad model file). */
export class ModelInputError extends Error {
  readonly code: ModelInputErrorCode;

  constructor(code: ModelInputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelInputError';
    this.code = code;
  }
}
