// Test support: a three-park yearbook of the seed feature, as the yearbook tests render it.
import { renderDocx } from '../../src-main/core/reports/docx/index.ts';
import { DEFAULT_FONTS } from '../../src-main/shared/settings.ts';
import { PHOTO, seedFeature } from './docx-fixtures.ts';

export const YEARBOOK_PARKS = ['楚雄高新区', '昆明高新区', '玉溪高新区'];
export const yearbookFeatures = () =>
  YEARBOOK_PARKS.map((park, i) => ({
    ...seedFeature({ title: [{ kind: 'text', text: `${park}：聚焦“六大行动”打造增长极` }], magazine: { ...seedFeature().magazine, firstPage: 40 + 2 * i } }),
    parkName: park,
  }));
export const YEARBOOK_FRONT = { title: '2022年园区年鉴', subtitle: '园区风采 · 收录3个园区', leftOut: [{ park: '曲靖经开区', reason: '2022年没有文稿' }] };
export const renderYearbook = () => renderDocx(yearbookFeatures(), { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO, yearbook: YEARBOOK_FRONT });
