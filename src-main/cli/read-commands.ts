// `parkbrief parks` and `parkbrief show`: what the app's pickers and grid show, printed.

import { figureText } from '../shared/figure/qualifiers.ts';
import { kindOf, parse, required } from './args.ts';
import { EXIT, type CliIo } from './io.ts';
import { withStore } from './store.ts';

export function cmdParks(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, { json: { type: 'boolean' } });
  return withStore(args, io, async (store) => {
    const parks = await store.call('parks.list', {});
    if (args.json) io.out(JSON.stringify(parks, null, 2));
    else for (const p of parks) io.out([p.name, p.region ?? '', p.level ?? ''].filter(Boolean).join('\t'));
    return EXIT.ok;
  });
}

export function cmdShow(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, { park: { type: 'string' }, period: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } });
  const parkName = required(args, 'park');
  const periodKey = required(args, 'period');
  const kind = kindOf(args);
  return withStore(args, io, async (store) => {
    const { park, period } = await store.call('names.resolve', { park: parkName, period: periodKey });
    const grid = await store.call('grid.get', { parkId: park!.id, periodId: period!.id, kind });
    const cats = new Map(grid.categories.map((c) => [c.code, c.name]));
    const rows = grid.rows
      .filter((r) => r.current)
      .map((r) => ({
        indicator: r.indicator.name,
        code: r.indicator.code,
        category: cats.get(r.indicator.categoryCode) ?? r.indicator.categoryCode,
        value: r.current!.value,
        unit: r.current!.unit,
        qualifier: r.current!.qualifier,
        kind,
        growth: r.current!.growth ?? r.computedGrowth,
        growthSource: r.current!.growth !== null ? 'reported' : r.computedGrowth !== null ? 'computed' : null,
        baseline: r.current!.baseline,
        previous: r.previous?.value ?? null,
        source: r.current!.source,
        status: r.current!.status,
      }));
    if (args.json) {
      io.out(JSON.stringify(rows, null, 2));
      return EXIT.ok;
    }
    io.out(`${park!.name} · ${period!.label} · ${kind === 'actual' ? '实际' : '目标'}（${rows.length} 项）`);
    let lastCat = '';
    for (const r of rows) {
      if (r.category !== lastCat) io.out(`【${(lastCat = r.category)}】`);
      const fig = r.value === null ? '—' : (r.baseline ? `${r.baseline}→` : '') + figureText(r.value, r.unit, r.qualifier);
      const growth = r.growth === null ? '' : `  同比 ${r.value === null ? figureText(r.growth, '%', r.qualifier) : r.growth + '%'}${r.growthSource === 'computed' ? '（计算）' : ''}`;
      io.out(`  ${r.indicator}\t${fig}${growth}`);
    }
    return EXIT.ok;
  });
}
