// Choosing a file to read (a table to import, an article): our own button, in the UI's language —
// the browser's file button speaks the browser's — and a zone a file can be dropped on, taken like
// a picked one. One picker for every dialog that reads a user's file.
import { useRef, useState } from 'react';
import { sizeText } from '../tables/place.ts';
import './file-picker.css';

export interface FilePickerProps {
  /** The input's accept attribute (extensions and MIME types). */
  accept: string;
  file: File | null;
  onFile(f: File): void;
  /** Test ids of the input, the button and the chosen file's line: `${testId}-file` … */
  testId: string;
  /** The zone's accessible name, the button's label and what is said before a file is chosen. */
  label: string;
  pickLabel: string;
  /** The chosen file as the dialog words it; null says `noFile` (or nothing). */
  chosenText(name: string, size: string): string;
  noFile?: string;
  describedBy?: string;
}

export function FilePicker({ accept, file, onFile, testId, label, pickLabel, chosenText, noFile, describedBy }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={dragging ? 'file-drop dragging' : 'file-drop'}
      role="group"
      aria-label={label}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const f = e.dataTransfer.files[0];
        if (f) onFile(f);
      }}
    >
      <input
        ref={input}
        type="file"
        tabIndex={-1}
        aria-hidden="true"
        className="file-input"
        data-testid={`${testId}-file`}
        accept={accept}
        onChange={(e) => {
          const f = e.target.files?.[0] ?? null;
          e.target.value = ''; // picking the same file again (after fixing it) is a new choice
          if (f) onFile(f);
        }}
      />
      <button type="button" data-testid={`${testId}-pick`} aria-describedby={describedBy} onClick={() => input.current?.click()}>
        {pickLabel}
      </button>
      {file || noFile ? (
        <span className={file ? 'file-chosen' : 'file-chosen muted'} data-testid={`${testId}-chosen`}>
          {file ? chosenText(file.name, sizeText(file.size)) : noFile}
        </span>
      ) : null}
    </div>
  );
}
