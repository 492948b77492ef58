/**
 * The renderer page's Content Security Policy, sent as a header by both of its hosts: the app://
 * scheme in the Electron window (app-protocol.ts) and browser mode's loopback server
 * (http/server.ts). The page's own <meta> in src-renderer/index.html says the same
 * (electron-hardening.test.ts compares them). Nothing inline, no other origin, no frames, no form
 * submission: the UI's forms are handled in script and never navigate.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; frame-ancestors 'none'; form-action 'none'";
