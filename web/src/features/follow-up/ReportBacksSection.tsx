/**
 * Report-backs of a plan: what is due, the ones made (DOCX and PDF, how many items changed since the
 * previous one, their texts editable afterwards) and a form for the next one: period, case number,
 * officer, decision proposal (one point per line), summary, next steps.
 */
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api.ts';
import { useResource } from '../../lib/useResource.ts';
import { useT } from '../../i18n/i18n.tsx';
import { createReportBack, fetchReportBacks, reportBackFile, updateReportBack, type ActionPlan, type ReportBackDetail } from './api/follow-up.ts';

const lines = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter(Boolean);

interface Texts {
  caseNumber: string;
  officer: string;
  proposal: string;
  summary: string;
  nextSteps: string;
}

function TextFields({ prefix, texts, onChange }: { prefix: string; texts: Texts; onChange: (t: Texts) => void }) {
  const t = useT();
  const id = (k: string) => `${prefix}-${k}`;
  return (
    <>
      <div className="inline-form">
        <label>
          {t('plan.caseNumber')} <input value={texts.caseNumber} onChange={(e) => onChange({ ...texts, caseNumber: e.target.value })} />
        </label>
        <label>
          {t('plan.officer')} <input value={texts.officer} onChange={(e) => onChange({ ...texts, officer: e.target.value })} />
        </label>
      </div>
      <label htmlFor={id('proposal')}>{t('plan.decisionProposal')}</label>
      <textarea id={id('proposal')} rows={3} value={texts.proposal} placeholder={t('plan.decisionHint')} onChange={(e) => onChange({ ...texts, proposal: e.target.value })} />
      <label htmlFor={id('summary')}>{t('plan.rbSummary')}</label>
      <textarea id={id('summary')} rows={3} value={texts.summary} onChange={(e) => onChange({ ...texts, summary: e.target.value })} />
      <label htmlFor={id('next')}>{t('plan.rbNextSteps')}</label>
      <textarea id={id('next')} rows={3} value={texts.nextSteps} onChange={(e) => onChange({ ...texts, nextSteps: e.target.value })} />
    </>
  );
}

function EditReportBack({ plan, rb, onSaved }: { plan: ActionPlan; rb: ReportBackDetail; onSaved: (msg: string) => void }) {
  const t = useT();
  const [texts, setTexts] = useState<Texts>({ caseNumber: rb.caseNumber, officer: rb.officer, proposal: rb.decisionProposal.join('\n'), summary: rb.summary, nextSteps: rb.nextSteps });
  const [error, setError] = useState('');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const proposal = lines(texts.proposal);
      await updateReportBack(plan.id, rb.number, { caseNumber: texts.caseNumber, officer: texts.officer, summary: texts.summary, nextSteps: texts.nextSteps, ...(proposal.length ? { decisionProposal: proposal } : {}) });
      onSaved(t('plan.reportBackSaved', { n: rb.number }));
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('common.error'));
    }
  };
  return (
    <details>
      <summary>{t('plan.editReportBack', { n: rb.number })}</summary>
      <form onSubmit={save} aria-label={t('plan.editReportBack', { n: rb.number })}>
        <TextFields prefix={`rb-${rb.number}`} texts={texts} onChange={setTexts} />
        <button type="submit" className="button secondary small">
          {t('plan.saveReportBack')}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}

export function ReportBacksSection({ plan }: { plan: ActionPlan }) {
  const t = useT();
  const res = useResource(`rb-${plan.id}`, (signal) => fetchReportBacks(plan.id, signal));
  const [texts, setTexts] = useState<Texts>({ caseNumber: plan.caseNumber, officer: plan.officer, proposal: '', summary: '', nextSteps: '' });
  const [periodEnd, setPeriodEnd] = useState('');
  const [message, setMessage] = useState('');
  const make = async (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    try {
      const proposal = lines(texts.proposal);
      const rb = await createReportBack(plan.id, {
        ...(periodEnd ? { periodEnd } : {}),
        ...(texts.caseNumber ? { caseNumber: texts.caseNumber } : {}),
        ...(texts.officer ? { officer: texts.officer } : {}),
        ...(proposal.length ? { decisionProposal: proposal } : {}),
        ...(texts.summary ? { summary: texts.summary } : {}),
        ...(texts.nextSteps ? { nextSteps: texts.nextSteps } : {}),
      });
      setMessage(t('plan.reportBackMade', { n: rb.number }));
      res.reload();
    } catch (err) {
      setMessage(isApiError(err) ? err.detail : t('common.error'));
    }
  };
  const list = res.data?.items ?? [];
  return (
    <section aria-labelledby="rb-h">
      <h2 id="rb-h">{t('plan.reportBacks')}</h2>
      <p>
        {t('plan.nextDue', { date: plan.followUp.nextDue })} {plan.followUp.overdue && <strong className="error">{t('plan.overdue')}</strong>}
      </p>
      {list.length === 0 && !res.loading && <p>{t('plan.noReportBacks')}</p>}
      <ul>
        {list.map((r) => (
          <li key={r.number} data-testid="report-back">
            {t('plan.reportBackN', { n: r.number, date: r.reportDate })} · {t('plan.period', { from: r.periodStart ?? '–', to: r.periodEnd })} · {t('plan.changedItems', { n: r.changedItems })}{' '}
            <a href={reportBackFile(plan.id, r.number, 'docx')} download>
              {t('plan.downloadDocx', { n: r.number })}
            </a>{' '}
            ·{' '}
            <a href={reportBackFile(plan.id, r.number, 'pdf')} download>
              {t('plan.downloadPdf', { n: r.number })}
            </a>
            {plan.canEdit && <EditReportBack plan={plan} rb={r} onSaved={(m) => { setMessage(m); res.reload(); }} />}
          </li>
        ))}
      </ul>
      {plan.canEdit && (
        <form onSubmit={make} aria-labelledby="rb-new-h">
          <h3 id="rb-new-h">{t('plan.newReportBack')}</h3>
          <label>
            {t('plan.periodEnd')} <input type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} />
          </label>
          <TextFields prefix="rb-new" texts={texts} onChange={setTexts} />
          <button type="submit" className="button">
            {t('plan.makeReportBack')}
          </button>
        </form>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
