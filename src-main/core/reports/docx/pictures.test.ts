import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONTS } from '../../../shared/settings.ts';
import { PHOTO, seedFeature } from '../../../../test/support/docx-fixtures.ts';
import { renderDocx } from './index.ts';
import { Pictures } from './pictures.ts';

describe('pictures of a .docx', () => {
  it('reads each photo of a yearbook once, however many features print it, and packs it once', async () => {
    const asked: string[] = [];
    const docs = [seedFeature(), seedFeature(), seedFeature()];
    const docx = await renderDocx(docs, { template: 'magazine', fonts: DEFAULT_FONTS, photo: (sha) => (asked.push(sha), PHOTO) });
    expect(asked).toEqual([docs[0]!.photos[0]!.sha256]);
    const zip = await JSZip.loadAsync(docx);
    const media = zip.file(/^word\/media\//);
    expect(media).toHaveLength(1);
    // The part holds the photo itself, not the stand-in docx was given.
    expect(Buffer.from(await media[0]!.async('uint8array')).equals(PHOTO)).toBe(true);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<a:blip r:embed="/g)).toHaveLength(3);
  });

  it('leaves a media part that is no stand-in as it is', async () => {
    const pictures = new Pictures();
    expect(await pictures.resolve(PHOTO)).toBeNull();
    const stand = pictures.photo('a'.repeat(64), () => PHOTO);
    expect(await pictures.resolve(stand)).toBe(PHOTO);
    expect(await pictures.resolve(new Pictures().photo('b'.repeat(64), () => PHOTO))).toBeNull();
  });
});
