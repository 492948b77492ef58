// A bulletin issue's further articles as the preview lays them: the other parks' saved documents
// ticked in the export dialog, resolved by the core as the export resolves them
// (documents.resolveArticles). An older answer never replaces a newer one.
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

  useEffect(() => {
    const n = ++request.current;
    if (!wanted) return;
    call('documents.resolveArticles', { parkId, periodId, template: 'bulletin', articles: ids.split(',') }).then(
      (docs) => n === request.current && setAnswer({ wanted, docs, error: null }),
      (error: unknown) => n === request.current && setAnswer({ wanted, docs: NONE, error }),
    );
  }, [parkId, periodId, ids, wanted, nonce]);

  return answer.wanted === wanted && wanted !== '' ? answer : EMPTY;
}
