// A park-period without a document: start one blank, from the previous period's, from a demo, or from an article.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors.ts';
import { useLocale } from '../../i18n/index.ts';
import type { CopySource } from './useDocument.ts';

const CHOICES: { from: 'blank' | CopySource; key: string; testId: string }[] = [
  { from: 'blank', key: 'blank', testId: 'doc-new-blank' },
  { from: 'previous', key: 'previous', testId: 'doc-copy-previous' },
  { from: 'demo-magazine', key: 'demoMagazine', testId: 'doc-demo-magazine' },
  { from: 'demo-news', key: 'demoNews', testId: 'doc-demo-news' },
];

export function EmptyDocument({ park, period, create, fromArticle }: { park: string; period: string; create(from: 'blank' | CopySource): Promise<void>; fromArticle(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async (from: 'blank' | CopySource) => {
    setBusy(true);
    setError(null);
    try {
      await create(from);
    } catch (e) {
      setError(errorText(e, locale));
      setBusy(false);
    }
  };
  return (
    <div className="empty doc-empty" data-testid="doc-empty">
      <p className="doc-empty-title">{t('doc.empty.title', { park, period })}</p>
      <p>{t('doc.empty.hint')}</p>
      <div className="doc-empty-actions">
        {CHOICES.map((c, i) => (
          <button key={c.from} type="button" className={i === 0 ? 'primary' : undefined} data-testid={c.testId} disabled={busy} onClick={() => void start(c.from)}>
            {t(`doc.empty.${c.key}`)}
          </button>
        ))}
        <button type="button" data-testid="doc-from-article" disabled={busy} onClick={fromArticle}>
          {t('doc.empty.fromArticle')}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert" data-testid="doc-empty-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
