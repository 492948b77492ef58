// Choosing a file to read (a table to import, an article): our own button, in the UI's language —
// the browser's file button speaks the browser's — and a zone a file can be dropped on, taken like
// a picked one. One picker for every dialog that reads a user's file; its button alone
// (PickFileButton) for the places that read a file without a dialog (a photo, the catalogue workbook).
import { useRef, useState, type ReactNode } from 'react';
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
      <PickFileButton accept={accept} onFile={onFile} inputTestId={`${testId}-file`} testId={`${testId}-pick`} describedBy={describedBy}>
        {pickLabel}
      </PickFileButton>
      {file || noFile ? (
        <span className={file ? 'file-chosen' : 'file-chosen muted'} data-testid={`${testId}-chosen`}>
          {file ? chosenText(file.name, sizeText(file.size)) : noFile}
        </span>
      ) : null}
    </div>
  );
}

/**
 * A button that opens the system's file chooser. The input it drives stays hidden: the browser's own
 * file button speaks the browser's language, not the UI's. Picking the same file again (after fixing
 * it) is a new choice.
 */
export function PickFileButton(props: { accept: string; onFile(f: File): void; inputTestId: string; testId?: string; className?: string; disabled?: boolean; describedBy?: string; inputId?: string; children: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        id={props.inputId}
        type="file"
        tabIndex={-1}
        aria-hidden="true"
        className="file-input"
        data-testid={props.inputTestId}
        accept={props.accept}
        onChange={(e) => {
          const f = e.target.files?.[0] ?? null;
          e.target.value = '';
          if (f) props.onFile(f);
        }}
      />
      <button type="button" className={props.className} data-testid={props.testId} disabled={props.disabled} aria-describedby={props.describedBy} onClick={() => input.current?.click()}>
        {props.children}
      </button>
    </>
  );
}
