// A new, empty document with the layout defaults an office would fill in anyway.
import type { BulletinLayout, DocumentBody, MagazineLayout } from '../../../../src-main/shared/document.ts';

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

export function blankBody(parkName: string, now: Date = new Date()): DocumentBody {
  return {
    title: '',
    subtitle: '',
    byline: '',
    lead: [''],
    sections: [],
    photos: [],
    magazine: magazineDefaults(now),
    bulletin: bulletinDefaults(parkName, now),
  };
}

/** A body holding one placeholder, for previewing a figure before it is inserted. */
export function scratchBody(base: DocumentBody, text: string): DocumentBody {
  return { ...base, title: '', subtitle: '', byline: '', lead: [text], sections: [], photos: [] };
}
