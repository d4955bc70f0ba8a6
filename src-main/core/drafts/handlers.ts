import type * as contract from '../../../src-shared/drafts/contract';
import type { HandlersFor } from '../router';
import * as drafts from './service';

const op = drafts.draftOp;

export const draftsHandlers: HandlersFor<typeof contract> = {
  'drafts.list': (i, ctx) => drafts.list(op(ctx), i),
  'drafts.get': (i, ctx) => drafts.get(op(ctx), i),
  'drafts.register': (i, ctx) => drafts.register(op(ctx), i),
  'drafts.resubmit': (i, ctx) => drafts.resubmit(op(ctx), i),
  'drafts.withdraw': (i, ctx) => drafts.withdraw(op(ctx), i),
  'drafts.assign': (i, ctx) => drafts.assign(op(ctx), i),
  'drafts.startReview': (i, ctx) => drafts.startReview(op(ctx), i),
  'drafts.decide': (i, ctx) => drafts.decide(op(ctx), i),
  'drafts.comment': (i, ctx) => drafts.comment(op(ctx), i),
  'drafts.settings': (_i, ctx) => drafts.settings(op(ctx)),
  'drafts.saveSettings': (i, ctx) => drafts.saveSettings(op(ctx), i),
  'drafts.library': (i, ctx) => drafts.library(op(ctx), i),
  'drafts.certificate': (i, ctx) => drafts.certificate(op(ctx), i),
};
