import type * as contract from '../../../src-shared/imports/contract';
import type { HandlersFor } from '../router';
import { requireSession } from '../session';
import { commitImport, previewImport } from './service';

export const importsHandlers: HandlersFor<typeof contract> = {
  'imports.preview': (i, ctx) => previewImport(requireSession(ctx), i, ctx.now().toISOString()),
  'imports.commit': (i, ctx) => commitImport(requireSession(ctx), i, ctx.now().toISOString()),
};
