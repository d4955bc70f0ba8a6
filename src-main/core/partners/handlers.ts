import type * as contract from '../../../src-shared/partners/contract';
import type { HandlersFor } from '../router';
import { uploadPartnerAttachment, readPartnerAttachment, removePartnerAttachment } from './attachments';
import { addPartnerContact, removePartnerContact, updatePartnerContact } from './contacts';
import { addPartnerExtra, removePartnerExtra } from './extras';
import { listFilterOptions, listPartners } from './list';
import { setStep } from './onboarding';
import { partnerOp } from './op';
import { createPartner, getPartner, setPartnerSetup, updatePartner } from './service';
import { deleteSavedView, listSavedViews, saveSavedView } from './views';

export const partnersHandlers: HandlersFor<typeof contract> = {
  'partners.list': (i, ctx) => listPartners(partnerOp(ctx).session.open.sqlite, i),
  'partners.filterOptions': (_i, ctx) => listFilterOptions(partnerOp(ctx).session.open.sqlite),
  'partners.listViews': (_i, ctx) => listSavedViews(partnerOp(ctx)),
  'partners.saveView': (i, ctx) => saveSavedView(partnerOp(ctx), i),
  'partners.deleteView': (i, ctx) => deleteSavedView(partnerOp(ctx), i),
  'partners.get': (i, ctx) => getPartner(partnerOp(ctx), i.id),
  'partners.create': (i, ctx) => createPartner(partnerOp(ctx), i),
  'partners.update': (i, ctx) => updatePartner(partnerOp(ctx), i),
  'partners.setSetup': (i, ctx) => setPartnerSetup(partnerOp(ctx), i),
  'partners.setOnboardingStep': (i, ctx) => setStep(partnerOp(ctx), i),
  'partners.addContact': (i, ctx) => addPartnerContact(partnerOp(ctx), i),
  'partners.updateContact': (i, ctx) => updatePartnerContact(partnerOp(ctx), i),
  'partners.removeContact': (i, ctx) => removePartnerContact(partnerOp(ctx), i),
  'partners.addExtra': (i, ctx) => addPartnerExtra(partnerOp(ctx), i),
  'partners.removeExtra': (i, ctx) => removePartnerExtra(partnerOp(ctx), i),
  'partners.uploadAttachment': (i, ctx) => uploadPartnerAttachment(partnerOp(ctx), i),
  'partners.getAttachment': (i, ctx) => readPartnerAttachment(partnerOp(ctx), i),
  'partners.removeAttachment': (i, ctx) => removePartnerAttachment(partnerOp(ctx), i),
};
