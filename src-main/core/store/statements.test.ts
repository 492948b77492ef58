// The rows a yearbook reads per feature by key are read with one prepared statement each.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempStore } from '../../../test/support/temp-store.ts';
import { findDocument } from '../documents/documents.ts';
import { getPhotoInfo } from '../documents/photos.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';

describe('statements by key', () => {
  const s = tempStore();
  afterAll(() => s.dispose());

  it('prepares each once per connection, however often a row is read', () => {
    const { parkId, periodId } = s.ids('楚雄高新区', '2022');
    const photo = findDocument(s.ctx.db, parkId, periodId)!.body.photos[0]!.photo;
    const prepare = vi.spyOn(s.ctx.db, 'prepare');
    for (let i = 0; i < 20; i++) {
      expect(getParkRow(s.ctx.db, parkId).name).toBe('楚雄高新区');
      expect(getPeriodRow(s.ctx.db, periodId).key).toBe('2022');
      expect(findDocument(s.ctx.db, parkId, periodId)).not.toBeNull();
      expect(getPhotoInfo(s.ctx.db, photo).sha256).toBe(photo);
    }
    // findDocument reads the park and the period by key too.
    expect(prepare.mock.calls.length).toBeLessThanOrEqual(4);
    const other = s.reopen().db;
    getParkRow(other, parkId);
    expect(other.open).toBe(true);
  });
});
