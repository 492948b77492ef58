import { useState } from 'react';
import type { Template } from '../../../../src-main/shared/document.ts';

const KEY = 'parkbrief.previewTemplate';

/** The preview's template, remembered across restarts. */
export function usePreviewTemplate(): [Template, (t: Template) => void] {
  const [template, setTemplate] = useState<Template>(() => {
    try {
      return localStorage.getItem(KEY) === 'bulletin' ? 'bulletin' : 'magazine';
    } catch {
      return 'magazine';
    }
  });
  const set = (t: Template) => {
    setTemplate(t);
    try {
      localStorage.setItem(KEY, t);
    } catch {
      // not remembered; still switched
    }
  };
  return [template, set];
}
