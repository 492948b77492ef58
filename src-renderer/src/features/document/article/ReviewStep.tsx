// Step two: where the figures go (park and period, proposed from the text), the article with its
// figures marked, and the rows to accept, correct or drop.
import { useTranslation } from 'react-i18next';
import { formatCheck, type CheckWarning } from '../../../../../src-main/shared/checks.ts';
import type { Park } from '../../../../../src-main/shared/model.ts';
import { useLocale } from '../../../i18n/index.ts';
import { ArticleText } from './ArticleText.tsx';
import { FigureTable, type FigureTableProps } from './FigureTable.tsx';
import { counts, type Row } from './rows.ts';

/** A stored park by id, or a park to create under this name. */
export type ParkChoice = { id: string } | { newName: string };

export interface ReviewStepProps extends Omit<FigureTableProps, 'rows'> {
  text: string;
  rows: readonly Row[];
  parks: readonly Park[];
  park: ParkChoice;
  onPark(p: ParkChoice): void;
  period: string;
  onPeriod(p: string): void;
  onAcceptConfident(): void;
  /** Check-rule hints for the figures as read, before anything is written. */
  checks: readonly CheckWarning[];
}

export function ReviewStep(p: ReviewStepProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = counts(p.rows);
  const parkValue = 'id' in p.park ? p.park.id : 'new';
  return (
    <div className="article-review">
      <div className="article-target">
        <label className="field inline">
          <span>{t('article.park')}</span>
          <select data-testid="article-park" value={parkValue} onChange={(e) => p.onPark(e.target.value === 'new' ? { newName: 'newName' in p.park ? p.park.newName : '' } : { id: e.target.value })}>
            {p.parks.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
            <option value="new">{t('article.newPark', { name: 'newName' in p.park ? p.park.newName : '…' })}</option>
          </select>
        </label>
        {'newName' in p.park ? (
          <label className="field inline">
            <span>{t('article.newParkName')}</span>
            <input data-testid="article-new-park" value={p.park.newName} onChange={(e) => p.onPark({ newName: e.target.value })} />
          </label>
        ) : null}
        <label className="field inline">
          <span>{t('article.period')}</span>
          <input data-testid="article-period" value={p.period} placeholder={t('article.periodHint')} size={10} onChange={(e) => p.onPeriod(e.target.value.trim())} />
        </label>
        <span className="muted" data-testid="article-summary">
          {t('article.summary', c)}
        </span>
        <button type="button" data-testid="article-accept-confident" onClick={p.onAcceptConfident}>
          {t('article.acceptConfident')}
        </button>
      </div>
      {p.checks.length ? (
        <details className="article-review-checks" data-testid="article-review-checks">
          <summary>{t('article.reviewChecks', { n: p.checks.length })}</summary>
          <ul className="article-checks">
            {p.checks.slice(0, 20).map((w, i) => (
              <li key={i}>{formatCheck(w, locale)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="muted article-keys">{t('article.keys')}</p>
      <div className="article-split">
        <section aria-label={t('article.text')}>
          <ArticleText text={p.text} rows={p.rows} selected={p.selected} onSelect={p.onSelect} />
        </section>
        <section aria-label={t('article.rows')}>
          <FigureTable {...p} rows={p.rows} />
        </section>
      </div>
    </div>
  );
}
