// Seeded fuzz of the browser-mode host over loopback (issue 16): request lines, paths with broken
// and tricky percent-encodings, methods, tokens, origins and bodies drawn from one generator. No
// answer may be a 500 or an INTERNAL envelope — every malformed request is the client's mistake and
// gets a 4xx. The normal run makes 2,000 calls; PARKBRIEF_FUZZ_LONG=1 makes 30,000 (the long mode).
// A failure names the call's number and request, and the same seed replays it.

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../shared/contract.ts';
import { tempStore, type TempStore } from '../../test/support/temp-store.ts';
import { seededRandom } from '../../test/support/seeded-random.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, TOKEN_HEADER, type RunningServer } from './server.ts';

const LONG = process.env.PARKBRIEF_FUZZ_LONG === '1';
const CALLS = LONG ? 30_000 : 2_000;
const SEED = 0x16c0ffee;
const PARALLEL = 8;

const METHODS = Object.keys(contract);
const PREFIXES = ['/', '/rpc/', '/rpc//', '//', '/download/', '/assets/', '/rpc/%2e%2e/', '*', '/index.html'];
const PIECES = [
  '%', '%%', '%zz', '%z', '%E0%A4%A', '%E0%A4%A4', '%C0%AF', '%ED%A0%80', '%FF', '%00', '%0A', '%25', '%u0041',
  '%2e%2e', '..', '%2F', '%5C', '\\', ';', '?token=x', '?', '#x', '&', '=', '~', '@', ':', '+', '!', '$',
  '%E5%9B%AD', '%F0%9F%98%80', '%F0%9F%98', 'index.html', 'parks.list', '__proto__', 'constructor',
];
const VERBS = ['GET', 'GET', 'POST', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];
const BODIES = ['', '{}', '{nope', '[]', 'null', '"x"', '{"__proto__":{"a":1}}', '{"park":"%zz"}', '\u0000', '{"a":'];
/** Only these: a 500 is the finding this test exists for. */
const EXPECTED = new Set([200, 400, 401, 403, 404, 405, 413]);

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A request the Node client will send (its path check refuses bytes outside 0x21–0xff). */
function draw(r: () => number, token: string, port: number): Call {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let path = pick(PREFIXES);
  if (path.startsWith('/rpc/') && r() < 0.4) path += pick(METHODS);
  const pieces = Math.floor(r() * 5);
  for (let i = 0; i < pieces; i++) {
    path += r() < 0.8 ? pick(PIECES) : String.fromCharCode(0x21 + Math.floor(r() * 94));
    if (r() < 0.3) path += '/';
  }
  const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
  const auth = r();
  if (auth < 0.6) headers[TOKEN_HEADER] = token;
  else if (auth < 0.8) headers[TOKEN_HEADER] = token.slice(1) + 'A';
  const origin = r();
  if (origin < 0.2) headers.origin = `http://127.0.0.1:${port}`;
  else if (origin < 0.3) headers.origin = 'http://evil.example';
  if (r() < 0.5) headers['content-type'] = 'application/json';
  return { method: pick(VERBS), path, headers, body: pick(BODIES) };
}

/**
 * A fresh connection per call (no agent): the host may close a socket after refusing a request whose
 * body it did not read, and a reused socket would then hang up on the next call — a hang-up must only
 * ever mean the host itself failed.
 */
function send(port: number, call: Call): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, agent: false, method: call.method, path: call.path, headers: call.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    if (call.method !== 'GET' && call.method !== 'HEAD' && call.body) req.write(call.body);
    req.end();
  });
}

let s: TempStore;
let server: RunningServer;
let staticDir: string;

beforeAll(async () => {
  s = tempStore();
  staticDir = mkdtempSync(join(tmpdir(), 'parkbrief-fuzz-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ParkBrief</title>');
  server = await startServer({ ctx: s.ctx, port: 0, staticDir });
});
afterAll(async () => {
  await server.close();
  s.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('browser-mode host under fuzzed requests', () => {
  it(
    `answers ${CALLS} seeded calls with no 500 and no INTERNAL envelope`,
    async () => {
      const r = seededRandom(SEED);
      const calls = Array.from({ length: CALLS }, () => draw(r, server.token, server.port));
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      let next = 0;
      async function worker(): Promise<void> {
        while (next < calls.length) {
          const n = next++;
          const call = calls[n]!;
          const answer = await send(server.port, call).catch((e: Error) => e);
          if (answer instanceof Error) {
            failures.push(`#${n} ${call.method} ${call.path} → ${answer.message}`);
            continue;
          }
          const { status, body } = answer;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const internal = body.includes('"code":"INTERNAL"');
          if (!EXPECTED.has(status) || internal) failures.push(`#${n} ${call.method} ${call.path} → ${status} ${body.slice(0, 200)}`);
        }
      }
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      expect(failures).toEqual([]);
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(CALLS);
      // The generator must actually reach the malformed-path answer, or the run proves nothing.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(CALLS / 50);
      // And the host still serves an ordinary call afterwards.
      const after = await send(server.port, { method: 'POST', path: '/rpc/parks.list', headers: { host: `127.0.0.1:${server.port}`, [TOKEN_HEADER]: server.token }, body: '{}' });
      expect(after.status).toBe(200);
    },
    LONG ? 600_000 : 120_000,
  );
});
