import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { CURRENCY_CODES } from '../../../src-shared/money/currency';
import type { FilterField, ReportInfo } from '../../../src-shared/reports/catalogue';
import type { Filters } from './reportsStore';

type Option = { id: string; label: string; group?: string };

/** Partners and programmes for the pickers, as the signed-in role may see them. */
function useOptions() {
  const canCommissions = useCan('commissions.read');
  const [partners, setPartners] = useState<Option[]>([]);
  const [programmes, setProgrammes] = useState<Option[]>([]);
  useEffect(() => {
    let live = true;
    if (canCommissions) {
      void api.commissionsPartners({ limit: 20_000 }).then((r) => live && r.ok && setPartners(r.value.rows.map((p) => ({ id: p.id, label: p.company, group: p.programme }))));
    } else {
      void api.partnersList({ limit: 1000 }).then((r) => live && r.ok && setPartners(r.value.rows.map((p) => ({ id: p.id, label: p.company, group: p.programme }))));
    }
    void api.partnersFilterOptions({}).then((r) => live && r.ok && setProgrammes(r.value.programmes.map((p) => ({ id: p.id, label: p.name }))));
    return () => {
      live = false;
    };
  }, [canCommissions]);
  return { partners, programmes };
}

function grouped(options: Option[]) {
  const groups = new Map<string, Option[]>();
  for (const o of options) groups.set(o.group ?? '', [...(groups.get(o.group ?? '') ?? []), o]);
  return [...groups].map(([group, list]) =>
    group ? (
      <optgroup key={group} label={group}>
        {list.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </optgroup>
    ) : (
      list.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))
    ),
  );
}

interface Props {
  info: ReportInfo;
  filters: Filters;
  errors: Record<string, string>;
  onChange(filters: Filters): void;
}

/** The report's filter fields, as its catalogue entry lists them; empty means "any". */
export function ReportFilters({ info, filters, errors, onChange }: Props) {
  const { partners, programmes } = useOptions();
  const set = (name: string, value: unknown) => {
    const next = { ...filters };
    if (value === '' || value === undefined || value === null) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  const field = (f: FilterField) => {
    const id = `report-${info.id}-${f.name}`;
    const value = filters[f.name];
    const text = value === undefined || value === null ? '' : String(value);
    const error = errors[`query.filters.${f.name}`];
    const any = f.required ? 'Choose…' : 'Any';
    switch (f.kind) {
      case 'partner':
        return (
          <SelectField key={f.name} id={id} name={id} label={f.label} value={text} error={error} onChange={(e) => set(f.name, e.target.value)}>
            <option value="">{f.required ? 'Choose a partner' : 'All partners'}</option>
            {grouped(partners)}
          </SelectField>
        );
      case 'programme':
        return (
          <SelectField key={f.name} id={id} name={id} label={f.label} value={text} error={error} onChange={(e) => set(f.name, e.target.value)}>
            <option value="">All programmes</option>
            {grouped(programmes)}
          </SelectField>
        );
      case 'currency':
        return (
          <SelectField key={f.name} id={id} name={id} label={f.label} value={text} error={error} onChange={(e) => set(f.name, e.target.value)}>
            <option value="">{f.name === 'thresholdCurrency' ? 'USD' : 'All currencies'}</option>
            {CURRENCY_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
        );
      case 'select':
        return (
          <SelectField key={f.name} id={id} name={id} label={f.label} value={text} error={error} onChange={(e) => set(f.name, e.target.value)}>
            <option value="">{any}</option>
            {f.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
        );
      case 'boolean':
        return (
          <label key={f.name} className="check rep-check">
            <input type="checkbox" checked={value === true} onChange={(e) => set(f.name, e.target.checked)} />
            {f.label}
          </label>
        );
      case 'period':
        return <Field key={f.name} id={id} name={id} label={f.label} type="month" value={text} error={error} onChange={(e) => set(f.name, e.target.value)} />;
      case 'date':
        return <Field key={f.name} id={id} name={id} label={f.label} type="date" value={text} error={error} onChange={(e) => set(f.name, e.target.value)} />;
      case 'year':
        return (
          <Field key={f.name} id={id} name={id} label={f.label} type="number" min={2000} max={2100} value={text} error={error} onChange={(e) => set(f.name, e.target.value ? Number(e.target.value) : '')} />
        );
      default:
        return <Field key={f.name} id={id} name={id} label={f.label} value={text} error={error} {...(f.hint ? { hint: f.hint } : {})} onChange={(e) => set(f.name, e.target.value)} />;
    }
  };
  if (info.filters.length === 0) return null;
  return (
    <form className="rep-filters" aria-label={`${info.title} filters`} onSubmit={(e) => e.preventDefault()}>
      {info.filters.map(field)}
      <button type="button" onClick={() => onChange(requiredOnly(info, filters))}>
        Clear filters
      </button>
    </form>
  );
}

/** Clearing keeps what the report cannot do without (a statement's partner and month, a year). */
const requiredOnly = (info: ReportInfo, filters: Filters): Filters =>
  Object.fromEntries(info.filters.filter((f) => f.required && filters[f.name] !== undefined).map((f) => [f.name, filters[f.name]]));
