import type { ComponentChildren, TargetedEvent } from 'preact';
import { VEHICLE_TYPES, type VehicleType } from '../../../shared/vehicle-type.js';
import { inputIdOf, newBand, newEvent, newSpecial, type BandRow, type EventRow, type PlanIssues, type RatesByType, type SpecialRow } from '../lib/rate-plan-form.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

type FieldProps = {
  /** The API's path of this part of the plan: its issue, and its input's id. */
  path: string;
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  issues: PlanIssues;
  type?: 'text' | 'time' | 'datetime-local';
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
};

/** One input of the plan with its hint, or what is wrong with it (the phone's check or the server's 400) right under it. */
export function PlanField({ path, label, hint, value, onValue, issues, type = 'text', inputMode, placeholder }: FieldProps) {
  const id = inputIdOf(path);
  const issue = issues[path];
  const common = {
    autocomplete: 'off',
    'aria-invalid': issue ? ('true' as const) : undefined,
    'aria-describedby': issue || hint ? `${id}-hint` : undefined,
    value,
    onInput: (e: TargetedEvent<HTMLInputElement>) => onValue(e.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {type === 'text' ? (
        <input id={id} type="text" inputMode={inputMode} maxLength={40} placeholder={placeholder} {...common} />
      ) : (
        <input id={id} type={type} {...common} />
      )}
      {(issue || hint) && (
        <p id={`${id}-hint`} class={issue ? 'error' : 'muted small'}>
          {issue ?? hint}
        </p>
      )}
    </div>
  );
}

/** What is wrong with a whole row or list (bands overlapping, no weekday), when the rules say so. */
export function Problem({ issues, path }: { issues: PlanIssues; path: string }) {
  const issue = issues[path];
  return issue ? (
    <p class="error" data-testid={`issue-${path}`}>
      {issue}
    </p>
  ) : null;
}

/** An hourly rate per vehicle type, each empty for "the rate above". */
export function VehicleRateFields({ path, rates, onRates, issues, of }: { path: string; rates: RatesByType; onRates: (r: RatesByType) => void; issues: PlanIssues; of: string }) {
  return (
    <div class="pair">
      {VEHICLE_TYPES.map((t) => (
        <PlanField
          key={t}
          path={`${path}.${t}`}
          label={`${t} ($/h)`}
          placeholder={of}
          inputMode="decimal"
          value={rates[t]}
          onValue={(v) => onRates({ ...rates, [t]: v })}
          issues={issues}
        />
      ))}
    </div>
  );
}

/** A list of rows, each in its own group with Remove, and Add under it. */
function Rows<Row extends { key: string }>(props: {
  title: string;
  path: string;
  rows: Row[];
  onRows: (rows: Row[]) => void;
  add: () => Row;
  addLabel: string;
  rowName: (i: number) => string;
  issues: PlanIssues;
  children: (row: Row, i: number, set: (patch: Partial<Row>) => void) => ComponentChildren;
}) {
  const { title, path, rows, onRows, add, addLabel, rowName, issues, children } = props;
  return (
    <section aria-labelledby={`${path}-title`}>
      <h2 id={`${path}-title`}>{title}</h2>
      <Problem issues={issues} path={path} />
      {rows.map((row, i) => (
        <fieldset key={row.key} class="quote">
          <legend>{rowName(i)}</legend>
          {children(row, i, (patch) => onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))))}
          <Problem issues={issues} path={`${path}.${i}`} />
          <button type="button" class="button" onClick={() => onRows(rows.filter((_, j) => j !== i))}>
            Remove {rowName(i).toLowerCase()}
          </button>
        </fieldset>
      ))}
      <button type="button" class="button" onClick={() => onRows([...rows, add()])}>
        {addLabel}
      </button>
    </section>
  );
}

/** Time bands: hours starting between two clock times pay another rate (night rates). */
export function BandRows({ rows, onRows, issues }: { rows: BandRow[]; onRows: (rows: BandRow[]) => void; issues: PlanIssues }) {
  return (
    <Rows title="Time bands" path="bands" rows={rows} onRows={onRows} add={newBand} addLabel="Add a time band" rowName={(i) => `Time band ${i + 1}`} issues={issues}>
      {(b, i, set) => (
        <>
          <PlanField path={`bands.${i}.name`} label="Name" placeholder="e.g. Night" value={b.name} onValue={(name) => set({ name })} issues={issues} />
          <div class="pair">
            <PlanField path={`bands.${i}.from`} label="From" type="time" value={b.from} onValue={(from) => set({ from })} issues={issues} />
            <PlanField path={`bands.${i}.to`} label="To" type="time" value={b.to} onValue={(to) => set({ to })} issues={issues} />
          </div>
          <PlanField
            path={`bands.${i}.hourlyRate`}
            label="Hourly rate ($)"
            hint="Each hour that starts in this band pays this; past midnight when To is before From"
            inputMode="decimal"
            value={b.hourlyRate}
            onValue={(hourlyRate) => set({ hourlyRate })}
            issues={issues}
          />
          <details>
            <summary>Rates by vehicle type in this band</summary>
            <VehicleRateFields path={`bands.${i}.vehicleRates`} rates={b.vehicleRates} onRates={(vehicleRates) => set({ vehicleRates })} issues={issues} of="band rate" />
          </details>
        </>
      )}
    </Rows>
  );
}

/** Toggles for a set of values (weekdays, vehicle types), as big buttons that behave as checkboxes. */
function Toggles<T extends string | number>({ legend, options, chosen, onChosen, labelOf }: { legend: string; options: readonly T[]; chosen: T[]; onChosen: (c: T[]) => void; labelOf: (o: T) => string }) {
  return (
    <fieldset class="choices">
      <legend>{legend}</legend>
      {options.map((o) => {
        const on = chosen.includes(o);
        return (
          <label key={o} class={`choice${on ? ' chosen' : ''}`}>
            <input type="checkbox" checked={on} onChange={() => onChosen(on ? chosen.filter((c) => c !== o) : [...chosen, o])} />
            {labelOf(o)}
          </label>
        );
      })}
    </fieldset>
  );
}

/** Specials: a flat price for coming in inside a window on some weekdays and leaving by a time (early bird, evening). */
export function SpecialRows({ rows, onRows, issues }: { rows: SpecialRow[]; onRows: (rows: SpecialRow[]) => void; issues: PlanIssues }) {
  return (
    <Rows title="Specials" path="specials" rows={rows} onRows={onRows} add={newSpecial} addLabel="Add a special" rowName={(i) => `Special ${i + 1}`} issues={issues}>
      {(s, i, set) => (
        <>
          <PlanField path={`specials.${i}.name`} label="Name" placeholder="e.g. Early bird" value={s.name} onValue={(name) => set({ name })} issues={issues} />
          <div class="pair">
            <PlanField path={`specials.${i}.entryFrom`} label="In from" type="time" value={s.entryFrom} onValue={(entryFrom) => set({ entryFrom })} issues={issues} />
            <PlanField path={`specials.${i}.entryTo`} label="In before" type="time" value={s.entryTo} onValue={(entryTo) => set({ entryTo })} issues={issues} />
          </div>
          <PlanField path={`specials.${i}.exitBy`} label="Out by" type="time" hint="The first time this clock time comes after the entry" value={s.exitBy} onValue={(exitBy) => set({ exitBy })} issues={issues} />
          <Toggles legend="Days of the entry" options={[1, 2, 3, 4, 5, 6, 7]} chosen={s.weekdays} onChosen={(weekdays) => set({ weekdays })} labelOf={(d) => WEEKDAYS[d - 1]!} />
          <Problem issues={issues} path={`specials.${i}.weekdays`} />
          <PlanField path={`specials.${i}.priceCents`} label="Price ($)" inputMode="decimal" value={s.price} onValue={(price) => set({ price })} issues={issues} />
          <Toggles<VehicleType>
            legend="Only for (none: every vehicle)"
            options={VEHICLE_TYPES}
            chosen={s.vehicleTypes}
            onChosen={(vehicleTypes) => set({ vehicleTypes })}
            labelOf={(t) => t}
          />
        </>
      )}
    </Rows>
  );
}

/** Event prices: a flat price for cars coming in between two dates and times on the garage's clock. */
export function EventRows({ rows, onRows, issues, timeZone, now }: { rows: EventRow[]; onRows: (rows: EventRow[]) => void; issues: PlanIssues; timeZone: string; now: () => Date }) {
  return (
    <Rows title="Events" path="events" rows={rows} onRows={onRows} add={() => newEvent(timeZone, now())} addLabel="Add an event" rowName={(i) => `Event ${i + 1}`} issues={issues}>
      {(e, i, set) => (
        <>
          <PlanField path={`events.${i}.name`} label="Name" placeholder="e.g. Concert" value={e.name} onValue={(name) => set({ name })} issues={issues} />
          <PlanField path={`events.${i}.from`} label="Cars in from" type="datetime-local" hint={`Garage time (${timeZone})`} value={e.from} onValue={(from) => set({ from })} issues={issues} />
          <PlanField path={`events.${i}.to`} label="Until" type="datetime-local" hint="At most 14 days after the start" value={e.to} onValue={(to) => set({ to })} issues={issues} />
          <PlanField path={`events.${i}.priceCents`} label="Price ($)" hint="Covers the first 24 hours" inputMode="decimal" value={e.price} onValue={(price) => set({ price })} issues={issues} />
        </>
      )}
    </Rows>
  );
}
