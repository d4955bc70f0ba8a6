import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';

export type CommissionPartner = {
  id: string;
  company: string;
  programme: string;
  programmeCode: string;
  format: string;
  status: string;
  planId: string | null;
  planCode: string | null;
  commissionRateBps: number | null;
};

/** Partners with the plan each has, for the pickers of the commission screens. */
export function usePartners() {
  const [partners, setPartners] = useState<CommissionPartner[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void api.commissionsPartners({ limit: 20_000 }).then((r) => live && r.ok && setPartners(r.value.rows));
    return () => {
      live = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { partners, reload };
}

/** <option>s of every partner, grouped by programme. */
export function PartnerOptions({ partners, showPlan = false }: { partners: CommissionPartner[]; showPlan?: boolean }) {
  const byProgramme = new Map<string, CommissionPartner[]>();
  for (const p of partners) byProgramme.set(p.programme, [...(byProgramme.get(p.programme) ?? []), p]);
  return (
    <>
      {[...byProgramme].map(([programme, list]) => (
        <optgroup key={programme} label={programme}>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.company}
              {showPlan ? ` — ${p.planCode ?? 'no plan'}` : ''}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
