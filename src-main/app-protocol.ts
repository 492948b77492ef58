// The renderer's own scheme, app://parkbrief/, served from the renderer folder (out/renderer, inside
// app.asar when packaged). A privileged standard scheme gives the page a real origin of its own,
// where file:// would share one with every local file and carry file://'s legacy privileges (the
// packaged app also switches those off with a fuse). No electron import: the handler is a plain
// Request → Response function, registered by index.ts and tested under Node.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import { PAGE_CSP } from './shared/csp.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'parkbrief';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before the app is ready. standard: URLs resolve like
 * http (relative paths, an origin for CSP 'self'); secure: the page counts as a secure context;
 * supportFetchAPI: the ES module scripts Vite emits load through fetch. Nothing else: no CORS
 * (the page needs no other origin), no bypassing CSP, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * The file an app:// URL names inside rendererDir, or null when the URL is not ours or its path
 * could reach outside the folder. URL parsing already folds literal ../ away; what is left to
 * refuse is what decoding would turn into a step out: an encoded slash or backslash (%2F, %5C), an
 * encoded dot segment, a NUL, a drive letter.
 */
export function rendererFile(url: string, rendererDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return null;
  const raw = u.pathname === '/' ? ['index.html'] : u.pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const part of raw) {
    let s: string;
    try {
      s = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (s === '' || s === '.' || s === '..' || /[/\\\0:]/.test(s)) return null;
    segments.push(s);
  }
  const file = join(rendererDir, ...segments);
  const rel = relative(rendererDir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

/** protocol.handle's handler for app://: GET and HEAD of files in rendererDir, nothing else. */
export function appProtocolHandler(rendererDir: string, read: (file: string) => Promise<Uint8Array> = readFile) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const file = rendererFile(request.url, rendererDir);
    if (!file) return plain(403, 'forbidden');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return plain(404, 'not found');
    }
    const headers = {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-security-policy': PAGE_CSP,
      'x-content-type-options': 'nosniff',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}
