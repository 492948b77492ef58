// `parkbrief parks | head -1`: once head has read its line it closes the pipe, and our next write
// fails with EPIPE. Node ignores SIGPIPE, so without a handler that EPIPE is an unhandled 'error'
// event — a stack trace and exit 1. Unix tools die of SIGPIPE there, quietly, and a shell with
// pipefail sees 128 + 13; we end the same way. Nothing is half-written: a store write is one
// transaction, and an export file is renamed into place only when complete.

import { constants } from 'node:os';

export const CLOSED_PIPE_EXIT = 128 + constants.signals.SIGPIPE;

export function endQuietlyOnClosedPipe(stream: NodeJS.WritableStream, exit: (code: number) => void): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    exit(CLOSED_PIPE_EXIT);
  });
}
