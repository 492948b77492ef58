import demo from '../../../resources/demo/demo-store.json' with { type: 'json' };
import type { CellEdit } from '../../shared/contract.ts';
import { findIndicator, insertIndicator } from '../catalog/catalog.ts';
import type { CoreContext } from '../context.ts';
import { writeBatch } from '../history/change-log.ts';
import { loadDemoDocuments } from '../documents/demo-documents.ts';
import { editValues } from '../values/edit-values.ts';
import { insertPark } from '../repos/parks.ts';
import { ensurePeriod } from '../repos/periods.ts';

/** One figure of resources/demo/demo-store.json, as the article gives it. */
export interface DemoValue {
  park: string;
  period: string;
  indicator: string;
  kind: 'actual' | 'target';
  value?: string;
  unit?: string;
  qualifier?: string;
  growth?: string;
  baseline?: string;
  source?: string;
}

interface DemoFile {
  parks: { name: string; shortName: string; region: string; level: string }[];
  periods: string[];
  indicators: { categoryCode: string; name: string; nameEn: string; unit: string; decimals: number; definition?: string; integerOnly?: boolean }[];
  values: DemoValue[];
}

/**
 * Fills a new store with the parks, figures and texts of the two seed articles. Values go through the same validation
 * as a user's edit, so the demo cannot hold a figure the app would refuse.
 */
export function loadDemo(ctx: CoreContext, file: DemoFile = demo as DemoFile): void {
  const parks = new Map<string, string>();
  const periods = new Map<string, string>();
  writeBatch(
    ctx,
    '演示数据',
    (log) => {
      for (const p of file.parks) parks.set(p.name, insertPark(ctx, log, p).id);
      for (const k of file.periods) periods.set(k, ensurePeriod(ctx, log, k).id);
      for (const i of file.indicators) insertIndicator(ctx, log, i);
    },
    { undoState: 'none' },
  );
  // Group by (park, period, kind) so each group is one edit request, as a paste would be.
  const groups = new Map<string, { parkId: string; periodId: string; kind: 'actual' | 'target'; edits: CellEdit[] }>();
  for (const v of file.values) {
    const key = `${v.park}|${v.period}|${v.kind}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { parkId: parks.get(v.park)!, periodId: periods.get(v.period)!, kind: v.kind, edits: [] }));
    const indicatorId = findIndicator(ctx.db, v.indicator).id;
    for (const field of ['unit', 'value', 'qualifier', 'growth', 'baseline', 'source'] as const) {
      const text = v[field];
      if (text !== undefined) g.edits.push({ indicatorId, field, text });
    }
  }
  ctx.db.transaction(() => {
    // The demo is where a user starts, not something they did: it is not on the undo stack.
    for (const g of groups.values()) editValues(ctx, g, { undoState: 'none' });
  })();
  // Both seed articles as documents, their figures as placeholders over the values above.
  writeBatch(ctx, '演示文稿', (log) => loadDemoDocuments(ctx, log), { undoState: 'none' });
}
