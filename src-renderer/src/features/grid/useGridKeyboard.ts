// The spreadsheet keyboard model. Focus lives in one input inside the active cell even when not
// editing: that is what lets an IME start a Chinese composition on a cell that was merely selected,
// and what receives the native copy/paste events.
import type { KeyboardEvent } from 'react';

export type Move = 'up' | 'down' | 'left' | 'right' | 'none';

export interface EditingState {
  text: string;
  /** 'replace' began by typing over the cell (arrows commit and move); 'edit' by F2/Enter (arrows move the caret). */
  mode: 'replace' | 'edit';
}

export interface GridKeyboardActions {
  editing: EditingState | null;
  activeEditable: boolean;
  /** The active cell is switched rather than typed into (状态: 草稿 ⇄ 已核实). */
  activeToggle: boolean;
  move(dir: Move, extend: boolean): void;
  moveTo(edge: 'home' | 'end'): void;
  /** PageUp / PageDown: a screenful of rows. */
  page(dir: 'up' | 'down', extend: boolean): void;
  startEditing(mode: EditingState['mode']): void;
  toggle(): void;
  commitAndMove(dir: Move): void;
  cancelEditing(): void;
  clearCell(): void;
  clearTransient(): void;
  undo(): void;
  redo(): void;
}

const ARROWS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function useGridKeyboard(a: GridKeyboardActions): (e: KeyboardEvent) => void {
  return (e: KeyboardEvent) => {
    // Keys that belong to an IME composition (229 while composing) are the IME's, including Enter.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const mod = e.ctrlKey || e.metaKey;
    const arrow = ARROWS[e.key];

    if (a.editing) {
      if (e.key === 'Enter') {
        e.preventDefault();
        a.commitAndMove(e.shiftKey ? 'up' : 'down');
      } else if (e.key === 'Tab') {
        e.preventDefault();
        a.commitAndMove(e.shiftKey ? 'left' : 'right');
      } else if (e.key === 'Escape') {
        e.preventDefault();
        a.cancelEditing();
      } else if (arrow && a.editing.mode === 'replace' && !e.shiftKey && !mod) {
        e.preventDefault();
        a.commitAndMove(arrow);
      }
      return;
    }

    if (mod) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        a.undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        a.redo();
      }
      // c / v / x: left to the native copy, cut and paste events the grid listens to.
      return;
    }

    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      a.page(e.key === 'PageUp' ? 'up' : 'down', e.shiftKey);
      return;
    }
    if (a.activeToggle && (e.key === 'Enter' || e.key === 'F2' || e.key === ' ')) {
      e.preventDefault();
      a.toggle();
      return;
    }

    if (arrow) {
      e.preventDefault();
      a.move(arrow, e.shiftKey);
      return;
    }
    switch (e.key) {
      case 'Tab':
        e.preventDefault();
        a.move(e.shiftKey ? 'left' : 'right', false);
        return;
      case 'Home':
      case 'End':
        e.preventDefault();
        a.moveTo(e.key === 'Home' ? 'home' : 'end');
        return;
      case 'Enter':
        e.preventDefault();
        if (a.activeEditable) a.startEditing('edit');
        else a.move(e.shiftKey ? 'up' : 'down', false);
        return;
      case 'F2':
        e.preventDefault();
        if (a.activeEditable) a.startEditing('edit');
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        if (a.activeEditable) a.clearCell();
        return;
      case 'Escape':
        a.clearTransient();
        return;
    }
    if (e.key.length === 1 && !e.altKey) {
      // A printable key starts editing over the cell; the input (empty while selected) then
      // receives the character by the browser's own default action.
      if (a.activeEditable && !a.activeToggle) a.startEditing('replace');
      else e.preventDefault();
    }
  };
}
