// The layout a new document starts with: what an office would fill in anyway. Shared by the
// editor's blank start and a document built from an article.
import type { BulletinLayout, MagazineLayout } from './document.ts';

export function magazineDefaults(now: Date): MagazineLayout {
  return {
    columnZh: '园区风采',
    columnEn: 'Charm of Industrial Park',
    firstPage: 1,
    issue: `${now.getFullYear()}.${String(now.getMonth() + 1).padStart(2, '0')}`,
  };
}

export function bulletinDefaults(parkName: string, now: Date): BulletinLayout {
  return {
    name: `${parkName}工作简报`.slice(0, 40),
    number: '第1期',
    issuer: `${parkName}管委会`.slice(0, 80),
    date: `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`,
    reportTo: '',
    copyTo: '',
    sendTo: '',
    copies: 0,
  };
}
