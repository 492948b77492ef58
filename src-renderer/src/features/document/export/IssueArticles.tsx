// 本期还收录: a bulletin issue of several articles — the other parks' documents of this period,
// ticked in the order wanted, follow this document under its masthead (documents.export articles).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/errors.ts';
import { call } from '../../../bridge/index.ts';

type Other = { parkId: string; parkName: string; title: string };

export function IssueArticles({ parkId, periodId, chosen, onChange, disabled }: { parkId: string; periodId: string; chosen: readonly string[]; onChange(ids: string[]): void; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const [others, setOthers] = useState<Other[] | null>(null);
  // A list that could not be read is said, not left out: the user would take it for no other articles.
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    call('documents.ofPeriod', { periodId }).then(
      (list) => {
        if (!live) return;
        setOthers(list.filter((d) => d.parkId !== parkId));
        setFailure(null);
      },
      (e: unknown) => {
        if (!live) return;
        setOthers([]);
        setFailure(e);
      },
    );
    return () => {
      live = false;
    };
  }, [parkId, periodId]);
  if (failure)
    return (
      <p className="error" role="alert" data-testid="issue-articles-failed">
        {t('doc.export.articlesFailed', { reason: errorText(failure, i18n.language === 'en' ? 'en' : 'zh-CN') })}
      </p>
    );
  if (!others?.length) return null;
  // Ticked ones keep the order they were ticked in: the articles print in that order.
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset className="issue-articles" data-testid="issue-articles" disabled={disabled}>
      <legend>{t('doc.export.articles')}</legend>
      {others.map((d) => {
        const at = chosen.indexOf(d.parkId);
        return (
          <label key={d.parkId} className="check">
            <input type="checkbox" data-testid={`issue-article-${d.parkName}`} checked={at >= 0} onChange={(e) => toggle(d.parkId, e.target.checked)} />
            <span>
              {at >= 0 ? <span className="issue-order">{at + 2}. </span> : null}
              {d.parkName}
              {d.title ? <span className="muted issue-title">{d.title}</span> : null}
            </span>
          </label>
        );
      })}
      <p className="muted">{t('doc.export.articlesHint')}</p>
    </fieldset>
  );
}
