// `parkbrief set`: one figure, validated and saved exactly as a cell typed in the grid (values.edit),
// check-rule warnings printed after the save.

import type { CellEdit } from '../shared/contract.ts';
import { formatCheck } from '../shared/checks.ts';
import type { EditableField } from '../shared/model.ts';
import { kindOf, parse, required } from './args.ts';
import { cliLocale, EXIT, type CliIo } from './io.ts';
import { withStore } from './store.ts';

export function cmdSet(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, {
    park: { type: 'string' },
    period: { type: 'string' },
    indicator: { type: 'string' },
    value: { type: 'string' },
    unit: { type: 'string' },
    qualifier: { type: 'string' },
    growth: { type: 'string' },
    baseline: { type: 'string' },
    source: { type: 'string' },
    kind: { type: 'string' },
  });
  const parkName = required(args, 'park');
  const periodKey = required(args, 'period');
  const indicatorName = required(args, 'indicator');
  if (args.value === undefined && args.growth === undefined) required(args, 'value');
  const kind = kindOf(args);
  return withStore(args, io, async (store) => {
    const { park, indicator } = await store.call('names.resolve', { park: parkName, indicator: indicatorName });
    const edits: CellEdit[] = [];
    // Unit first: the value is validated in the unit it is given in.
    for (const field of ['unit', 'value', 'qualifier', 'growth', 'baseline', 'source'] as EditableField[]) {
      const v = args[field];
      if (typeof v === 'string') edits.push({ indicatorId: indicator!.id, field, text: v });
    }
    // By key: a period the store lacks is created with the value (values.edit does both in one transaction).
    const result = await store.call('values.edit', { parkId: park!.id, periodKey, kind, edits });
    io.out(
      result.changed
        ? `已保存：${park!.name} · ${result.period.label} · ${indicator!.name}`
        : `未改变：${park!.name} · ${result.period.label} · ${indicator!.name}（与库中相同）`,
    );
    // Saved all the same: a check rule asks for a second look, it never refuses a figure.
    const locale = cliLocale(io.env);
    for (const w of result.warnings) {
      io.err(`${locale === 'en' ? `Check ${w.rule}: ` : `审核提示 ${w.rule}：`}${formatCheck(w, locale)}`);
    }
    return EXIT.ok;
  });
}
