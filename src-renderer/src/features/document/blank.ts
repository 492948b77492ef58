// A new, empty document with the layout defaults an office would fill in anyway.
import type { DocumentBody } from '../../../../src-main/shared/document.ts';
import { bulletinDefaults, magazineDefaults } from '../../../../src-main/shared/document-defaults.ts';

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
