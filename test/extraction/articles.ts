// The articles extraction is measured on: the two seeds (gold derived from the demo documents, see
// derive-seed-gold.ts) and the four development articles of ../shared/corpus (gold annotated by
// hand in gold/*.json). Found from the repository root as ../shared, wherever the checkout is.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleFigure } from '../../src-main/shared/extraction.ts';

export type GoldFigure = ArticleFigure;

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = join(REPO, '..', 'shared');
export const GOLD_DIR = join(dirname(fileURLToPath(import.meta.url)), 'gold');

export interface ArticleInfo {
  /** Path under ../shared. */
  file: string;
  park: string;
  /** The period the article reports (the park-period its document belongs to). */
  period: string;
}

/** Seeds by the name of their demo document (resources/demo/documents). */
export const SEED_ARTICLES: Record<string, ArticleInfo> = {
  'chuxiong-2022': { file: 'seeds/chuxiong-hitech-zone-magazine-2023-08.txt', park: '楚雄高新区', period: '2022' },
  'kunming-2017': { file: 'seeds/kunming-hitech-zone-news-2018-06.txt', park: '昆明高新区', period: '2017' },
};

export const DEV_ARTICLES: Record<string, ArticleInfo> = {
  '01_yuxi_gaoxinqu': { file: 'corpus/articles/01_yuxi_gaoxinqu.txt', park: '玉溪高新区', period: '2023' },
  '02_nanning_gaoxinqu': { file: 'corpus/articles/02_nanning_gaoxinqu.txt', park: '南宁高新区', period: '2020M1-9' },
  '04_anning_gongyeyuanqu': { file: 'corpus/articles/04_anning_gongyeyuanqu.txt', park: '安宁工业园区', period: '2022' },
  '06_luzhou_gaoxinqu': { file: 'corpus/articles/06_luzhou_gaoxinqu.txt', park: '泸州国家高新区', period: '2019' },
};

export const ALL_ARTICLES: Record<string, ArticleInfo> = { ...SEED_ARTICLES, ...DEV_ARTICLES };

/** The article's text as a file holds it (UTF-8): offsets in the gold count in this string. */
export function readArticle(file: string): string {
  return readFileSync(join(SHARED, file), 'utf8');
}

export function readGold(name: string): GoldFigure[] {
  return JSON.parse(readFileSync(join(GOLD_DIR, `${name}.json`), 'utf8')) as GoldFigure[];
}
