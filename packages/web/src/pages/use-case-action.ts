import { api } from '../api/http';
import { useAction } from '../api/use-action';

/** Posts to a case and reloads it: busy meanwhile, the server's error kept if it refuses. */
export function useCaseAction(reload: () => void) {
  const { busy, error, run } = useAction();
  const post = (path: string, body: unknown, after?: (result: unknown) => void) =>
    run(async () => {
      const result = await api<unknown>(path, { method: 'POST', body });
      after?.(result);
      reload();
    });
  return { busy, error, post };
}
