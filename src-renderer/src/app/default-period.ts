// Which period a park opens on, from what it holds in each (periods.list with parkId).
import type { Period, ValueKind } from '../../../src-main/shared/model.ts';

/**
 * A park's default period: the newest it has figures of the kind in view in (实际 or 目标: a year of
 * targets alone would open on an empty 本期), else the newest it has any figures in, else a
 * document in, else the newest.
 */
export function defaultPeriod(periods: readonly Period[], kind: ValueKind): Period | undefined {
  return (
    periods.find((p) => (p.use?.[kind] ?? 0) > 0) ??
    periods.find((p) => (p.use?.figures ?? 0) > 0) ??
    periods.find((p) => (p.use?.documents ?? 0) > 0) ??
    periods[0]
  );
}

/**
 * Whether another park, once chosen, stays on the period in view: when it has figures of the kind in
 * view there, or — having no figures there at all — a document. A year of targets alone under 实际
 * moves on, as defaultPeriod does.
 */
export function keepsPeriod(p: Period, kind: ValueKind): boolean {
  if (!p.use) return true;
  return p.use[kind] > 0 || (p.use.figures === 0 && p.use.documents > 0);
}

/** Whether the park has anything in the period (a period listed without a park counts as used). */
export const usedByPark = (p: Period) => !p.use || p.use.figures > 0 || p.use.documents > 0;
