// Test fixtures: resolved documents built by hand from the seed feature (楚雄高新区, 园区风采,
// 2023.08, pp. 40–41), and a PNG drawn in code so no binary file is checked in.
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { ProblemCode, ResolvedDocument, ResolvedSection, Run } from '../../src-main/shared/document.ts';

/** A w × h RGB PNG: a sky-to-ground gradient with a darker band, enough to see it is a picture. */
export function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const ground = y > height * 0.6;
      const band = Math.abs(y - height * 0.6) < height * 0.04;
      const px = row + 1 + x * 3;
      raw[px] = band ? 40 : ground ? 60 + ((x * 80) / width) : 110 + ((y * 100) / height);
      raw[px + 1] = band ? 70 : ground ? 130 : 160 + ((y * 60) / height);
      raw[px + 2] = band ? 60 : ground ? 70 : 230;
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const fig = (text: string): Run => ({ kind: 'figure', text, source: `{${text}}` });
const marker = (source: string, problem: ProblemCode = 'NO_VALUE'): Run => ({ kind: 'marker', text: source, source, problem });
/** Prose with figures: strings are text runs, Run objects are kept. */
const p = (...parts: (string | Run)[]): Run[] => parts.map((x) => (typeof x === 'string' ? { kind: 'text', text: x } : x));
const section = (heading: string, level: number, ...paragraphs: Run[][]): ResolvedSection => ({ heading: p(heading), level, paragraphs });

/** Every figure in the fixture, as it must appear in the rendered text. */
export const FIGURES = ['84.22平方公里', '333.52亿元', '199次', '569余人', '11个', '192.5亿元', '78.13亿元', '248.11亿元', '增长42.5%', '6950万元', '240个', '2.24亿元'];
export const TITLE = '楚雄高新区：聚焦“六大行动”打造滇中崛起增长极核心引擎';
export const MARKER = '{高新技术企业数|新增}';
export const PHOTO = makePng(480, 300);

export function seedFeature(overrides: Partial<ResolvedDocument> = {}): ResolvedDocument {
  return {
    parkName: '楚雄高新区',
    periodLabel: '2022年',
    title: p(TITLE),
    subtitle: [],
    byline: '楚雄高新区管委会',
    lead: [
      p(
        '楚雄国家高新技术产业开发区（以下简称园区）是1992年省人民政府批准的云南省首批经济技术开发区，2014年被省人民政府认定为省级高新区，2018年2月经国务院批复同意升级为国家高新技术产业开发区，肩负打造具有全国示范意义的民族特色创新创业高地的历史使命和责任。园区地处滇中城市经济圈重要成员的楚雄彝族自治州楚雄市，规划控制区面积',
        fig('84.22平方公里'),
        '，已形成生物医药、新材料产业为主导，绿色食品、绿色化工、先进制造为辅助的五大重点产业，是云南省建设我国面向南亚东南亚辐射中心的重要交通枢纽和产业发展支撑点。',
      ),
      p(
        '近年来，园区立足自身优势，聚焦效能革命、主责主业、招商引资、创新创业、知识产权、园区建设“六大行动”，成功获批国家级知识产权强国建设试点园区、国家级绿色工业园区、国家农村创新创业示范园区，已成为楚雄州工业经济发展的主阵地、科技创新孵化的排头兵、推动高质量发展的先行区。2022年全区实现地区生产总值',
        fig('333.52亿元'),
        '。',
      ),
    ],
    sections: [
      section(
        '聚焦招商引资，项目支撑形成新优势',
        1,
        p(
          '2022年以来，园区积极开展“请进来、走出去”招商活动',
          fig('199次'),
          '，接待来访客商',
          fig('569余人'),
          '，先后赴上海、南京、成都等地开展招商对接，与远景科技、国药集团等行业龙头企业进行洽谈合作，新签约项目',
          fig('11个'),
          '，协议投资额',
          fig('192.5亿元'),
          '。',
        ),
        p('将中长期重大项目纳入高新区项目库分类管理，坚决落实领导班子包保重点项目负责制，制定项目推进计划和重点项目责任表，实现项目工程量、实物量、投资量“三量齐升”。'),
      ),
      section(
        '聚焦主责主业，经济发展取得新成绩',
        1,
        p(
          '围绕“2主3辅”产业体系定位，园区成立了植物蛋白产业、生物医药产业、绿色铜产业等工作专班，2022年全区生物医药产业实现产值',
          fig('78.13亿元'),
          '；楚雄绿色铜产业聚集基地“绿色化、差异化、规模化”建设成效日趋明显，2022年新材料产业实现产值',
          fig('248.11亿元'),
          '，',
          fig('增长42.5%'),
          '。',
        ),
        p('认真贯彻落实国家和省稳住经济一揽子政策措施，持续修订完善高新区“提质增效十二条”“科技创新十一条”等政策，坚决扛牢稳增长责任，全区主要经济指标保持稳定增长。'),
      ),
      section(
        '聚焦创新创业，提质增效注入新动力',
        1,
        p(
          '持续开展以企业创新能力为核心指标的科技型中小企业融资评价体系试点工作，2022年共计向区内科技型企业发放“创指贷”贷款',
          fig('6950万元'),
          '，新增高新技术企业',
          marker(MARKER),
          '户，完成',
          fig('240个'),
          '科研助理岗的任务指标，获得科技部火炬中心的充分肯定。',
        ),
      ),
      section(
        '聚焦知识产权，提升园区核心竞争力',
        1,
        p(
          '园区以知识产权运营服务平台建设为抓手，开展知识产权基础实务、专利信息分析利用、专利导航等服务。2022年以来，技术合同成交额',
          fig('2.24亿元'),
          '，PCT国际专利实现零突破，成功获批国家级知识产权强国建设试点园区。',
        ),
        p('未来，楚雄高新区将深入学习贯彻落实党的二十大精神，推动高质量发展，努力建设创新驱动发展示范区和高质量发展先行区，打造滇中崛起增长极的核心引擎。'),
      ),
    ],
    photos: [
      {
        sha256: sha256(PHOTO),
        mime: 'image/png',
        width: 480,
        height: 300,
        caption: p('楚雄高新区苍岭工业园区一角。'),
        credit: '高新区管委会供图',
        afterSection: 0,
        span: 'column',
        place: 'flow',
      },
    ],
    magazine: { columnZh: '园区风采', columnEn: 'Charm of Industrial Park', firstPage: 40, issue: '2023.08' },
    bulletin: {
      name: '楚雄高新区工作简报',
      number: '8',
      issuer: '楚雄高新区管委会办公室',
      date: '2023年8月15日',
      reportTo: '州委办公室，州政府办公室',
      copyTo: '',
      sendTo: '园区各部门，各园区企业',
      copies: 60,
    },
    problems: [{ place: { field: 'paragraph', section: 2, paragraph: 0 }, source: MARKER, code: 'NO_VALUE', params: {} }],
    ...overrides,
  };
}

/** The same content as a bulletin with every heading level: 一、 （一） 1. （1）. */
export function seedBulletin(): ResolvedDocument {
  const doc = seedFeature();
  const [s0, s1, s2, s3] = doc.sections as [ResolvedSection, ResolvedSection, ResolvedSection, ResolvedSection];
  const sections: ResolvedSection[] = [
    { heading: p('招商引资'), level: 1, paragraphs: [] },
    { ...s0, level: 2 },
    { heading: p('项目谋划'), level: 3, paragraphs: [p('2022年以来共谋划重点支撑项目170个，18个项目新开工建设。')] },
    { heading: p('专项债项目'), level: 4, paragraphs: [p('储备专项债项目29个。')] },
    { heading: p('中长期贷款项目'), level: 4, paragraphs: [p('被国家发改委锁定项目19个。')] },
    { heading: p('项目竣工'), level: 3, paragraphs: [p('6个项目竣工。')] },
    { ...s1, level: 2 },
    { heading: p('创新发展'), level: 1, paragraphs: [] },
    { ...s2, level: 2 },
    { ...s3, level: 2 },
  ];
  return { ...doc, sections, photos: doc.photos.map((ph) => ({ ...ph, afterSection: 1 })) };
}
