import type { CheckWarning } from '../../shared/checks.ts';
import type { Db } from '../store/open.ts';
import { checkFigures, type CheckScope } from './run-checks.ts';

/**
 * The warnings an edit is answerable for: breaches, after the edit, of rules that involve one of the
 * edited indicators. What was already wrong elsewhere in the period is the grid's to show, not the edit's.
 */
export function warningsFor(db: Db, scope: CheckScope, indicatorIds: readonly string[]): CheckWarning[] {
  const edited = new Set(indicatorIds);
  return checkFigures(db, scope).filter((w) => w.indicatorIds.some((id) => edited.has(id)));
}
