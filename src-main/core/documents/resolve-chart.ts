// A chart block of a document ({图表：…}, shared/chart/block.ts) to its data from the store, or the
// reason it cannot be drawn — named like a placeholder's problem, listed by place, refused at export.

import type { ChartBlock } from '../../shared/chart/block.ts';
import { MAX_CHART_INDICATORS } from '../../shared/chart/block.ts';
import type { ChartData } from '../../shared/chart/model.ts';
import type { ProblemCode, ResolvedChart } from '../../shared/document.ts';
import { periodFromWriting } from '../../shared/placeholder.ts';
import type { Settings } from '../../shared/settings.ts';
import type { StoredIndicator } from '../catalog/catalog.ts';
import { rankData, trendData } from '../tables/chart-data.ts';
import type { ParkRow, PeriodRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';
import { allParks } from '../repos/parks.ts';
import { tableColumns } from '../tables/period-columns.ts';
import type { DocumentFigures } from './resolve.ts';

export type ChartOutcome = { chart: ResolvedChart } | { code: ProblemCode; params: Record<string, string> };

const periodByKey = (db: Db, key: string) => db.prepare('SELECT * FROM periods WHERE key = ?').get(key) as PeriodRow | undefined;
const parkByName = (db: Db, name: string) => db.prepare('SELECT * FROM parks WHERE name = ?').get(name) as ParkRow | undefined;

export function resolveChart(db: Db, block: ChartBlock, reader: DocumentFigures, park: ParkRow, own: PeriodRow, settings: Settings): ChartOutcome {
  if (block.unknown.length) return { code: 'UNKNOWN_OPTION', params: { option: block.unknown[0]! } };
  if (!block.indicators.length) return { code: 'SYNTAX', params: {} };
  // No name has more than a few 、-parts: a longer list is refused before the matching below.
  if (block.indicators.length > MAX_CHART_INDICATORS * 4) {
    return { code: 'TOO_MANY_INDICATORS', params: { max: String(MAX_CHART_INDICATORS), count: String(block.indicators.length), source: block.source } };
  }
  const indicators: StoredIndicator[] = [];
  const names = block.indicators;
  for (let i = 0; i < names.length; ) {
    // 、 separates indicators but also stands in names (院士、专家、博士后工作站数): the longest
    // run of parts that names an indicator is taken.
    let j = names.length;
    while (j > i && !reader.indicator(names.slice(i, j).join('、'))) j--;
    if (j === i) return { code: 'UNKNOWN_INDICATOR', params: { indicator: names[i]! } };
    indicators.push(reader.indicator(names.slice(i, j).join('、'))!);
    i = j;
  }
  if (indicators.length > MAX_CHART_INDICATORS) {
    return { code: 'TOO_MANY_INDICATORS', params: { max: String(MAX_CHART_INDICATORS), count: String(indicators.length), source: block.source } };
  }
  const periods: PeriodRow[] = [];
  for (const written of block.periods ?? []) {
    const key = periodFromWriting(written, own.key);
    const row = key === null ? undefined : periodByKey(db, key);
    if (!row) return { code: 'UNKNOWN_PERIOD', params: { period: written } };
    periods.push(row);
  }
  const rounding = settings.rounding;
  const credit = block.credit ?? `资料来源：${park.name}填报数据。`;
  const ranked = block.parks !== null;
  if (ranked) {
    if (indicators.length > 1) return { code: 'TOO_MANY_INDICATORS', params: { max: '1', count: String(indicators.length), source: block.source } };
    if (periods.length > 1) return { code: 'UNKNOWN_PERIOD', params: { period: (block.periods ?? []).join('、') } };
    const parks: ParkRow[] = [];
    for (const name of block.parks === 'all' ? [] : block.parks!) {
      const p = parkByName(db, name);
      if (!p) return { code: 'UNKNOWN_PARK', params: { park: name } };
      parks.push(p);
    }
    const period = periods[0] ?? own;
    const data = rankData(reader.figures, { period, parks: block.parks === 'all' ? allParks(db) : parks, indicator: indicators[0]!, kind: 'actual', rounding });
    return anyFigure(data) ? { chart: { data, title: block.title, credit } } : noFigure(indicators[0]!, period);
  }
  const columns = periods.length ? periods : tableColumns(db, park, own, 'actual');
  const data = trendData(reader.figures, { park, periods: columns, indicators, kind: 'actual', rounding });
  return anyFigure(data) ? { chart: { data, title: block.title, credit } } : noFigure(indicators[0]!, columns[columns.length - 1]!);
}

/** A chart with no figure at all would print empty axes: refused like a placeholder without a value. */
function anyFigure(d: ChartData): boolean {
  const figs = d.kind === 'rank' ? d.figures : d.series.flatMap((s) => s.figures);
  return figs.some((f) => f?.value != null);
}

function noFigure(ind: StoredIndicator, period: PeriodRow): ChartOutcome {
  return { code: 'NO_VALUE', params: { indicator: ind.name, period: period.key, kind: 'actual' } };
}
