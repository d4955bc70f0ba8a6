import { useEffect, useState, type ReactNode } from 'react';
import { Dialog as SharedDialog } from '../../components/Dialog';
import { api } from '../../api/client';
import type { PartnerOption } from '../../../src-shared/referrals/contract';
import './referrals.css';

// Small building blocks of the referrals screens: a modal dialog, select and text-area
// companions of components/Field.tsx (same label / hint / error layout), and labels.

export function Dialog({ title, onCancel, children }: { title: string; onCancel(): void; children: ReactNode }) {
  return (
    <SharedDialog title={title} onCancel={onCancel} className="ref-dialog referrals">
      {children}
    </SharedDialog>
  );
}

export const attributionLabel: Record<string, string> = {
  referral_link: 'Referral link',
  promo_code: 'Promo code',
  warm_intro: 'Warm introduction',
  integration: 'Integration',
  import: 'Import',
};

export const sourceLabel: Record<string, string> = { warm_intro: 'Warm intro', registration: 'Registration', referral_link: 'Referral link' };

export const badgeLabel: Record<string, string> = { active: 'active', at_risk: 'at risk', locked: 'locked 5y' };

/** Today in the person's own calendar, as YYYY-MM-DD (the default date of a new step). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Programmes and partners for filters and pickers, loaded once per screen. */
export function usePartnerOptions() {
  const [options, setOptions] = useState<{ programmes: Array<{ id: string; code: string; name: string }>; partners: PartnerOption[] }>({ programmes: [], partners: [] });
  useEffect(() => {
    let live = true;
    void api.referralsPartnerOptions({}).then((r) => live && r.ok && setOptions(r.value));
    return () => {
      live = false;
    };
  }, []);
  return options;
}

export function PartnerSelectOptions({ partners }: { partners: PartnerOption[] }) {
  const byProgramme = new Map<string, PartnerOption[]>();
  for (const p of partners) byProgramme.set(p.programmeName, [...(byProgramme.get(p.programmeName) ?? []), p]);
  return (
    <>
      {[...byProgramme].map(([programme, list]) => (
        <optgroup key={programme} label={programme}>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.company}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** "Nothing yet" row for an empty table. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="muted">
        {children}
      </td>
    </tr>
  );
}
