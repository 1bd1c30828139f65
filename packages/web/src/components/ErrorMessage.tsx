import { ApiError } from '../api/http';
import { useHasMessage, useT } from '../i18n/LocaleProvider';

/** The readable, translated text of an error from the API. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  const has = useHasMessage();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      const id = `error.${error.code}`;
      if (has(id)) return t(id);
      if (error.status === 403) return t('error.FORBIDDEN');
      if (error.status === 404) return t('error.NOT_FOUND');
      if (error.status >= 500) return t('error.SERVER');
      return t('error.withDetail', { detail: error.message });
    }
    return t('error.unexpected');
  };
}

/** An error shown where the content would be, announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {text(error)}
    </p>
  );
}

/** A polite "loading" line while a request runs. */
export function Loading() {
  const t = useT();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}
