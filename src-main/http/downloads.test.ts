import { describe, expect, it } from 'vitest';
import { downloadHost } from './downloads.ts';

const file = { fileName: '楚雄高新区-2022-园区风采.docx', mime: 'application/x-test', bytes: Buffer.from('PK') };

describe('browser-mode downloads', () => {
  it('hands out an unguessable link that works once', async () => {
    const d = downloadHost();
    const r = await d.host.deliver(file);
    if (r.status !== 'download') throw new Error(r.status);
    expect(r.fileName).toBe(file.fileName);
    const nonce = r.url.split('/')[2]!;
    expect(nonce).toMatch(/^[\w-]{24}$/);
    expect(d.take(nonce)).toBe(file);
    expect(d.take(nonce)).toBeNull();
  });

  it('forgets a link after five minutes', async () => {
    let t = 0;
    const d = downloadHost(() => t);
    const r = await d.host.deliver(file);
    t = 5 * 60_000 + 1;
    expect(d.take((r as { url: string }).url.split('/')[2]!)).toBeNull();
  });

  it('never opens files: a browser tab cannot hand one to a program', async () => {
    expect(await downloadHost().host.openFile('/etc/passwd')).toBe(false);
  });
});
