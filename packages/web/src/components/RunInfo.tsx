import { useFormat } from '../i18n/format';
import { useT } from '../i18n/LocaleProvider';

/** "Analysis of <date>" under a dashboard's title. */
export function RunInfo({ run }: { run: { runId: string; generatedAt: string } }) {
  const t = useT();
  const f = useFormat();
  return (
    <p className="run-info muted">{t('run.generated', { date: f.dateTime(run.generatedAt) })}</p>
  );
}
