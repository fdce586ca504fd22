import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { hasRole, type AuditEntry } from '../../../shared/auth.js';
import { FormField } from '../components/form-field.js';
import { auditPage, datesProblem, type AuditFilters } from '../lib/audit-api.js';
import { auditActionChoices, auditSentence, namesFromEntries, personName, SOURCE_WORDS } from '../lib/audit-words.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { currentUser } from '../lib/session.js';
import { staffApi } from '../lib/staff-api.js';
import { formatDateTime } from '../lib/time.js';
import './manage.css';

const NO_FILTERS: AuditFilters = { action: '', actor: '', from: '', to: '' };

type Loaded = { garageId: number; entries: AuditEntry[]; nextBefore: number | null };

/**
 * Managers: who did what in the garage on screen, newest first, in words with the time on the
 * garage's clock; filtered by action, person and dates (the garage's days), older entries a page at
 * a time. Admins see staff by name (their accounts list); managers by the names the log tells.
 */
export function AuditScreen() {
  const garageId = currentGarageId.value;
  const user = currentUser.value;
  const admin = user !== null && hasRole(user.role, 'admin');
  const draft = useSignal<AuditFilters>(NO_FILTERS);
  const applied = useSignal<AuditFilters>(NO_FILTERS);
  const dateIssues = useSignal<Partial<Record<'from' | 'to', string>>>({});
  const loaded = useSignal<Loaded | null>(null);
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);
  const staffNames = useSignal<ReadonlyMap<string, string>>(new Map());
  // The names the log has told while on this screen (kept across filters, so a filtered page still names people).
  const learned = useSignal<ReadonlyMap<string, string>>(new Map());
  const tz = garageTimeZone.value;

  async function load(filters: AuditFilters, before?: number) {
    if (garageId === null) return;
    busy.value = true;
    problem.value = null;
    try {
      const page = await auditPage(garageId, filters, tz, before);
      if (garageId !== currentGarageId.value) return;
      const earlier = before !== undefined && loaded.value ? loaded.value.entries : [];
      learned.value = new Map([...learned.value, ...namesFromEntries(page.entries)]);
      loaded.value = { garageId, entries: [...earlier, ...page.entries], nextBefore: page.nextBefore };
    } catch (failure) {
      problem.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  useEffect(() => {
    loaded.value = null;
    void load(applied.value);
  }, [garageId]);

  // Admins may list the staff accounts: each person by name. Without the list, the log's own names serve.
  useEffect(() => {
    if (!admin) return;
    staffApi.list().then(
      (users) => (staffNames.value = new Map(users.map((u) => [`user:${u.id}`, u.username]))),
      (failure: unknown) => console.warn('the staff names could not be listed; the audit shows account numbers', failure),
    );
  }, [admin]);

  function show(event: Event) {
    event.preventDefault();
    const found = datesProblem(draft.value);
    dateIssues.value = found;
    if (Object.keys(found).length > 0) return;
    applied.value = draft.value;
    loaded.value = null;
    void load(applied.value);
  }

  function clear() {
    draft.value = NO_FILTERS;
    dateIssues.value = {};
    applied.value = NO_FILTERS;
    loaded.value = null;
    void load(NO_FILTERS);
  }

  const l = loaded.value && loaded.value.garageId === garageId ? loaded.value : null;
  const names = new Map([...learned.value, ...staffNames.value]);
  // Everyone the phone can name, and everyone in the entries shown: the person filter's choices.
  const actors = new Set([...names.keys(), ...(l?.entries.map((e) => e.actor) ?? []), 'system']);
  if (draft.value.actor) actors.add(draft.value.actor);
  const people = [...actors].map((actor) => ({ actor, name: personName(actor, names) })).sort((a, b) => a.name.localeCompare(b.name));
  const d = draft.value;
  const set = (change: Partial<AuditFilters>) => (draft.value = { ...draft.value, ...change });
  const filtered = Object.values(applied.value).some((v) => v !== '');

  return (
    <main id="main" class="screen manage audit">
      <h1>Audit</h1>
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
      <form onSubmit={show} noValidate aria-label="Audit filters">
        <div class="field">
          <label for="audit-action">Action</label>
          <select id="audit-action" value={d.action} onChange={(e) => set({ action: e.currentTarget.value })}>
            <option value="">Any action</option>
            {auditActionChoices.map((c) => (
              <option key={c.action} value={c.action}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-person">Person</label>
          <select id="audit-person" value={d.actor} onChange={(e) => set({ actor: e.currentTarget.value })}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.actor} value={p.actor}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="pair-dates">
          <FormField id="audit-from" label="From" type="date" value={d.from} issue={dateIssues.value.from} onValue={(v) => set({ from: v })} />
          <FormField id="audit-to" label="To" type="date" value={d.to} issue={dateIssues.value.to} onValue={(v) => set({ to: v })} />
        </div>
        <p class="muted small">Dates are the garage's days ({tz}); both included.</p>
        <div class="row">
          <button type="submit" class="button button-primary" disabled={busy.value}>
            Show entries
          </button>
          <button type="button" class="button" disabled={busy.value} onClick={clear}>
            Clear filters
          </button>
        </div>
      </form>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {l ? (
        l.entries.length === 0 ? (
          <p data-testid="audit-empty">{filtered ? 'No entries match these filters.' : 'Nothing recorded yet.'}</p>
        ) : (
          <ul class="manage-list" data-testid="audit-list">
            {l.entries.map((e) => (
              <li key={e.id}>
                <time class="audit-when" dateTime={e.at}>
                  {formatDateTime(e.at, tz, garageLocale.value)} · {SOURCE_WORDS[e.source]}
                </time>
                <span data-testid="audit-entry">{auditSentence(e, names)}</span>
              </li>
            ))}
          </ul>
        )
      ) : (
        !problem.value && <p role="status">Loading the audit log…</p>
      )}
      {l && l.nextBefore !== null && (
        <button type="button" class="button" disabled={busy.value} onClick={() => void load(applied.value, l.nextBefore ?? undefined)}>
          {busy.value ? 'Loading…' : 'Show older'}
        </button>
      )}
      {l && l.nextBefore === null && l.entries.length > 0 && <p class="muted small">That is the oldest entry{filtered ? ' matching these filters' : ''}.</p>}
    </main>
  );
}
