import { Link } from 'react-router-dom';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import type { EvaluationStatus } from '../../../lib/types.ts';
import { fieldIdForFact, type FactsDraft, type FactsKey } from '../draft.ts';
import { MarkdownEditor } from './MarkdownEditor.tsx';

export interface FactsFormProps {
  facts: FactsDraft;
  /** Shown, not edited: status changes go through the evaluation page's workflow panel (rules and confirmation). */
  status: EvaluationStatus;
  evaluationHref: string;
  errors: Record<string, string>;
  onChange: (facts: FactsDraft) => void;
}

export function FactsForm({ facts, status, evaluationHref, errors, onChange }: FactsFormProps) {
  const t = useT();
  const set = <K extends FactsKey>(key: K, value: FactsDraft[K]) => onChange({ ...facts, [key]: value });
  const text = (key: 'year' | 'month' | 'reportDate' | 'ordinal' | 'interviews' | 'statedTotal', label: string, opts: { hint?: string; inputMode?: 'numeric' | 'decimal'; placeholder?: string } = {}) => {
    const id = fieldIdForFact(key);
    const error = errors[id];
    const described = [opts.hint ? `${id}-hint` : '', error ? `${id}-fel` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {opts.hint && (
          <p className="hint" id={`${id}-hint`}>
            {opts.hint}
          </p>
        )}
        <input
          id={id}
          type="text"
          inputMode={opts.inputMode}
          placeholder={opts.placeholder}
          value={facts[key]}
          onChange={(e) => set(key, e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
        {error && (
          <p className="field-error" id={`${id}-fel`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  const evaluators = facts.evaluators;
  const setEvaluator = (i: number, patch: Partial<FactsDraft['evaluators'][number]>) =>
    set(
      'evaluators',
      evaluators.map((e, j) => (j === i ? { ...e, ...patch } : e)),
    );
  return (
    <div data-testid="facts-form">
      <fieldset>
        <legend>{t('eval.facts')}</legend>
        <div className="form-row">
          {text('year', t('common.year'), { inputMode: 'numeric' })}
          {text('month', t('edit.month'), { inputMode: 'numeric', hint: '1–12' })}
          {text('reportDate', t('edit.reportDate'), { hint: t('edit.dateHint'), placeholder: '2020-12-08' })}
          {text('ordinal', t('edit.ordinal'), { inputMode: 'numeric' })}
          {text('interviews', t('edit.interviews'), { inputMode: 'numeric' })}
          <div className="field">
            <span className="label" aria-hidden="true">
              &nbsp;
            </span>
            <label className="checkbox">
              <input type="checkbox" checked={facts.interviewsApprox} onChange={(e) => set('interviewsApprox', e.target.checked)} id={fieldIdForFact('interviewsApprox')} />
              {t('edit.interviewsApprox')}
            </label>
          </div>
        </div>
        {text('statedTotal', t('edit.statedTotal'), { inputMode: 'decimal', hint: t('edit.statedTotalHint') })}
        <p className="small" data-testid="facts-status">
          {t('common.status')}: <StatusBadge status={status} /> {t('edit.statusNote')} <Link to={evaluationHref}>{t('edit.statusNoteLink')}</Link>
        </p>
      </fieldset>

      <fieldset>
        <legend>{t('edit.evaluators')}</legend>
        {evaluators.map((e, i) => {
          const nameId = `utvarderare-${i}-namn`;
          const error = errors[nameId];
          return (
            <div className="evaluator-row" key={i}>
              <div className="field">
                <label htmlFor={nameId}>{t('edit.evaluatorName')}</label>
                <input
                  id={nameId}
                  type="text"
                  value={e.name}
                  onChange={(ev) => setEvaluator(i, { name: ev.target.value })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${nameId}-fel` : undefined}
                />
                {error && (
                  <p className="field-error" id={`${nameId}-fel`}>
                    {error}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`utvarderare-${i}-org`}>{t('edit.evaluatorOrg')}</label>
                <input id={`utvarderare-${i}-org`} type="text" value={e.organisation} onChange={(ev) => setEvaluator(i, { organisation: ev.target.value })} />
              </div>
              <label className="checkbox">
                <input type="checkbox" checked={e.isLead} onChange={(ev) => setEvaluator(i, { isLead: ev.target.checked })} />
                {t('edit.evaluatorLead')}
              </label>
              <button
                type="button"
                className="icon-button"
                aria-label={t('edit.removeEvaluator', { n: i + 1 })}
                title={t('common.remove')}
                onClick={() => set('evaluators', evaluators.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          );
        })}
        <p>
          <button type="button" className="button secondary small" onClick={() => set('evaluators', [...evaluators, { name: '', organisation: '', isLead: evaluators.length === 0 }])}>
            + {t('edit.addEvaluator')}
          </button>
        </p>
      </fieldset>

      <MarkdownEditor id={fieldIdForFact('summary')} label={t('edit.summary')} value={facts.summary} onChange={(v) => set('summary', v)} rows={8} />
    </div>
  );
}
