import type { CheckWarning } from '../../shared/checks.ts';
import type { ValueKind } from '../../shared/model.ts';
import type { Db } from '../store/open.ts';

/** A figure about to be written (an import preview, a pending cell edit), in place of the stored one. */
export interface PendingFigure {
  value: string | null;
  unit: string;
  qualifier: string | null;
  growth: string | null;
}

export interface CheckScope {
  parkId: string;
  periodId: string;
  kind: ValueKind;
}

/**
 * The catalogue's check rules (审核关系) over one park, period and kind: the stored figures, with
 * `pending` (keyed by indicator id) in place of stored ones. Never throws for a breach; returns the
 * warnings. Placeholder until the rules land (issue 4); the signature is the contract for callers.
 */
export function checkFigures(_db: Db, _scope: CheckScope, _pending?: ReadonlyMap<string, PendingFigure>): CheckWarning[] {
  return [];
}
