// Gathers a park's statistical `form`: every catalogue indicator (a form keeps its rows from one
// period to the next, blank or not), 本期 and 上年同期 in the row's unit, 同比, and the frame.

import type { ValueKind } from '../../shared/model.ts';
import type { FormFrame } from '../../shared/tables.ts';
import type { CategoryLine, FormFrameText, FormLine, FormSheet } from '../reports/xlsx/model.ts';
import type { ParkRow, PeriodRow } from '../repos/rows.ts';
import { groupLines } from './catalog-lines.ts';
import { parkRef, periodColumn, previousYearLabel, type TablesContext } from './context.ts';
import { shownGrowth, shownValue } from './shown.ts';

/** A blank date line to write in by hand, as printed forms have it. */
const DATE_BLANK = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

export function formFrameText(frame: FormFrame, park: ParkRow, kind: ValueKind): FormFrameText {
  const t = (s: string | undefined) => s?.trim() ?? '';
  return {
    title: t(frame.title) || `${park.name}主要指标${kind === 'target' ? '目标' : ''}统计表`,
    tableNo: t(frame.tableNo),
    authority: t(frame.authority),
    approvedBy: t(frame.approvedBy),
    docNo: t(frame.docNo),
    validUntil: t(frame.validUntil),
    unitHead: t(frame.unitHead),
    statHead: t(frame.statHead),
    preparer: t(frame.preparer),
    phone: t(frame.phone),
    reportDate: t(frame.reportDate) || DATE_BLANK,
  };
}

export function buildFormSheet(g: TablesContext, name: string, park: ParkRow, period: PeriodRow, kind: ValueKind, frame: FormFrame): FormSheet {
  const cur = g.reader.read(park.pk, period.pk, kind);
  const before = g.reader.read(park.pk, g.reader.previousYearPk(period), 'actual');
  const lines: (CategoryLine | FormLine)[] = [];
  for (const group of groupLines(g.view)) {
    lines.push({ type: 'category', name: group.category.name });
    for (const { ind, row } of group.slots) {
      const c = cur.get(ind.pk);
      const p = before.get(ind.pk);
      lines.push({ type: 'indicator', ind: row, current: shownValue(c, ind.unit), previous: shownValue(p, ind.unit), growth: shownGrowth(ind, c, p, g.rounding) });
    }
  }
  return {
    name,
    park: parkRef(park),
    period: periodColumn(period),
    previousLabel: previousYearLabel(period),
    kind,
    frame: formFrameText(frame, park, kind),
    lines,
  };
}
