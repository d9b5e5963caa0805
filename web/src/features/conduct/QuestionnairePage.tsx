import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useResource } from '../../lib/useResource.ts';
import { downloads, paths } from '../../paths.ts';
import { fetchQuestionnaire, reopenQuestionnaire, saveQuestionnaire, uploadFile, type Answer, type Questionnaire } from './api/conduct.ts';
import { AreaDetails } from './AreaDetails.tsx';
import { FileSize } from './FileSize.tsx';

interface Draft {
  text: string;
  links: string;
  files: Array<{ id: string; fileName: string; size: number }>;
}

const draftsOf = (q: Questionnaire): Record<string, Draft> =>
  Object.fromEntries(q.areas.flatMap((a) => a.subareas.flatMap((s) => s.questions.map((x) => [x.id, { text: x.answer?.text ?? '', links: (x.answer?.links ?? []).join('\n'), files: x.answer?.files ?? [] }]))));

const answersOf = (drafts: Record<string, Draft>): Record<string, Answer> =>
  Object.fromEntries(
    Object.entries(drafts)
      .map(([id, d]) => [id, { text: d.text, links: d.links.split('\n').map((l) => l.trim()).filter(Boolean), fileIds: d.files.map((f) => f.id) }] as const)
      .filter(([, a]) => a.text.trim() !== '' || a.links.length > 0 || a.fileIds.length > 0),
  );

/** The municipality answers the questionnaire here: halfway saves, links and attachments, then submit. Evaluators read it. */
export default function QuestionnairePage() {
  const { id = '' } = useParams();
  const t = useT();
  const res = useResource(`questionnaire:${id}`, (signal) => fetchQuestionnaire(id, signal));
  usePageTitle(res.data ? `${t('questionnaire.title')} – ${res.data.municipality.name} ${res.data.year}` : t('questionnaire.title'));
  if (res.error) return <ErrorPanel error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  return <QuestionnaireForm key={res.data.evaluationId} q={res.data} onSaved={res.setData} />;
}

function QuestionnaireForm({ q, onSaved }: { q: Questionnaire; onSaved: (q: Questionnaire) => void }) {
  const t = useT();
  const { user } = useAuth();
  const uid = useId();
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => draftsOf(q));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const readOnly = !q.canAnswer;
  const change = (qid: string, patch: Partial<Draft>) => setDrafts((old) => ({ ...old, [qid]: { ...(old[qid] ?? { text: '', links: '', files: [] }), ...patch } }));

  const run = async (work: () => Promise<Questionnaire>, done: string) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const next = await work();
      onSaved(next);
      setMessage(done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const attach = async (qid: string, file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const up = await uploadFile(q.evaluationId, 'questionnaire', file);
      change(qid, { files: [...(drafts[qid]?.files ?? []), { id: up.id, fileName: up.fileName, size: up.size }] });
    } catch (e) {
      setError(e);
    }
  };

  const status = t(`questionnaire.status.${q.status}`);
  return (
    <article className="page" data-testid="questionnaire-page">
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to={paths.questionnaires()}>{t('questionnaire.list')}</Link>
          </li>
          <li aria-current="page">
            {q.municipality.name} {q.year}
          </li>
        </ol>
      </nav>
      <header className="page-header title-row">
        <div>
          <p className="eyebrow">
            {q.frameworkName} · <span data-testid="questionnaire-status">{status}</span>
          </p>
          <h1>
            {t('questionnaire.title')}: {q.municipality.name} {q.year}
          </h1>
          <p className="muted">{t('questionnaire.answered', { n: q.answered, total: q.total })}</p>
        </div>
        <div className="actions">
          <a className="button secondary small" href={downloads.questionnaire(q.evaluationId, 'pdf')} download>
            {t('eval.downloadPdf')}
          </a>
          <a className="button secondary small" href={downloads.questionnaire(q.evaluationId, 'docx')} download>
            {t('eval.downloadDocx')}
          </a>
          {user?.role === 'admin' && (
            <Link className="button secondary small" to={paths.questionBank(q.frameworkId)}>
              {t('bank.edit')}
            </Link>
          )}
        </div>
      </header>
      <p>{t('questionnaire.intro')}</p>
      {q.status === 'submitted' && (
        <Notice tone="success">
          <p>{t('questionnaire.submittedBy', { name: q.submittedBy ?? '', date: (q.submittedAt ?? '').slice(0, 10) })}</p>
        </Notice>
      )}
      {q.canReopen && (
        <div className="actions">
          <button type="button" className="button secondary" disabled={busy} onClick={() => void run(() => reopenQuestionnaire(q.evaluationId), t('questionnaire.reopened'))}>
            {t('questionnaire.reopen')}
          </button>
        </div>
      )}
      {q.areas.map((a, ai) => (
        <AreaDetails key={a.number} number={a.number} title={a.title} open={ai === 0}>
          {a.subareas.map((s) => (
            <section key={s.id} aria-labelledby={`${uid}-${s.id}`} data-testid={`questionnaire-${s.id}`}>
              <h3 id={`${uid}-${s.id}`}>
                {s.id} <span lang="sv">{s.title}</span>
              </h3>
              {s.questions.map((x, qi) => {
                const d = drafts[x.id] ?? { text: '', links: '', files: [] };
                const base = `${uid}-${x.id}`;
                return (
                  <div key={x.id} className="card question" data-testid={`question-${s.id}-${qi + 1}`}>
                    <div className="field">
                      <label htmlFor={`${base}-text`} lang="sv">
                        {s.id}.{qi + 1} {x.text}
                      </label>
                      {x.help && (
                        <p className="hint" id={`${base}-help`} lang="sv">
                          {x.help}
                        </p>
                      )}
                      <textarea id={`${base}-text`} rows={4} value={d.text} readOnly={readOnly} aria-describedby={x.help ? `${base}-help` : undefined} onChange={(e) => change(x.id, { text: e.target.value })} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${base}-links`}>{t('questionnaire.links')}</label>
                      <p className="hint" id={`${base}-links-hint`}>
                        {t('questionnaire.linksHint')}
                      </p>
                      <textarea id={`${base}-links`} rows={2} value={d.links} readOnly={readOnly} aria-describedby={`${base}-links-hint`} onChange={(e) => change(x.id, { links: e.target.value })} />
                    </div>
                    {d.files.length > 0 && (
                      <ul className="plain-list" aria-label={t('questionnaire.attachments')}>
                        {d.files.map((f) => (
                          <li key={f.id}>
                            <a href={downloads.file(q.evaluationId, f.id)} download>
                              {f.fileName}
                            </a>{' '}
                            <span className="muted small">
                              (<FileSize bytes={f.size} />)
                            </span>{' '}
                            {!readOnly && (
                              <button type="button" className="link-button" onClick={() => change(x.id, { files: d.files.filter((o) => o.id !== f.id) })}>
                                {t('questionnaire.removeAttachment', { name: f.fileName })}
                              </button>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                    {!readOnly && (
                      <div className="field">
                        <label htmlFor={`${base}-file`}>{t('questionnaire.attach')}</label>
                        <input id={`${base}-file`} type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.txt" onChange={(e) => { void attach(x.id, e.target.files?.[0]); e.target.value = ''; }} />
                      </div>
                    )}
                  </div>
                );
              })}
            </section>
          ))}
        </AreaDetails>
      ))}
      {error !== null && <ErrorPanel error={error} />}
      {message && (
        <Notice tone="success">
          <p role="status">{message}</p>
        </Notice>
      )}
      {!readOnly && (
        <div className="save-bar">
          <div className="save-bar-inner actions">
            <button type="button" className="button secondary" disabled={busy} onClick={() => void run(() => saveQuestionnaire(q.evaluationId, q.version, answersOf(drafts), false), t('questionnaire.saved'))}>
              {t('questionnaire.save')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => saveQuestionnaire(q.evaluationId, q.version, answersOf(drafts), true), t('questionnaire.submitted'))}>
              {t('questionnaire.submit')}
            </button>
            <span className="muted small">{t('questionnaire.submitNote')}</span>
          </div>
        </div>
      )}
    </article>
  );
}
