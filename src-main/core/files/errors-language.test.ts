// No English inside a Chinese message: the catalogue's Chinese wording holds only names, and a
// Chinese message never passes on a library's or the system's English text ({detail}) — except in
// the codes listed below, each for a reason, which this test keeps from growing.

import { describe, expect, it } from 'vitest';
import { latinWords } from '../../../test/support/latin-words.ts';
import { fileReadError, fileWriteError } from './write-error.ts';
import { parseInput } from '../rpc/dispatch.ts';
import { MESSAGES, type ErrorCode } from '../../shared/errors.ts';

/**
 * Chinese wordings that still show a {detail} as the caller gave it. Each caller words its detail in
 * Chinese, or the detail is SQLite's and the message is for support (the store's own damage), or it
 * answers a program, not a person (the HTTP host's refusals).
 */
const ZH_DETAIL_REVIEWED: ErrorCode[] = [
  'INVALID_INPUT', // dispatch.ts words zod's issue with zod's Chinese locale (detailEn for English)
  'UNDO_CONFLICT',
  'REDO_CONFLICT',
  'STORE_UNREADABLE',
  'STORE_DAMAGED',
  'STORE_MIGRATION_FAILED',
  'STORE_NOT_OPEN',
  'BACKUP_FAILED',
  'RESTORE_FAILED',
  'SALVAGE_NOT_A_STORE',
  'SALVAGE_NOTHING',
  'SALVAGE_FAILED',
  'FORBIDDEN',
  'INTERNAL',
];

describe('Chinese messages hold no English', () => {
  it('the catalogue: only names in the Chinese wording', () => {
    const found = Object.entries(MESSAGES).flatMap(([code, t]) => latinWords(t.zh.replace(/\{\w+\}/g, '')).map((w) => `${code}: ${w}`));
    expect(found).toEqual([]);
  });

  it('no new Chinese wording passes on an English {detail}', () => {
    const withDetail = Object.entries(MESSAGES)
      .filter(([, t]) => t.zh.includes('{detail}'))
      .map(([code]) => code)
      .sort();
    expect(withDetail).toEqual([...ZH_DETAIL_REVIEWED].sort());
  });

  it('every system error of a file read or write is worded, in Chinese, with what to do', () => {
    const codes = ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE', 'EBUSY', 'ETXTBSY', 'ENAMETOOLONG', 'EIO', 'EXDEV'];
    for (const code of codes) {
      const e = Object.assign(new Error(`${code}: some English the system wrote, open '/x/y.xlsx'`), { code });
      for (const err of [fileWriteError('/x/y.xlsx', e, 'create'), fileReadError('/x/y.xlsx', e)]) {
        expect(err.message, `${code} ${err.code}`).toContain('「/x/y.xlsx」');
        expect(latinWords(err.message.replace(/系统错误代码 [A-Z]+/, '')), `${code} ${err.code}: ${err.message}`).toEqual([]);
        expect(err.message, code).toMatch(/请/);
      }
    }
  });

  it('a refused request is worded in Chinese, and in English from the same refusal', () => {
    const r = parseInput('imports.apply', { previewId: 5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(latinWords(r.error.message.replace(/previewId/, ''))).toEqual([]);
    expect(r.error.params?.detailEn).toMatch(/expected string/);
  });
});
