// Test support: the demo store plus figures that exercise every rule of the Excel exports — a
// period column more (2020, 2021), a growth to compute and one reported, a figure in 万元 on an
// 亿元 row, one in 亿美元 that cannot be shown in 亿元, qualifiers, a "其中：" child, a rate in
// percentage points, and a second park for 2022 so that totals and ranks have something to do.

import { writeBatch } from '../../src-main/core/history/change-log.ts';
import { ensurePeriod } from '../../src-main/core/repos/periods.ts';
import { tempStore, type TempStore } from './temp-store.ts';
import { writeValuesBulk, type BulkValue } from '../../src-main/core/values/bulk-write.ts';

export const CX = '楚雄高新区';
export const KM = '昆明高新区';

type Fig = [park: string, period: string, indicator: string, fields: Partial<BulkValue>];

export const EXTRA: readonly Fig[] = [
  [CX, '2020', '地区生产总值', { value: '280' }],
  [CX, '2021', '地区生产总值', { value: '300' }], // 2022: 333.52 → 同比 11.2 (computed)
  [CX, '2021', '新材料产业产值', { value: '174.1' }], // 2022 reports 42.5
  [CX, '2021', '技术合同成交额', { value: '18000', unit: '万元' }], // 1.8 亿元
  [CX, '2021', '进出口总额', { value: '2.5', unit: '亿美元' }], // not in 亿元
  [CX, '2021', '出口总额', { value: '1.2' }], // 其中：under 进出口总额
  [CX, '2021', '高新技术企业营业收入占园区总收入比重', { value: '45' }],
  [CX, '2022', '高新技术企业营业收入占园区总收入比重', { value: '48.5' }], // +3.5 个百分点
  [CX, '2022', '特色产业收入占园区总收入比重', { value: '60', qualifier: '近' }],
  [CX, '2022', '进出口总额', { value: '10' }],
  [CX, '2022', '规上企业数', { value: '35' }],
  [KM, '2022', '地区生产总值', { value: '500' }],
  [KM, '2022', '新材料产业产值', { value: '250' }],
  [KM, '2022', '规划面积', { value: '5000', unit: '公顷' }], // 50 平方公里
  [KM, '2022', '接待客商人数', { value: '300' }],
  [KM, '2022', '一般社会投资项目审批时限', { value: '3' }], // fewer days rank first
  [KM, '2022', '进出口总额', { value: '3', unit: '亿美元' }],
  [KM, '2022', '高新技术企业营业收入占园区总收入比重', { value: '40' }],
  [KM, '2022', '规上企业数', { value: '35' }], // ties 楚雄's 35
];

export function xlsxStore(): TempStore {
  const s = tempStore();
  writeBatch(s.ctx, '期别', (log) => ['2020', '2021'].forEach((k) => ensurePeriod(s.ctx, log, k)));
  writeValuesBulk(
    s.ctx,
    '测试数据',
    EXTRA.map(([park, period, name, fields]) => ({ ...s.ids(park, period), kind: 'actual', indicatorId: s.indicatorId(name), value: '', ...fields })),
  );
  return s;
}
