import { useEffect } from 'react';

/** Ctrl+Shift+F or Ctrl+K (⌘ on a Mac) anywhere in the document view. */
export function useFigureShortcut(open: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.altKey) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && ((e.shiftKey && key === 'f') || (!e.shiftKey && key === 'k'))) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, enabled]);
}
