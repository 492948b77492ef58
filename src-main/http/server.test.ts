import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../test/support/temp-store.ts';
import { IMPORT_MAX_BYTES } from '../shared/tables.ts';
import { IMPORT_MAX_BODY, MAX_BODY, startServer, TOKEN_HEADER, type RunningServer } from './server.ts';

let s: TempStore;
let server: RunningServer;
let staticDir: string;

beforeEach(async () => {
  s = tempStore();
  staticDir = mkdtempSync(join(tmpdir(), 'parkbrief-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ParkBrief</title>');
  server = await startServer({ ctx: s.ctx, port: 0, staticDir });
});
afterEach(async () => {
  await server.close();
  s.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

/** Raw requests, so that Host and Origin can be anything an attacker would send. */
function send(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: opts.path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const rpc = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send({ path: `/rpc/${method}`, method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers }, body: JSON.stringify(body) });

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('cannot be reached on any other address of this machine', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of [...others, '127.0.0.2']) {
      const reached = await new Promise<string>((resolve) => {
        const sock = connect({ host: address, port: server.port });
        sock.once('connect', () => {
          sock.destroy();
          resolve('connected');
        });
        sock.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(reached, address).toBe('ECONNREFUSED');
    }
  });

  it('answers a call with the token through the same dispatch', async () => {
    const r = await rpc('parks.list', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: [{ name: '昆明高新区' }, { name: '楚雄高新区' }] });
  });

  it('refuses a call without the token', async () => {
    const r = await send({ path: '/rpc/parks.list', method: 'POST', body: '{}' });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a call with a wrong token', async () => {
    const r = await rpc('parks.list', {}, { [TOKEN_HEADER]: server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A') });
    expect(r.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const r = await rpc('parks.list', {}, { host: `evil.example:${server.port}` });
    expect(r.status).toBe(403);
    const page = await send({ path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin, even with the token', async () => {
    const r = await rpc('parks.list', {}, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const ok = await rpc('parks.list', {}, { origin: `http://127.0.0.1:${server.port}` });
    expect(ok.status).toBe(200);
  });

  it('answers malformed JSON and oversized bodies with an envelope, not a crash', async () => {
    const bad = await send({ path: '/rpc/parks.list', method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body: '{nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const big = await send({ path: '/rpc/parks.list', method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body: 'x'.repeat(9 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect((await rpc('parks.list', {})).status).toBe(200);
  });

  it('takes a 20 MB workbook as base64 for imports.preview only, and nothing much larger', async () => {
    const file = { fileName: '填报模板.xlsx', base64: 'A'.repeat(Math.ceil((IMPORT_MAX_BYTES * 4) / 3)) };
    const upload = await rpc('imports.preview', file);
    // Past the transport: whatever the importer says of the bytes, it is an envelope, not a 413.
    expect(upload.status).toBe(200);
    expect(JSON.parse(upload.body)).toHaveProperty('ok');
    const tooBig = await send({ path: '/rpc/imports.preview', method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body: 'x'.repeat(IMPORT_MAX_BODY + 1) });
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', params: { max: '20 MB' } } });
    // The larger limit is the upload's alone.
    const other = await send({ path: '/rpc/parks.list', method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body: 'x'.repeat(MAX_BODY + 1) });
    expect(other.status).toBe(413);
  });

  it('answers a malformed percent-encoding with 400 naming the path, in calls and in pages', async () => {
    for (const bad of ['%', '%zz', '%E0%A4%A', '%ED%A0%80', 'a%']) {
      const call = await send({ path: `/rpc/${bad}`, method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body: '{}' });
      expect(call.status, `/rpc/${bad}`).toBe(400);
      expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'BAD_URL', params: { path: `/rpc/${bad}` } } });
      const page = await send({ path: `/${bad}` });
      expect(page.status, `/${bad}`).toBe(400);
      expect(JSON.parse(page.body).error.message).toContain('百分号编码无效');
    }
    // Still the token first: a broken path tells nobody without it more than a 401.
    expect((await send({ path: '/rpc/%zz', method: 'POST', body: '{}' })).status).toBe(401);
    expect((await rpc('parks.list', {})).status).toBe(200);
  });

  it('serves the UI with a CSP and never a file outside its folder', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await send({ path: '/../../etc/passwd' })).status).not.toBe(200);
    expect((await send({ path: '/%2e%2e/%2e%2e/etc/passwd' })).status).not.toBe(200);
    // An encoded slash survives URL parsing and must be caught by the folder check itself.
    expect((await send({ path: '/..%2F..%2F..%2Fetc%2Fpasswd' })).status).toBe(403);
  });
});

describe('browser-mode downloads', () => {
  it('delivers an export once, as an attachment with its Chinese file name, to our own Host only', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const r = JSON.parse((await rpc('documents.export', { ...ids, template: 'magazine', allowMarkers: false })).body);
    expect(r).toMatchObject({ ok: true, value: { status: 'download', fileName: '楚雄高新区-2022-园区风采.docx' } });
    const url: string = r.value.url;
    const foreign = await send({ path: url, headers: { host: `evil.example:${server.port}` } });
    expect(foreign.status).toBe(403);
    const got = await send({ path: url });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(got.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('楚雄高新区-2022-园区风采.docx')}`);
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.body.startsWith('PK')).toBe(true);
    expect((await send({ path: url })).status).toBe(404);
    expect((await send({ path: '/download/guessed-nonce/x.docx' })).status).toBe(404);
  });
});
