// No English inside a Chinese message: the catalogue's Chinese wording holds only names, and a
// Chinese message never passes on a library's or the system's English text ({detail}): that goes on
// a line of its own, 技术信息 (technicalLine) — except in the code listed below, for its reason.

import { describe, expect, it } from 'vitest';
import { latinWords } from '../../../test/support/latin-words.ts';
import { fileReadError, fileWriteError } from './write-error.ts';
import { parseInput } from '../rpc/dispatch.ts';
import { formatMessage, formatWithTechnical, MESSAGES, technicalLine, type ErrorCode } from '../../shared/errors.ts';

/** Chinese wordings that still show a {detail} as the caller gave it, each for its reason. */
const ZH_DETAIL_REVIEWED: ErrorCode[] = [
  'INVALID_INPUT', // dispatch.ts words zod's issue with zod's Chinese locale (detailEn for English)
];

/** The codes whose detail is SQLite's, the system's or the host's own English. */
const TECHNICAL: ErrorCode[] = [
  'UNDO_CONFLICT',
  'REDO_CONFLICT',
  'STORE_UNREADABLE',
  'STORE_DAMAGED',
  'STORE_MIGRATION_FAILED',
  'BACKUP_FAILED',
  'BACKUP_INVALID',
  'RESTORE_FAILED',
  'SALVAGE_NOT_A_STORE',
  'SALVAGE_NOTHING',
  'SALVAGE_FAILED',
  'FORBIDDEN',
  'INTERNAL',
  'JOB_CRASHED',
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

  it('SQLite’s English detail stays out of the Chinese sentence: a line of its own, 技术信息, and the sentence says what to do', () => {
    const detail = 'database disk image is malformed';
    for (const code of TECHNICAL) {
      const params = { path: '/x/园区.sqlite', detail, label: '改数值', what: 'figure', name: '地区生产总值', reason: '文件已损坏', name2: '' };
      const zh = formatMessage(code, params);
      expect(zh, code).not.toContain(detail);
      expect(latinWords(zh.replace('/x/园区.sqlite', '')), `${code}: ${zh}`).toEqual([]);
      expect(zh, code).toMatch(/请|可从备份恢复|已移出|已清除/);
      expect(technicalLine(code, params), code).toBe(`技术信息：${detail}`);
      expect(formatWithTechnical(code, params), code).toBe(`${zh}\n技术信息：${detail}`);
      // In English the detail is read in the sentence (or on its line), never lost.
      expect(formatWithTechnical(code, params, 'en'), code).toContain(detail);
    }
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
