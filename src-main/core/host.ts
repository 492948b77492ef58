import type { ExportResult } from '../shared/contract.ts';

/** A finished export, ready to hand to the user. */
export interface OutgoingFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
  /** What the file holds, for a host that reports it (the command line prints "2 篇", "3 个工作表"). */
  documents?: number;
  sheets?: number;
}

/**
 * What only the surrounding program can do: ask the user where to save, or hand a file to the
 * browser. Electron implements it with a save dialog and an atomic write, browser mode with a
 * one-time download link; the core stays the same for both.
 */
export interface Host {
  deliver(file: OutgoingFile): Promise<ExportResult>;
  /** The window's pages as a PDF, printed with its print styles (A4, the page's own margins); absent where the host has no window to print. */
  printToPdf?(): Promise<Buffer>;
  /** Opens a file this host delivered in the system's program for it; false when it cannot. */
  openFile(path: string): Promise<boolean>;
}
