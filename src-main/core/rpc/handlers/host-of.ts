import { AppError } from '../../../shared/errors.ts';
import type { CoreContext } from '../../context.ts';
import type { Host } from '../../host.ts';

/** The transport's way to hand a file to the user; a context without one cannot export. */
export function hostOf(ctx: CoreContext): Host {
  if (!ctx.host) throw new AppError('INTERNAL', { detail: 'no host to deliver files' });
  return ctx.host;
}
