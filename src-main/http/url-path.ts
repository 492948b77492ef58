// The path of a request as the host routes it. A browser never sends a broken percent-encoding, so
// one that arrives (`/%`, `/%zz`, a truncated UTF-8 sequence) is the client's mistake: it is answered
// 400 naming the path, not left to throw inside the handler and come back as a 500.

/** The decoded text, or null when the percent-encoding is not valid UTF-8. */
export function decodePathPart(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The request target as a URL, or null for one no URL parser accepts. */
export function parseRequestUrl(target: string | undefined, host: string): URL | null {
  try {
    return new URL(target ?? '/', `http://${host}`);
  } catch {
    return null;
  }
}
