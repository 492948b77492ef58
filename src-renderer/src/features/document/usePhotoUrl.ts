// A photo's data URL, fetched once per session and shared by the editor's thumbnails and the preview.
import { useEffect, useState } from 'react';
import { call } from '../../bridge/index.ts';

const cache = new Map<string, Promise<string>>();

export function photoUrl(sha256: string): Promise<string> {
  let p = cache.get(sha256);
  if (!p) {
    p = call('photos.get', { sha256 }).then((r) => r.dataUrl);
    p.catch(() => cache.delete(sha256)); // a failed fetch is tried again next time
    cache.set(sha256, p);
  }
  return p;
}

export function usePhotoUrl(sha256: string): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ sha: string; url: string | null; failed: boolean }>({ sha: sha256, url: null, failed: false });
  useEffect(() => {
    let live = true;
    photoUrl(sha256).then(
      (url) => live && setState({ sha: sha256, url, failed: false }),
      () => live && setState({ sha: sha256, url: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [sha256]);
  return state.sha === sha256 ? state : { url: null, failed: false };
}
