// The chart as the page will print it, drawn by the core's resolver from a scratch body holding only
// its block — the same path as the preview and the export, so what is shown here is what is inserted.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chartOf, type DocumentBody } from '../../../../../src-main/shared/document.ts';
import { formatProblem } from '../../../../../src-main/shared/errors.ts';
import { errorText } from '../../../app/errors.ts';
import { useLocale } from '../../../i18n/index.ts';
import { ChartView } from '../../charts/ChartView.tsx';
import { scratchBody } from '../blank.ts';
import { useResolved } from '../useResolved.ts';

/** A problem's reason without its place and source (the scratch body's place means nothing here). */
const reason = (message: string) => message.slice(message.indexOf(' — ') + 3);

export function ChartResult({ parkId, periodId, base, text }: { parkId: string; periodId: string; base: DocumentBody; text: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const body = useMemo(() => scratchBody(base, text), [base, text]);
  const { resolved, error } = useResolved(parkId, periodId, body);
  const runs = resolved?.lead[0];
  const chart = runs ? chartOf(runs) : null;
  const only = runs?.length === 1 ? runs[0] : undefined;
  // An answer for an earlier choice is not shown as this one's.
  const current = chart ? only?.kind === 'chart' && only.source === text : resolved?.problems.some((p) => p.source === text);
  const problem = current && !chart ? resolved!.problems.find((p) => p.source === text) : undefined;
  return (
    <div className="chart-result" data-testid="chart-result" aria-live="polite">
      {error ? (
        <p className="field-error">{errorText(error, locale)}</p>
      ) : problem ? (
        <p className="r-mk" data-testid="chart-result-problem">
          {reason(formatProblem(problem, locale))}
        </p>
      ) : chart && current ? (
        <figure className="chart-result-figure" data-testid="chart-result-chart">
          <ChartView data={chart.data} title={chart.title ?? undefined} />
          <figcaption className="muted">{chart.credit}</figcaption>
        </figure>
      ) : (
        <p className="muted">{t('grid.loading')}</p>
      )}
    </div>
  );
}
