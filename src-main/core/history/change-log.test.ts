import { describe, expect, it } from 'vitest';
import { decodeColumnar, encodeColumnar } from './change-log.ts';

describe('columnar snapshots of a bulk write', () => {
  it('round-trips rows, nulls and columns equal in every row', () => {
    const rows = [
      { park: 1, period: 2, kind: 'actual', value: '1.50', source: null },
      null,
      { park: 1, period: 3, kind: 'actual', value: '2', source: null },
    ];
    const text = encodeColumnar(rows);
    expect(JSON.parse(text).k).toEqual({ park: 1, kind: 'actual', source: null });
    expect(decodeColumnar(text)).toEqual(rows);
  });

  it('handles a set with no rows at all', () => {
    expect(decodeColumnar(encodeColumnar([null, null]))).toEqual([null, null]);
  });
});
