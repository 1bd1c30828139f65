import { useCallback, useState } from 'react';

/** The state of a request a person starts: busy while it runs, its error after. */
export interface ActionState {
  busy: boolean;
  error: unknown;
  /** Runs `action`, busy meanwhile; an error it throws is kept in `error`. */
  run: (action: () => Promise<void>) => Promise<void>;
  clearError: () => void;
}

/** Busy flag and error for buttons and forms that send something to the server. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
