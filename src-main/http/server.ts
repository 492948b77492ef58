// Browser mode: the renderer served from out/renderer and the contract at POST /rpc/:method, on
// 127.0.0.1 only. Three locks keep other local programs and web pages out: the per-launch token
// (only the URL printed to the user carries it), the Host check (defeats DNS rebinding) and the
// Origin check (defeats cross-site requests from the user's browser).

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Envelope } from '../shared/contract.ts';
import { PAGE_CSP } from '../shared/csp.ts';
import { formatMessage, type ErrorCode } from '../shared/errors.ts';
import { IMPORT_MAX_BYTES } from '../shared/tables.ts';
import type { CoreContext } from '../core/context.ts';
import type { Host } from '../core/host.ts';
import { runExportsInChildProcesses } from '../core/jobs/place.ts';
import { dispatch } from '../core/rpc/dispatch.ts';
import { dispatchSession } from '../core/session/dispatch-session.ts';
import type { StoreSession } from '../core/session/store-session.ts';
import { downloadHost } from './downloads.ts';
import { decodePathPart, parseRequestUrl } from './url-path.ts';

export const TOKEN_HEADER = 'x-parkbrief-token';
export const MAX_BODY = 8 * 1024 * 1024;
/**
 * An uploaded workbook travels as base64 inside the JSON body (contract: importFileSchema), so only
 * imports.preview may send up to IMPORT_MAX_BYTES × 4/3 plus the envelope (file name, ids); every
 * other method keeps the small limit.
 */
export const IMPORT_MAX_BODY = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4 + 16 * 1024;
const megabytes = (n: number) => `${Math.floor(n / (1024 * 1024))} MB`;
/** Per method: the body limit, and the size the refusal names (the file's limit, which the user knows). */
const BODY_LIMITS = new Map<string, { bytes: number; shown: string }>([
  ['imports.preview', { bytes: IMPORT_MAX_BODY, shown: megabytes(IMPORT_MAX_BYTES) }],
  ['articles.read', { bytes: IMPORT_MAX_BODY, shown: megabytes(IMPORT_MAX_BYTES) }],
  // jobs.start carries either of them as its input.
  ['jobs.start', { bytes: IMPORT_MAX_BODY, shown: megabytes(IMPORT_MAX_BYTES) }],
]);
const DEFAULT_LIMIT = { bytes: MAX_BODY, shown: megabytes(MAX_BODY) };

export interface ServerOptions {
  /** The host's store over its life (recovery, restore); or, for tests, one open store. */
  session?: StoreSession;
  ctx?: CoreContext;
  /** 0 picks a free port. */
  port?: number;
  staticDir?: string | null;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const staticDir = opts.staticDir === undefined ? findRendererDir() : opts.staticDir;
  let hosts = new Set<string>(); // filled once the port is known
  const downloads = downloadHost();
  const run = rpcRunner(opts, downloads.host);
  // The browser's edits are answered on this thread while an export runs: exports go to a child
  // process at low priority, V8's garbage collection for them included (core/jobs/place.ts).
  runExportsInChildProcesses();

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', { detail: (e as Error).message });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!req.headers.host || !hosts.has(req.headers.host)) {
      return sendError(res, 403, 'FORBIDDEN', { detail: `Host ${req.headers.host ?? '(none)'}` });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length)))) {
      return sendError(res, 403, 'FORBIDDEN', { detail: `Origin ${origin}` });
    }
    const url = parseRequestUrl(req.url, req.headers.host);
    if (!url) return badUrl(res, req.url ?? '');
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return sendError(res, 405, 'FORBIDDEN', { detail: 'POST only' });
      const given = req.headers[TOKEN_HEADER];
      const givenBuf = Buffer.from(typeof given === 'string' ? given : '');
      if (givenBuf.length !== tokenBuf.length || !timingSafeEqual(givenBuf, tokenBuf)) {
        return sendError(res, 401, 'FORBIDDEN', { detail: 'token' });
      }
      const method = decodePathPart(url.pathname.slice('/rpc/'.length));
      if (method === null) return badUrl(res, url.pathname);
      const limit = BODY_LIMITS.get(method) ?? DEFAULT_LIMIT;
      const body = await readBody(req, limit.bytes);
      if (body === null) return sendError(res, 413, 'TOO_LARGE', { max: limit.shown });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return sendJson(res, 400, fail('INVALID_INPUT', { detail: '请求内容不是有效的 JSON', detailEn: 'the body is not valid JSON' }));
      }
      return sendJson(res, 200, await run(method, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'FORBIDDEN', { detail: req.method ?? '' });
    if (url.pathname.startsWith('/download/')) {
      // Only a GET spends the one-time link; a HEAD (a link checker, a download manager) must not.
      if (req.method !== 'GET') return sendError(res, 405, 'FORBIDDEN', { detail: 'GET only' });
      const file = downloads.take(url.pathname.split('/')[2] ?? '');
      if (!file) return sendError(res, 404, 'DOWNLOAD_GONE', {});
      res.writeHead(200, {
        'Content-Type': file.mime,
        'Content-Length': file.bytes.length,
        // RFC 6266: the UTF-8 name for browsers, an ASCII one for the rest.
        'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(file.bytes);
      return;
    }
    return serveStatic(res, staticDir, url.pathname);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function rpcRunner(opts: ServerOptions, host: Host): (method: string, input: unknown) => Promise<Envelope<unknown>> {
  if (opts.session) {
    const session = opts.session;
    session.setHost(host);
    return (method, input) => dispatchSession(session, method, input);
  }
  if (!opts.ctx) throw new Error('startServer needs a session or a store');
  const ctx: CoreContext = { ...opts.ctx, host };
  return (method, input) => dispatch(ctx, method, input);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolvePromise(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serveStatic(res: ServerResponse, dir: string | null, pathname: string): Promise<void> {
  if (!dir) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建：请先运行 npm run build（The UI is not built yet: run npm run build）');
    return;
  }
  const decoded = pathname === '/' ? 'index.html' : decodePathPart(pathname);
  if (decoded === null) return badUrl(res, pathname);
  const rel = decoded.replace(/^\/+/, '');
  const file = normalize(join(dir, rel));
  if (file !== dir && !file.startsWith(dir + sep)) return sendError(res, 403, 'FORBIDDEN', { detail: 'path' });
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return sendError(res, 404, 'FORBIDDEN', { detail: `not found: ${rel}` });
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
  });
  res.end(data);
}

/** Shown shortened: the path is the client's text, echoed only to name what was refused. */
function badUrl(res: ServerResponse, path: string): void {
  sendError(res, 400, 'BAD_URL', { path: path.length > 200 ? `${path.slice(0, 200)}…` : path });
}

function fail(code: ErrorCode, params: Record<string, string>): Envelope<never> {
  return { ok: false, error: { code, message: formatMessage(code, params), params } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, params: Record<string, string>): void {
  sendJson(res, status, fail(code, params));
}

/** out/renderer, seen from the source tree (node src-main/cli.ts) or from the build (out/main/cli.js). */
export function findRendererDir(): string | null {
  const here = import.meta.dirname;
  for (const c of [resolve(here, '../../out/renderer'), resolve(here, '../renderer')]) {
    if (existsSync(join(c, 'index.html'))) return c;
  }
  return null;
}
