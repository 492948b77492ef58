// The chosen figure as it will print, resolved by the core from a scratch body holding only it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentBody } from '../../../../../src-main/shared/document.ts';
import { formatProblem } from '../../../../../src-main/shared/errors.ts';
import { errorText } from '../../../app/errors.ts';
import { useLocale } from '../../../i18n/index.ts';
import { scratchBody } from '../blank.ts';
import { useResolved } from '../useResolved.ts';

/** A problem's reason without its place and source (the scratch body's place means nothing here). */
const reason = (message: string) => message.slice(message.indexOf(' — ') + 3);

export function FigureResult({ parkId, periodId, base, text }: { parkId: string; periodId: string; base: DocumentBody; text: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const body = useMemo(() => scratchBody(base, text), [base, text]);
  const { resolved, error } = useResolved(parkId, periodId, text ? body : null);
  const runs = resolved && resolved.lead[0];
  const current = runs && runs.map((r) => r.kind !== 'text' && r.source).includes(text);
  const problem = current ? resolved.problems[0] : undefined;
  return (
    <div className="fig-result" data-testid="figure-result" aria-live="polite">
      <span className="muted">{t('doc.figure.result')}</span>
      {error ? (
        <span className="field-error">{errorText(error, locale)}</span>
      ) : current ? (
        problem ? (
          <span className="r-mk" data-testid="figure-result-problem">
            {reason(formatProblem(problem, locale))}
          </span>
        ) : (
          <strong className="r-fig" data-testid="figure-result-text">
            {runs.map((r) => r.text).join('')}
          </strong>
        )
      ) : (
        <span className="muted">…</span>
      )}
    </div>
  );
}
