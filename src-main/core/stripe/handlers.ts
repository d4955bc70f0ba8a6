import type * as contract from '../../../src-shared/stripe/contract';
import type { HandlersFor } from '../router';
import { addRule, attribute, listRules, removeRule, stripeCustomers, unattributed } from './attribution';
import { connectCreate, connectLink, connectRefresh, connectView, flushOutbox } from './connect';
import { listMappings, setMapping } from './mappings';
import { stripeOp } from './op';
import { checkConnection, saveSettings, settingsView } from './settings';
import { statusView, syncLog } from './status';
import { syncCancel, syncStart, syncStep } from './sync';

export const stripeHandlers: HandlersFor<typeof contract> = {
  'stripe.getSettings': (_i, ctx) => settingsView(stripeOp(ctx)),
  'stripe.saveSettings': (i, ctx) => saveSettings(stripeOp(ctx), i),
  'stripe.checkConnection': (_i, ctx) => checkConnection(stripeOp(ctx)),
  'stripe.syncStart': (i, ctx) => syncStart(stripeOp(ctx), i),
  'stripe.syncStep': (_i, ctx) => syncStep(stripeOp(ctx)),
  'stripe.syncCancel': (_i, ctx) => syncCancel(stripeOp(ctx)),
  'stripe.syncLog': (i, ctx) => syncLog(stripeOp(ctx), i.limit),
  'stripe.status': (_i, ctx) => statusView(stripeOp(ctx)),
  'stripe.mappings': (_i, ctx) => listMappings(stripeOp(ctx)),
  'stripe.setMapping': (i, ctx) => setMapping(stripeOp(ctx), i),
  'stripe.rules': (_i, ctx) => listRules(stripeOp(ctx)),
  'stripe.addRule': (i, ctx) => addRule(stripeOp(ctx), i),
  'stripe.removeRule': (i, ctx) => removeRule(stripeOp(ctx), i.id),
  'stripe.unattributed': (i, ctx) => unattributed(stripeOp(ctx), i.limit),
  'stripe.attribute': (i, ctx) => attribute(stripeOp(ctx), i),
  'stripe.customers': (i, ctx) => stripeCustomers(stripeOp(ctx), i.limit),
  'stripe.connectGet': (i, ctx) => connectView(stripeOp(ctx), i.partnerId),
  'stripe.connectCreate': (i, ctx) => connectCreate(stripeOp(ctx), i.partnerId),
  'stripe.connectRefresh': (i, ctx) => connectRefresh(stripeOp(ctx), i.partnerId),
  'stripe.connectLink': (i, ctx) => connectLink(stripeOp(ctx), i.partnerId),
  'stripe.flushOutbox': (_i, ctx) => flushOutbox(stripeOp(ctx)),
};
