/**
 * The plan's own fields: title, case number, officer, report-back cadence; publishing; and its history
 * (every change, who and when), for the municipality and the evaluators.
 */
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { useResource } from '../../lib/useResource.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { fetchHistory, updatePlan, type ActionPlan, type Cadence } from './api/follow-up.ts';

const CADENCES: Cadence[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];
const AUDITED = ['create', 'update', 'publish', 'unpublish', 'add_item', 'update_item', 'delete_item', 'create_report_back', 'update_report_back'];

export function PlanSettings({ plan, onSaved }: { plan: ActionPlan; onSaved: (p: ActionPlan) => void }) {
  const t = useT();
  const [title, setTitle] = useState(plan.title);
  const [caseNumber, setCaseNumber] = useState(plan.caseNumber);
  const [officer, setOfficer] = useState(plan.officer);
  const [cadence, setCadence] = useState<Cadence>(plan.cadence);
  const [message, setMessage] = useState('');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    try {
      onSaved(await updatePlan(plan.id, { expectedVersion: plan.version, title, caseNumber, officer, cadence }));
      setMessage(t('plan.saved'));
    } catch (err) {
      setMessage(isApiError(err) ? err.detail : t('common.error'));
    }
  };
  if (!plan.canEdit) {
    return (
      <p>
        {t('plan.cadence')}: {t(`plan.cadence.${plan.cadence}` as MessageKey)}
      </p>
    );
  }
  return (
    <details className="plan-settings">
      <summary>{t('plan.settings')}</summary>
      <form className="inline-form" onSubmit={save} aria-label={t('plan.settingsForm')}>
        <label>
          {t('plan.planTitle')} <input value={title} size={40} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('plan.caseNumber')} <input value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} />
        </label>
        <label>
          {t('plan.officer')} <input value={officer} onChange={(e) => setOfficer(e.target.value)} />
        </label>
        <label>
          {t('plan.cadence')}
          <select value={cadence} onChange={(e) => setCadence(e.target.value as Cadence)}>
            {CADENCES.map((c) => (
              <option key={c} value={c}>
                {t(`plan.cadence.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button secondary small">
          {t('plan.saveSettings')}
        </button>
      </form>
      <p role="status">{message}</p>
    </details>
  );
}

export function PlanHistory({ plan }: { plan: ActionPlan }) {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const res = useResource(open ? `plan-history-${plan.id}-${plan.version}` : null, (signal) => fetchHistory(plan.id, signal));
  if (plan.publicView) return null;
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('plan.history')}</summary>
      {res.loading && <p>{t('common.loading')}</p>}
      <ol className="plan-history">
        {(res.data?.items ?? []).map((h) => (
          <li key={h.id}>
            {f.dateTime(h.at)} · {h.actor.name} · {AUDITED.includes(h.action) ? t(`plan.audit.${h.action}` as MessageKey) : h.action}
          </li>
        ))}
      </ol>
    </details>
  );
}
