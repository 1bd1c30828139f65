/** Stable error codes of the engine; the CLI and the server show `message` to people. */
export type EngineErrorCode =
  | 'PROBITY_DATASET_NOT_FOUND'
  | 'PROBITY_UNREADABLE_FILE'
  | 'PROBITY_MISSING_TABLE'
  | 'PROBITY_MISSING_COLUMN'
  | 'PROBITY_DUPLICATE_COLUMN'
  | 'PROBITY_BAD_DATASET_JSON'
  | 'PROBITY_AMBIGUOUS_TABLE'
  | 'PROBITY_WAREHOUSE_EMPTY'
  | 'PROBITY_WAREHOUSE'
  | 'PROBITY_REPORT_ASSET';

/** An expected failure of the engine, with a stable code and a message for a person. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.code = code;
  }
}
