import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { describeChart } from '../../../shared/chart/describe.ts';
import type { TrendData } from '../../../shared/chart/model.ts';
import { chartFaces } from './chart-font.ts';
import { outlineText } from './outline-text.ts';
import { chartPng, PNG_ZOOM } from './png.ts';
import { echarts as modular } from '../../../shared/chart/echarts-setup.ts';
import type { RankData } from '../../../shared/chart/model.ts';
import { chartSvg, stableIds, svgRenderer } from './svg.ts';

const data: TrendData = {
  kind: 'trend',
  park: { id: 'p', name: '楚雄高新区' },
  periods: ['2020', '2021', '2022'].map((key) => ({ id: key, key, label: `${key}年` })),
  rounding: 'half-up',
  series: [
    {
      indicator: { id: 'g', name: '地区生产总值', unit: '亿元', decimals: 2, kind: 'amount' },
      figures: [{ value: '300', unit: '亿元', qualifier: '近', growth: null }, null, { value: '333.52', unit: '亿元', qualifier: null, growth: null }],
      previous: [null, null, null],
      targets: [null, null, null],
    },
  ],
};

/** Dark pixels (any channel below 100) in rows [top, bottom) of an RGBA image. */
function darkPixels(png: Resvg, top: number, bottom: number): number {
  const img = png.render();
  const px = img.pixels;
  let n = 0;
  for (let y = top; y < bottom; y++) for (let x = 0; x < img.width; x++) if (px[(y * img.width + x) * 4]! < 100 && px[(y * img.width + x) * 4 + 3]! > 0) n++;
  return n;
}

describe('chart rendering without a DOM', () => {
  const desc = describeChart(data);
  const svg = chartSvg(desc);

  it('draws the description as SVG with the figures as copy writes them and a gap for the missing year', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>近300</text>');
    expect(svg).toContain('>333.52</text>');
    expect(svg).toContain('>楚雄高新区地区生产总值</text>');
    // Two bars: the year without a figure draws none (a zero would still be a path).
    expect(svg.match(/<path d="M[^"]*" fill="#1f4e79"/g)?.length).toBe(2);
  });

  it('outlines every text with the machine CJK face, so the title shows in the PNG', () => {
    const { regular, bold } = chartFaces();
    expect(regular, 'a Chinese font (fonts-noto-cjk on Linux)').not.toBeNull();
    const outlined = outlineText(svg, regular!, bold!);
    expect(outlined).not.toContain('<text');
    const titleBand = (s: string) => darkPixels(new Resvg(s, { font: { loadSystemFonts: false } }), 8, 26);
    expect(titleBand(outlined)).toBeGreaterThan(300);
    expect(titleBand(svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, ''))).toBe(0);
  });

  it('writes a PNG at the zoom Word prints from', async () => {
    const png = await chartPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(desc.size.width * PNG_ZOOM);
    expect(png.readUInt32BE(20)).toBe(desc.size.height * PNG_ZOOM);
  });

  it('writes the pixels resvg draws, byte for byte, in a PNG that another decoder reads', async () => {
    const { regular, bold } = chartFaces();
    const drawn = new Resvg(outlineText(svg, regular!, bold!), { background: '#ffffff', fitTo: { mode: 'zoom', value: PNG_ZOOM }, font: { loadSystemFonts: false } }).render();
    const png = await chartPng(svg);
    // resvg decodes the file (the png crate), drawn 1:1 onto a canvas of its size.
    const { width, height } = drawn;
    const decoded = new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" style="image-rendering:optimizeSpeed" href="data:image/png;base64,${png.toString('base64')}"/></svg>`,
      { font: { loadSystemFonts: false } },
    ).render();
    expect(decoded.pixels.equals(drawn.pixels)).toBe(true);
  });

  it('draws the same bytes however many charts its instance drew before', () => {
    const r = svgRenderer();
    try {
      const first = r.draw(desc);
      r.draw(describeChart(data, { width: 380 }));
      expect(r.draw(desc)).toBe(first);
      expect(first).toBe(svg);
    } finally {
      r.dispose();
    }
  });

  it('draws with the single-file ECharts the same bytes as the app modular set-up', () => {
    const fig = (value: string, qualifier: string | null = null) => ({ value, unit: '亿元', qualifier, growth: null });
    const s0 = data.series[0]!;
    const withAll: TrendData = { ...data, series: [{ ...s0, previous: [null, fig('280'), fig('310')], targets: [null, null, fig('340')] }] };
    const compare: TrendData = {
      ...data,
      series: [s0, { ...s0, indicator: { ...s0.indicator, id: 'r', name: '园区总收入' }, figures: [fig('610'), fig('655', '近'), fig('700')] }, { ...s0, indicator: { id: 'f', name: '企业数', unit: '户', decimals: 0, kind: 'count' }, figures: [null, { value: '42', unit: '户', qualifier: null, growth: null }, null] }],
    };
    const rank: RankData = { kind: 'rank', period: data.periods[2]!, indicator: s0.indicator, parks: ['甲', '乙', '丙'].map((n) => ({ id: n, name: `${n}高新区` })), figures: [fig('300'), null, fig('333.52', '近')], previous: [null, null, null], rounding: 'half-up' };
    const drawWith = (lib: typeof modular, d: ReturnType<typeof describeChart>) => {
      const i = lib.init(null, null, { renderer: 'svg', ssr: true, width: d.size.width, height: d.size.height });
      try {
        i.setOption(d.option, { notMerge: true });
        return stableIds(i.renderToSVGString());
      } finally {
        i.dispose();
      }
    };
    const compareTargets: TrendData = { ...compare, series: compare.series.map((x, i) => ({ ...x, targets: [null, i ? null : fig('80'), fig('350')] })) };
    const rankTargets: RankData = { ...rank, targets: [fig('350'), fig('200'), fig('100')] };
    for (const d of [withAll, compare, compareTargets, rank, rankTargets].flatMap((x) => [describeChart(x, { width: 380 }), describeChart(x, { lang: 'en', width: 640 })])) {
      expect(chartSvg(d)).toBe(drawWith(modular, d));
    }
    // 目标's legend key is the 3 px line the rule is, across or upright, in the rules' ink: not a box.
    const legendKeys = (x: TrendData | RankData) => [...chartSvg(describeChart(x, { width: 380 })).matchAll(/<path d="([^"]*)"[^>]*fill="#1a1a1a"[^>]*ecmeta_ssr_type="legend"/g)].map((m) => m[1]);
    expect(legendKeys(compareTargets)).toEqual(['M0 5.5L25 5.5L25 8.5L0 8.5Z']);
    expect(legendKeys(rankTargets)).toEqual(['M11 0L14 0L14 14L11 14Z']);
    expect(legendKeys(withAll)).toContain('M0 5.5L25 5.5L25 8.5L0 8.5Z');
  });
});
