// A bulletin issue's further articles as the preview lays them: the other parks' saved documents
// ticked in the export dialog, resolved by the core as the export resolves them
// (documents.resolveArticles). An older answer never replaces a newer one. The articles are other
// parks' documents, edited in another window or the CLI: asked again whenever this window comes
// back into focus, so the preview never keeps an article as it stood before.
import { useEffect, useRef, useState } from 'react';
import type { ResolvedDocument, Template } from '../../../../src-main/shared/document.ts';
import { call } from '../../bridge/index.ts';

const NONE: ResolvedDocument[] = [];
const EMPTY = { docs: NONE, error: null as unknown };

/** `nonce` asks again for the same articles (the rounding setting changed). */
export function useIssueArticles(parkId: string, periodId: string, template: Template, articles: readonly string[], nonce = 0) {
  const ids = template === 'bulletin' ? articles.join(',') : '';
  const wanted = ids ? `${parkId}/${periodId}/${ids}` : '';
  // The answer for the articles asked last; none while another set is asked for (or none at all).
  const [answer, setAnswer] = useState<{ wanted: string; docs: ResolvedDocument[]; error: unknown }>({ wanted: '', docs: NONE, error: null });
  const request = useRef(0);
  const [focused, setFocused] = useState(0);

  useEffect(() => {
    if (!wanted) return;
    const again = () => setFocused((n) => n + 1);
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, [wanted]);

  useEffect(() => {
    const n = ++request.current;
    if (!wanted) return;
    call('documents.resolveArticles', { parkId, periodId, template: 'bulletin', articles: ids.split(',') }).then(
      (docs) => n === request.current && setAnswer({ wanted, docs, error: null }),
      (error: unknown) => n === request.current && setAnswer({ wanted, docs: NONE, error }),
    );
  }, [parkId, periodId, ids, wanted, nonce, focused]);

  return answer.wanted === wanted && wanted !== '' ? answer : EMPTY;
}
