import { REVENUE_CATEGORIES } from '../../../src-shared/commissions/plan';
import { isCurrencyCode } from '../../../src-shared/money/currency';
import { formatMinorPlain } from '../../../src-shared/money/format';
import { parseDecimalToMinor } from '../../../src-shared/money/parse';
import {
  CustomField,
  DraftCheck,
  DraftSelect,
  GroupError,
  PercentField,
  TextField,
  useDraft,
  WholeField,
} from './draftFields';
import { CATEGORY_LABELS, getAt, METRIC_LABELS, type Parsed, type PlanJson } from './planForm';

// The common fields of a commission plan (src-shared/commissions/plan.ts) as a form. Every
// other field — exclusions, product-line rates, caps, payability — is in the JSON beside it.

type Row = Record<string, unknown>;
const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

function amountParser(currency: unknown): (text: string) => Parsed<number> {
  return (text) => {
    const c = typeof currency === 'string' ? currency : '';
    if (!isCurrencyCode(c)) return { ok: false, message: 'Choose the currency first' };
    try {
      return { ok: true, value: parseDecimalToMinor(text, c) };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  };
}
function amountShower(currency: unknown): (v: unknown) => string {
  return (v) => (typeof v === 'number' && typeof currency === 'string' && isCurrencyCode(currency) ? formatMinorPlain(v, currency) : typeof v === 'number' ? String(v) : '');
}

function firstRate(body: PlanJson): number {
  const rate = body.rate as Row | undefined;
  if (!rate) return 0;
  if (typeof rate.rateBps === 'number') return rate.rateBps;
  const list = rows(rate.tiers ?? rate.steps);
  return typeof list[0]?.rateBps === 'number' ? (list[0].rateBps as number) : 0;
}

function RateSection() {
  const draft = useDraft();
  const rate = (draft.body.rate ?? {}) as Row;
  const kind = rate.kind;
  const switchKind = (next: string) => {
    const bps = firstRate(draft.body);
    const fresh =
      next === 'flat'
        ? { kind: 'flat', rateBps: bps }
        : next === 'tiered'
          ? { kind: 'tiered', metric: 'paying_clients_in_month', mode: 'whole_volume', thresholdCurrency: null, tiers: [{ from: 0, rateBps: bps, label: 'base tier' }] }
          : { kind: 'staggered', steps: [{ fromMonth: 1, rateBps: bps }] };
    draft.set(['rate'], fresh, { structural: true });
  };
  return (
    <fieldset className="com-fieldset">
      <legend>Rate</legend>
      <DraftSelect label="Rate kind" path={['rate', 'kind']} options={{ flat: 'One rate', tiered: 'Tiers on a metric', staggered: 'Staggered by month of the customer' }} onPick={switchKind} />
      {kind === 'flat' && <PercentField label="Rate (%)" path={['rate', 'rateBps']} hint="Stored in basis points: 15 % = 1500" />}
      {kind === 'tiered' && <TiersTable />}
      {kind === 'staggered' && <StepsTable />}
    </fieldset>
  );
}

function TiersTable() {
  const draft = useDraft();
  const rate = draft.body.rate as Row;
  const tiers = rows(rate.tiers);
  const money = rate.metric === 'referred_subscription_mrr_in_month';
  const currency = rate.thresholdCurrency;
  const pickMetric = (metric: string) => {
    const isMoney = metric === 'referred_subscription_mrr_in_month';
    draft.set(['rate'], { ...rate, metric, thresholdCurrency: isMoney ? (typeof currency === 'string' ? currency : 'USD') : null }, { structural: true });
  };
  return (
    <>
      <div className="com-form-grid">
        <DraftSelect label="Tier metric" path={['rate', 'metric']} options={METRIC_LABELS} onPick={pickMetric} />
        <DraftSelect label="Applied to" path={['rate', 'mode']} options={{ whole_volume: 'The whole volume of the month', graduated: 'Each slice of volume (graduated)' }} />
        {money && <TextField label="Threshold currency" path={['rate', 'thresholdCurrency']} hint="e.g. USD" />}
      </div>
      <table className="grid com-tiers" aria-label="Tiers">
        <thead>
          <tr>
            <th scope="col">From {money ? `(${typeof currency === 'string' ? currency : 'amount'})` : '(count)'}</th>
            <th scope="col">Rate (%)</th>
            <th scope="col">Label</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((_, i) => (
            <tr key={i}>
              <td>
                {money ? (
                  <CustomField label={`Tier ${i + 1} from`} path={['rate', 'tiers', i, 'from']} parse={amountParser(currency)} show={amountShower(currency)} />
                ) : (
                  <WholeField label={`Tier ${i + 1} from`} path={['rate', 'tiers', i, 'from']} what="the count where this tier starts" />
                )}
              </td>
              <td>
                <PercentField label={`Tier ${i + 1} rate (%)`} path={['rate', 'tiers', i, 'rateBps']} />
              </td>
              <td>
                <TextField label={`Tier ${i + 1} label`} path={['rate', 'tiers', i, 'label']} />
              </td>
              <td>
                <button type="button" onClick={() => draft.set(['rate', 'tiers', i], undefined, { structural: true })} disabled={tiers.length <= 1}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <GroupError path={['rate', 'tiers']} />
      <div>
        <button
          type="button"
          onClick={() => {
            const last = tiers.at(-1);
            const from = typeof last?.from === 'number' ? last.from + (money ? 100_00 : 1) : 0;
            draft.set(['rate', 'tiers'], [...tiers, { from, rateBps: typeof last?.rateBps === 'number' ? last.rateBps : 0, label: `tier ${tiers.length + 1}` }], { structural: true });
          }}
        >
          Add tier
        </button>
      </div>
    </>
  );
}

function StepsTable() {
  const draft = useDraft();
  const steps = rows((draft.body.rate as Row).steps);
  return (
    <>
      <table className="grid com-tiers" aria-label="Rate steps">
        <thead>
          <tr>
            <th scope="col">From month of the customer</th>
            <th scope="col">Rate (%)</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((_, i) => (
            <tr key={i}>
              <td>
                <WholeField label={`Step ${i + 1} from month`} path={['rate', 'steps', i, 'fromMonth']} min={1} what="the month the step starts" />
              </td>
              <td>
                <PercentField label={`Step ${i + 1} rate (%)`} path={['rate', 'steps', i, 'rateBps']} />
              </td>
              <td>
                <button type="button" onClick={() => draft.set(['rate', 'steps', i], undefined, { structural: true })} disabled={steps.length <= 1}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => {
          const last = steps.at(-1);
          draft.set(['rate', 'steps'], [...steps, { fromMonth: (typeof last?.fromMonth === 'number' ? last.fromMonth : 0) + 1, rateBps: typeof last?.rateBps === 'number' ? last.rateBps : 0 }], { structural: true });
        }}
      >
        Add step
      </button>
    </>
  );
}

function CategoriesSection() {
  const draft = useDraft();
  const chosen = new Set(rows(getAt(draft.body, ['base', 'categories'])) as unknown as string[]);
  return (
    <fieldset className="com-fieldset">
      <legend>Revenue counted</legend>
      <div className="com-checks" role="group" aria-label="Revenue categories counted">
        {REVENUE_CATEGORIES.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={chosen.has(c)}
              onChange={(e) => {
                const next = REVENUE_CATEGORIES.filter((x) => (x === c ? e.target.checked : chosen.has(x)));
                draft.set(['base', 'categories'], next);
              }}
            />
            {CATEGORY_LABELS[c]}
          </label>
        ))}
      </div>
      <GroupError path={['base', 'categories']} />
      <p className="muted com-note">The base is gross − discount of these lines; tax and credits are never part of it. Exclusions by product or price id are in the JSON.</p>
    </fieldset>
  );
}

function DurationSection() {
  const draft = useDraft();
  const duration = (draft.body.duration ?? {}) as Row;
  const pick = (kind: string) =>
    draft.set(['duration'], kind === 'lifetime' ? { kind } : kind === 'payments' ? { kind, count: 12 } : { kind, months: 12 }, { structural: true });
  return (
    <fieldset className="com-fieldset">
      <legend>Duration per customer</legend>
      <div className="com-form-grid">
        <DraftSelect label="Commission lasts" path={['duration', 'kind']} options={{ months_from_signup: 'N months from sign-up', payments: 'N payments', lifetime: 'For the customer’s lifetime' }} onPick={pick} />
        {duration.kind === 'months_from_signup' && <WholeField label="Duration in months" path={['duration', 'months']} min={1} what="a number of months" />}
        {duration.kind === 'payments' && <WholeField label="Duration in payments" path={['duration', 'count']} min={1} what="a number of payments" />}
      </div>
    </fieldset>
  );
}

function HoldingSection() {
  return (
    <fieldset className="com-fieldset">
      <legend>Holding period</legend>
      <div className="com-form-grid">
        <DraftSelect label="Held from" path={['holding', 'from']} options={{ payment: 'The payment', close: 'The account’s close' }} />
        <WholeField label="Held for months" path={['holding', 'months']} optional what="a number of months, or leave empty" />
        <WholeField label="Held for days" path={['holding', 'days']} optional what="a number of days, or leave empty" />
      </div>
      <DraftCheck label="Hold tiered entries until the month is over (its tier is final)" path={['holding', 'settleTiersAtMonthEnd']} />
    </fieldset>
  );
}

function PromotionSection() {
  const draft = useDraft();
  const promotion = draft.body.promotion as Row | null | undefined;
  return (
    <fieldset className="com-fieldset">
      <legend>Promotion</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={!!promotion}
          onChange={(e) =>
            draft.set(['promotion'], e.target.checked ? { firstApprovedPartners: 3, rateBps: 5000, endsOn: null, label: 'launch rate' } : null, { structural: true })
          }
        />
        A higher rate for the first approved partners
      </label>
      {promotion && (
        <div className="com-form-grid">
          <WholeField label="First N approved partners" path={['promotion', 'firstApprovedPartners']} min={1} what="how many partners get it" />
          <PercentField label="Promotion rate (%)" path={['promotion', 'rateBps']} />
          <TextField label="Promotion label" path={['promotion', 'label']} />
          <TextField label="Promotion ends on" path={['promotion', 'endsOn']} optional type="date" hint="Empty: no end" />
        </div>
      )}
    </fieldset>
  );
}

function MinimumPayoutSection() {
  const draft = useDraft();
  const list = rows(draft.body.minimumPayout);
  return (
    <fieldset className="com-fieldset">
      <legend>Minimum payout</legend>
      {list.length === 0 && <p className="muted com-note">No minimum: any payable balance can be paid out.</p>}
      {list.map((m, i) => (
        <div className="com-form-grid" key={i}>
          <TextField label={`Currency ${i + 1}`} path={['minimumPayout', i, 'currency']} />
          <CustomField label={`Minimum ${i + 1}`} path={['minimumPayout', i, 'minor']} parse={amountParser(m.currency)} show={amountShower(m.currency)} />
          <div className="com-buttons">
            <button type="button" onClick={() => draft.set(['minimumPayout', i], undefined, { structural: true })}>
              Remove
            </button>
          </div>
        </div>
      ))}
      <GroupError path={['minimumPayout']} />
      <div>
        <button type="button" onClick={() => draft.set(['minimumPayout'], [...list, { currency: 'EUR', minor: 50_00 }], { structural: true })}>
          Add a minimum
        </button>
      </div>
    </fieldset>
  );
}

/** The form half of the plan editor for a commission plan. */
export function CommissionPlanFields() {
  return (
    <div className="com-plan-fields">
      <RateSection />
      <CategoriesSection />
      <DurationSection />
      <HoldingSection />
      <PromotionSection />
      <MinimumPayoutSection />
    </div>
  );
}

