import { randomBytes } from 'node:crypto';
import type { Host, OutgoingFile } from '../core/host.ts';

const TTL_MS = 5 * 60_000;
/** Exports waiting to be fetched; the oldest goes first so memory stays bounded. */
const MAX_PENDING = 20;

/**
 * Browser mode's Host: an export becomes a one-time download link. The link's nonce is the
 * credential (a download started by a link cannot carry the token header): 144 random bits, valid
 * once and for five minutes, served only to our own Host header like everything else.
 */
export function downloadHost(now: () => number = Date.now) {
  const pending = new Map<string, { file: OutgoingFile; expires: number }>();
  const sweep = () => {
    for (const [k, v] of pending) if (v.expires < now()) pending.delete(k);
  };
  const host: Host = {
    async deliver(file) {
      sweep();
      const nonce = randomBytes(18).toString('base64url');
      pending.set(nonce, { file, expires: now() + TTL_MS });
      if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
      return { status: 'download', url: `/download/${nonce}/${encodeURIComponent(file.fileName)}`, fileName: file.fileName };
    },
    // A browser tab cannot be handed a local program; the browser opens downloads itself.
    openFile: async () => false,
  };
  return {
    host,
    /** The file for a download path's nonce, once; null when unknown, used or expired. */
    take(nonce: string): OutgoingFile | null {
      sweep();
      const hit = pending.get(nonce);
      pending.delete(nonce);
      return hit ? hit.file : null;
    },
  };
}
