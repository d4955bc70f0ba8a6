import type * as contract from '../../../src-shared/referrals/contract';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../router';
import { requireSession } from '../session';
import { readSettings, resellerStatuses, writeSettings } from './activity';
import { attributeCustomer, createCustomerRecord, updateCustomerRecord } from './customers';
import { decideDisputeRecord, openDisputeRecord } from './disputes';
import { loseLeadRecord, qualifyLeadRecord, registerLeadRecord, winLeadRecord } from './leads';
import { findCustomers, findDisputes, findLeads, partnerOptions } from './repo';

const nowIso = (ctx: CoreContext) => ctx.now().toISOString();
const today = (ctx: CoreContext) => nowIso(ctx).slice(0, 10);
const sqliteOf = (ctx: CoreContext) => requireSession(ctx).open.sqlite;

export const referralsHandlers: HandlersFor<typeof contract> = {
  'referrals.listCustomers': (i, ctx) => findCustomers(sqliteOf(ctx), i),
  'referrals.createCustomer': (i, ctx) => createCustomerRecord(requireSession(ctx), i, nowIso(ctx)),
  'referrals.updateCustomer': (i, ctx) => updateCustomerRecord(requireSession(ctx), i, nowIso(ctx)),
  'referrals.attribute': (i, ctx) => attributeCustomer(requireSession(ctx), i, nowIso(ctx)),
  'referrals.partnerOptions': (_i, ctx) => partnerOptions(sqliteOf(ctx)),
  'referrals.listLeads': (i, ctx) => ({ rows: findLeads(sqliteOf(ctx), i) }),
  'referrals.registerLead': (i, ctx) => registerLeadRecord(requireSession(ctx), i, nowIso(ctx)),
  'referrals.qualifyLead': (i, ctx) => qualifyLeadRecord(requireSession(ctx), i, nowIso(ctx)),
  'referrals.winLead': (i, ctx) => winLeadRecord(requireSession(ctx), i, nowIso(ctx)),
  'referrals.loseLead': (i, ctx) => loseLeadRecord(requireSession(ctx), i, nowIso(ctx)),
  'referrals.listDisputes': (i, ctx) => ({ rows: findDisputes(sqliteOf(ctx), i) }),
  'referrals.openDispute': (i, ctx) => openDisputeRecord(requireSession(ctx), i, nowIso(ctx)),
  'referrals.decideDispute': (i, ctx) => decideDisputeRecord(requireSession(ctx), i, nowIso(ctx)),
  'referrals.getSettings': (_i, ctx) => readSettings(sqliteOf(ctx)),
  'referrals.setSettings': (i, ctx) => writeSettings(requireSession(ctx), i, nowIso(ctx)),
  'referrals.resellerStatus': (i, ctx) => resellerStatuses(sqliteOf(ctx), i.asOf ?? today(ctx), i.partnerId),
};
