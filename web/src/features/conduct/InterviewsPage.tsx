import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { INTERVIEW_ROLES, type InterviewRole } from '../../../../src/domain/evidence.ts';
import { TextField } from '../../components/FormField.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { DataTable } from '../../components/TableRegion.tsx';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSubmit } from '../../lib/useSubmit.ts';
import { useResource } from '../../lib/useResource.ts';
import { downloads, paths } from '../../paths.ts';
import { createEvidence, createSession, deleteSession, fetchInterviews, type InterviewPlan } from './api/conduct.ts';
import { parseSubareas } from './subareas.ts';

/** The interview plan: days and sessions; the municipality reads the schedule, the evaluators also keep notes per session. */
export default function InterviewsPage() {
  const { id = '' } = useParams();
  const t = useT();
  const [lang] = useLang();
  usePageTitle(t('interviews.title'));
  const res = useResource(`interviews:${id}`, (signal) => fetchInterviews(id, signal));
  const { error, run } = useSubmit();
  if (res.error) return <ErrorPanel error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const plan = res.data;
  const dayName = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(lang === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const remove = (sessionId: string) =>
    run(async () => {
      res.setData(await deleteSession(id, sessionId));
    });
  return (
    <article className="page" data-testid="interviews-page">
      <h1>{t('interviews.title')}</h1>
      <p>{t('interviews.intro')}</p>
      <p className="muted" data-testid="interviewees">
        {t('interviews.totals', { days: plan.days.length, sessions: plan.sessions, people: plan.interviewees })}
      </p>
      <div className="actions">
        <span className="muted small" id="schedule-label">
          {t('interviews.schedule')}:
        </span>
        <a className="button secondary small" href={downloads.interviewSchedule(id, 'pdf')} aria-describedby="schedule-label" download>
          {t('eval.downloadPdf')}
        </a>
        <a className="button secondary small" href={downloads.interviewSchedule(id, 'docx')} aria-describedby="schedule-label" download>
          {t('eval.downloadDocx')}
        </a>
        {plan.canEdit && <Link to={paths.evidence(id)}>{t('evidence.title')}</Link>}
      </div>
      {plan.days.length === 0 && (
        <Notice tone="info">
          <p>{t('interviews.none')}</p>
        </Notice>
      )}
      {plan.days.map((d) => (
        <section key={d.day} className="section" aria-labelledby={`day-${d.day}`}>
          <h2 id={`day-${d.day}`}>{dayName(d.day)}</h2>
          <DataTable
            label={dayName(d.day)}
            className="table-compact stack-narrow"
            columns={[t('interviews.time'), t('interviews.group'), t('interviews.roles'), t('interviews.people'), t('interviews.place'), plan.canEdit && t('interviews.notes')]}
          >
            {d.sessions.map((s) => (
              <tr key={s.id} data-testid="interview-session">
                <td>
                  {s.startsAt}–{s.endsAt}
                </td>
                <th scope="row">{s.groupName}</th>
                <td>{s.roles.map((r) => t(`interviews.role.${r as InterviewRole}`)).join(', ') || '–'}</td>
                <td>{s.people}</td>
                <td>{s.place || '–'}</td>
                {plan.canEdit && (
                  <td>
                    {(s.notes ?? []).map((n) => (
                      <p key={n.id} className="small">
                        <strong>{n.title}</strong> {n.subareaIds.length > 0 && `(${n.subareaIds.join(', ')})`}
                        {n.note && <span className="muted"> – {n.note}</span>}
                      </p>
                    ))}
                    <NoteForm evaluationId={id} sessionId={s.id} group={s.groupName} onAdded={res.reload} />
                    <button type="button" className="link-button" onClick={() => void remove(s.id)}>
                      {t('interviews.remove', { group: s.groupName })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        </section>
      ))}
      {error !== null && <ErrorPanel error={error} />}
      {plan.canEdit && <SessionForm evaluationId={id} onSaved={res.setData} />}
    </article>
  );
}

function NoteForm({ evaluationId, sessionId, group, onAdded }: { evaluationId: string; sessionId: string; group: string; onAdded: () => void }) {
  const t = useT();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [subareas, setSubareas] = useState('');
  const { busy, error, run } = useSubmit();
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('interviews.addNote', { group })}
      </button>
    );
  }
  const save = () =>
    run(async () => {
      await createEvidence(evaluationId, { kind: 'interview', title: group, note, sessionId, subareaIds: parseSubareas(subareas) });
      setOpen(false);
      setNote('');
      setSubareas('');
      onAdded();
    });
  return (
    <form className="stack-small" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label htmlFor={`${uid}-note`}>{t('interviews.note')}</label>
      <textarea id={`${uid}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      <label htmlFor={`${uid}-sub`}>{t('evidence.subareas')}</label>
      <input id={`${uid}-sub`} value={subareas} placeholder="1.2, 3.4" onChange={(e) => setSubareas(e.target.value)} />
      {error !== null && <ErrorPanel error={error} />}
      <button type="submit" className="button small" disabled={busy}>
        {t('interviews.saveNote')}
      </button>
    </form>
  );
}

function SessionForm({ evaluationId, onSaved }: { evaluationId: string; onSaved: (p: InterviewPlan) => void }) {
  const t = useT();
  const uid = useId();
  const [day, setDay] = useState('');
  const [startsAt, setStartsAt] = useState('09:00');
  const [endsAt, setEndsAt] = useState('10:00');
  const [place, setPlace] = useState('');
  const [groupName, setGroupName] = useState('');
  const [roles, setRoles] = useState<InterviewRole[]>([]);
  const [people, setPeople] = useState('1');
  const { busy, error, run } = useSubmit();
  const save = () =>
    run(async () => {
      onSaved(await createSession(evaluationId, { day, startsAt, endsAt, place, groupName, roles, people: Number(people) }));
      setGroupName('');
      setRoles([]);
    });
  return (
    <section className="section card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('interviews.add')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <div className="form-row">
          <TextField id={`${uid}-day`} label={t('interviews.day')} type="date" required value={day} onChange={setDay} />
          <TextField id={`${uid}-start`} label={t('interviews.starts')} type="time" required value={startsAt} onChange={setStartsAt} />
          <TextField id={`${uid}-end`} label={t('interviews.ends')} type="time" required value={endsAt} onChange={setEndsAt} />
          <TextField id={`${uid}-group`} label={t('interviews.group')} required value={groupName} onChange={setGroupName} />
          <TextField id={`${uid}-people`} label={t('interviews.people')} type="number" min={1} max={500} required value={people} onChange={setPeople} />
          <TextField id={`${uid}-place`} label={t('interviews.place')} value={place} onChange={setPlace} />
        </div>
        <fieldset className="field">
          <legend className="label">{t('interviews.roles')}</legend>
          {INTERVIEW_ROLES.map((r) => (
            <label key={r} className="checkbox">
              <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles((old) => (e.target.checked ? [...old, r] : old.filter((x) => x !== r)))} /> {t(`interviews.role.${r}`)}
            </label>
          ))}
        </fieldset>
        {error !== null && <ErrorPanel error={error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('interviews.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
