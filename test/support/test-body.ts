// Test support: a document body with only the parts a test cares about.
import type { DocumentBody } from '../../src-main/shared/document.ts';

export function testBody(parts: Partial<DocumentBody> = {}): DocumentBody {
  return {
    title: '',
    subtitle: '',
    byline: '',
    lead: [],
    sections: [],
    photos: [],
    magazine: { columnZh: '园区风采', columnEn: 'Charm of Industrial Park', firstPage: 40, issue: '2023.08' },
    bulletin: { name: '工作简报', number: '1', issuer: '管委会办公室', date: '2023年8月15日', reportTo: '', copyTo: '', sendTo: '', copies: 10 },
    ...parts,
  };
}
