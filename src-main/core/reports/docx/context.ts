import type { FontMap } from '../../../shared/settings.ts';

/** What a template needs beyond the document itself. */
export interface RenderContext {
  fonts: FontMap;
  photo: (sha256: string) => Buffer;
}
