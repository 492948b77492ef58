// The live rendering: the current (possibly unsaved) body resolved by the core a moment after the
// last keystroke. An older answer never replaces a newer one.
import { useEffect, useRef, useState } from 'react';
import type { DocumentBody, ResolvedDocument } from '../../../../src-main/shared/document.ts';
import { call } from '../../bridge/index.ts';

export const RESOLVE_DELAY_MS = 150;

/** `nonce` asks again for the same body (the rounding setting changed). */
export function useResolved(parkId: string, periodId: string, body: DocumentBody | null, nonce = 0, delay = RESOLVE_DELAY_MS) {
  const [resolved, setResolved] = useState<ResolvedDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const request = useRef(0);

  useEffect(() => {
    if (!body) return;
    const n = ++request.current;
    const timer = setTimeout(() => {
      call('documents.resolve', { parkId, periodId, body }).then(
        (r) => {
          if (n !== request.current) return;
          setResolved(r);
          setError(null);
        },
        (e: unknown) => {
          if (n === request.current) setError(e);
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [parkId, periodId, body, nonce, delay]);

  return { resolved, error };
}
