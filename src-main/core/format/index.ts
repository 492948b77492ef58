// Chinese number phrasing for copy (DOMAIN.md "Writing figures", GB/T 15835-2011). Values are
// canonical decimal strings in the unit they were reported in; all arithmetic here is exact.

export { formatFigure, formatNumber, type FormatOptions } from './number.ts';
export { unitText } from '../../shared/figure/units.ts';
export { formatGrowth, formatRate } from './growth.ts';
export { formatRange, RANGE_DASH } from './range.ts';
