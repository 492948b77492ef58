// The renderer's Content-Security-Policy, in both places it is set: the <meta> in index.html (the
// Electron window, which has no server to send headers) and the header the browser-mode server
// sends. The checks are a function so they are first shown to fail on weak policies.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from './shared/csp.ts';
import { openCore } from './core/session/open-core.ts';
import { startServer } from './http/server.ts';

const RENDERER = fileURLToPath(new URL('../src-renderer/', import.meta.url));

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins; a repeated one is ignored by browsers.
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** What a directive allows: its own sources, or default-src's where it is not set. */
function allowed(policy: Policy, directive: string): string[] {
  return policy.get(directive) ?? policy.get('default-src') ?? ['*'];
}

/** Sources a local app may name; anything else (a host, https:, *, blob:) is remote or too wide. */
const LOCAL = new Set(["'self'", "'none'"]);

/** Every way the policy is weaker than the app needs; empty when it is strict. */
function cspProblems(text: string): string[] {
  const policy = parsePolicy(text);
  const problems: string[] = [];
  const only = (directive: string, sources: string[]) => {
    const got = allowed(policy, directive);
    for (const s of got) if (!sources.includes(s)) problems.push(`${directive} allows ${s}`);
  };
  if (!policy.has('default-src')) problems.push('no default-src');
  only('default-src', ["'self'", "'none'"]);
  // No inline script, no eval (React needs neither), no script from anywhere but the app's bundle.
  only('script-src', ["'self'"]);
  only('object-src', ["'none'"]);
  only('base-uri', ["'none'"]);
  // The page talks only to its own origin: IPC in the window, the loopback server in browser mode.
  only('connect-src', ["'self'"]);
  only('img-src', ["'self'", 'data:']);
  // The bundle's stylesheet only: React's style props and ECharts set styles through the CSSOM,
  // which style-src does not govern, so no inline <style> or style="" is needed (e2e/csp.spec.ts).
  only('style-src', ["'self'"]);
  for (const [name, sources] of policy) {
    for (const s of sources) {
      if (/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/.test(s)) problems.push(`${name} allows ${s}`);
      else if (!LOCAL.has(s) && !(s === 'data:' && name === 'img-src')) {
        problems.push(`${name} names a remote or wide source ${s}`);
      }
    }
  }
  return [...new Set(problems)];
}

function metaPolicy(html: string): { policy: string; beforeAnyResource: boolean } {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(html);
  if (!m) return { policy: '', beforeAnyResource: false };
  // A <meta> policy covers only what comes after it in the document.
  const firstResource = html.search(/<(?:script|link|style)\b/i);
  return { policy: m[1] ?? '', beforeAnyResource: firstResource === -1 || m.index < firstResource };
}

const STRICT_META = readFileSync(join(RENDERER, 'index.html'), 'utf8');

async function browserModeHeader(): Promise<string> {
  const core = openCore(':memory:', { origin: 'app', demoIfNew: false });
  const staticDir = mkdtempSync(join(tmpdir(), 'parkbrief-csp-'));
  writeFileSync(join(staticDir, 'index.html'), STRICT_META);
  const server = await startServer({ ctx: core, port: 0, staticDir });
  try {
    return await new Promise<string>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.headers['content-security-policy'] ?? '')));
      })
        .on('error', reject)
        .end();
    });
  } finally {
    await server.close();
    core.db.close();
    rmSync(staticDir, { recursive: true, force: true });
  }
}

describe('the CSP check itself', () => {
  it.each([
    ["default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'", "script-src allows 'unsafe-eval'"],
    ["default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'", "script-src allows 'unsafe-inline'"],
    ["default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'", "style-src allows 'unsafe-inline'"],
    ["default-src 'self'; script-src 'self' https://cdn.example.com; object-src 'none'; base-uri 'none'", 'script-src allows https://cdn.example.com'],
    ["default-src 'self'; script-src 'self'; base-uri 'none'", "object-src allows 'self'"],
    ["default-src 'self'; script-src 'self'; object-src 'none'", "base-uri allows 'self'"],
    ["default-src *; script-src 'self'; object-src 'none'; base-uri 'none'", 'default-src allows *'],
    ["script-src 'self'; object-src 'none'; base-uri 'none'", 'no default-src'],
    ["default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src https:", 'connect-src allows https:'],
    ["default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-src http://intranet", 'frame-src names a remote or wide source http://intranet'],
  ])('refuses %s', (policy, problem) => {
    expect(cspProblems(policy)).toContain(problem);
  });

  it('finds a meta policy only where it applies, before the first script', () => {
    const late = `<head><script src="x.js"></script><meta http-equiv="Content-Security-Policy" content="default-src 'self'" /></head>`;
    expect(metaPolicy(late).beforeAnyResource).toBe(false);
    expect(metaPolicy('<head></head>').policy).toBe('');
  });
});

describe('the Electron window’s CSP (src-renderer/index.html)', () => {
  const { policy, beforeAnyResource } = metaPolicy(STRICT_META);

  it('is set before anything the page loads', () => {
    expect(policy).not.toBe('');
    expect(beforeAnyResource).toBe(true);
  });

  it('is strict: own scripts only, no eval, no remote source, no plugins, no <base>', () => {
    expect(cspProblems(policy)).toEqual([]);
  });

  it('allows no frames at all', () => {
    expect(allowed(parsePolicy(policy), 'frame-src')).toEqual(["'none'"]);
  });
});

describe('the app:// CSP header (src-main/app-protocol.ts)', () => {
  it('is strict, forbids being framed, and allows no frames', () => {
    expect(cspProblems(PAGE_CSP)).toEqual([]);
    expect(parsePolicy(PAGE_CSP).get('frame-ancestors')).toEqual(["'none'"]);
    expect(allowed(parsePolicy(PAGE_CSP), 'frame-src')).toEqual(["'none'"]);
  });

  it('agrees with the page’s own <meta> policy on every directive the <meta> sets', () => {
    const header = parsePolicy(PAGE_CSP);
    const meta = parsePolicy(metaPolicy(STRICT_META).policy);
    for (const [d, sources] of meta) expect(header.get(d), d).toEqual(sources);
  });
});

describe('the browser-mode CSP header (src-main/http/server.ts)', () => {
  it('is strict, and forbids being framed by another site', async () => {
    const header = await browserModeHeader();
    expect(header).not.toBe('');
    expect(cspProblems(header)).toEqual([]);
    expect(parsePolicy(header).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is the window’s policy: the page is tested in browser mode under what the app enforces', async () => {
    expect(await browserModeHeader()).toBe(PAGE_CSP);
  });
});

describe('the renderer sources', () => {
  it('use no <webview> (the window also refuses to attach one)', () => {
    const offenders = (readdirSync(join(RENDERER, 'src'), { recursive: true }) as string[])
      .filter((f) => /\.(?:tsx?|html)$/.test(f))
      .filter((f) => /<webview\b/i.test(readFileSync(join(RENDERER, 'src', f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
