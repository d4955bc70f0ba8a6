import { percentText, promoSlotsText } from '../../../src-shared/applications/rules';
import type { ProgrammeSlots } from '../../../src-shared/applications/contract';

/** Seed 003: "Only 3 seats left" — the slots still free, per programme with a promotion. */
export function SlotsBanner({ programmes }: { programmes: ProgrammeSlots[] }) {
  const withPromotion = programmes.filter((p) => p.promoSlotCapacity > 0);
  if (withPromotion.length === 0) return null;
  return (
    <ul className="slots-banner" aria-label="Promotion slots">
      {withPromotion.map((p) => (
        <li key={p.id} data-testid={`promo-slots-${p.code}`} className={p.slotsLeft === 0 ? 'slots-none' : undefined}>
          <strong>{p.name}:</strong> <span className="slots-left">{promoSlotsText(p.slotsLeft, p.promoSlotCapacity)}</span>
          <span className="muted">
            {' '}
            — {p.promoRateBps !== null ? percentText(p.promoRateBps) : ''} for the first {p.promoSlotCapacity} approved
            {p.standardRateBps !== null ? `, then the standard ${percentText(p.standardRateBps)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
