// Removing a paragraph, a section or a photo leaves a notice that takes it back, until the next edit.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentBody } from '../../../../src-main/shared/document.ts';

interface Removal {
  what: string;
  before: DocumentBody;
  after: DocumentBody | null;
}

export function useRemoval(body: DocumentBody, update: (f: (b: DocumentBody) => DocumentBody) => void) {
  const [last, setLast] = useState<Removal | null>(null);
  const remove = useCallback(
    (what: string, f: (b: DocumentBody) => DocumentBody) => {
      let before: DocumentBody | null = null;
      let after: DocumentBody | null = null;
      update((b) => {
        before = b;
        after = f(b);
        return after;
      });
      if (before) setLast({ what, before, after });
    },
    [update],
  );
  // Only while nothing else has changed: a later edit would otherwise be undone with it.
  const current = last && last.after === body ? last : null;
  return {
    current,
    remove,
    undo: () => {
      if (current) update(() => current.before);
      setLast(null);
    },
    dismiss: () => setLast(null),
  };
}

export function RemovalNotice({ removal }: { removal: ReturnType<typeof useRemoval> }) {
  const { t } = useTranslation();
  if (!removal.current) return null;
  return (
    <div className="banner" role="status" data-testid="removal-notice">
      <div className="banner-body">{t('doc.removed', { what: removal.current.what })}</div>
      <button type="button" className="link" data-testid="undo-removal" onClick={removal.undo}>
        {t('top.undo')}
      </button>
      <button type="button" className="link" onClick={removal.dismiss}>
        {t('grid.dismiss')}
      </button>
    </div>
  );
}
