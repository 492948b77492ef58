import type { ExportResult } from '../shared/contract.ts';
import { writeFileAtomic } from '../core/files/write-file-atomic.ts';
import type { Host, OutgoingFile } from '../core/host.ts';

/**
 * The CLI's Host: where the app asks in a save dialog, a command has said --out. The file is
 * written atomically there, and kept for the command to report what it wrote.
 */
export class OutFileHost implements Host {
  readonly path: string;
  written: OutgoingFile | null = null;

  constructor(path: string) {
    this.path = path;
  }

  async deliver(file: OutgoingFile): Promise<ExportResult> {
    writeFileAtomic(this.path, file.bytes);
    this.written = file;
    return { status: 'saved', path: this.path, fileName: file.fileName };
  }

  /** A terminal has no program to open a file in. */
  async openFile(): Promise<boolean> {
    return false;
  }
}
