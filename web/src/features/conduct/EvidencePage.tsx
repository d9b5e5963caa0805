import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Field, TextField } from '../../components/FormField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSubmit } from '../../lib/useSubmit.ts';
import { useResource } from '../../lib/useResource.ts';
import { downloads, paths } from '../../paths.ts';
import { createEvidence, deleteEvidence, fetchEvidence, uploadFile, type EvidenceInput } from './api/conduct.ts';
import { parseSubareas } from './subareas.ts';

const KINDS = ['document', 'website', 'social', 'interview'] as const;
type Kind = (typeof KINDS)[number];

/** The evidence register: governing documents, web and social-media observations, interview notes, each for the subareas it supports. */
export default function EvidencePage() {
  const { id = '' } = useParams();
  const t = useT();
  usePageTitle(t('evidence.title'));
  const res = useResource(`evidence:${id}`, (signal) => fetchEvidence(id, signal));
  const [error, setError] = useState<unknown>(null);
  if (res.error) return <ErrorPanel error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const remove = async (itemId: string) => {
    setError(null);
    try {
      await deleteEvidence(id, itemId);
      res.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <article className="page" data-testid="evidence-page">
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to={paths.evaluation(id)}>{t('evidence.backToEvaluation')}</Link>
          </li>
          <li aria-current="page">{t('evidence.title')}</li>
        </ol>
      </nav>
      <h1>{t('evidence.title')}</h1>
      <p>{t('evidence.intro')}</p>
      <p>
        <Link to={paths.interviews(id)}>{t('interviews.title')}</Link> · <Link to={paths.questionnaire(id)}>{t('questionnaire.title')}</Link>
      </p>
      {res.data.items.length === 0 ? (
        <Notice tone="info">
          <p>{t('evidence.none')}</p>
        </Notice>
      ) : (
        <TableRegion label={t('evidence.register')}>
          <table className="table-compact stack-narrow">
            <caption className="sr-only">{t('evidence.register')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evidence.kind')}</th>
                <th scope="col">{t('evidence.itemTitle')}</th>
                <th scope="col">{t('evidence.source')}</th>
                <th scope="col">{t('evidence.subareas')}</th>
                <th scope="col">
                  <span className="sr-only">{t('evidence.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {res.data.items.map((i) => (
                <tr key={i.id} data-testid="evidence-row">
                  <td>{t(`evidence.kind.${i.kind}`)}</td>
                  <th scope="row" lang="sv">
                    {i.title}
                    {i.note && <p className="muted small">{i.note}</p>}
                  </th>
                  <td>
                    {[i.decisionBody, i.decidedOn].filter(Boolean).join(', ')}
                    {i.url && (
                      <>
                        {' '}
                        <a href={i.url} rel="noopener noreferrer" target="_blank">
                          {t('evidence.link')}
                        </a>
                      </>
                    )}
                    {i.file && (
                      <>
                        {' '}
                        <a href={downloads.file(id, i.file.id)} download>
                          {i.file.fileName}
                        </a>
                      </>
                    )}
                  </td>
                  <td>{i.subareaIds.join(', ') || '–'}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => void remove(i.id)}>
                      {t('evidence.remove', { title: i.title })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {error !== null && <ErrorPanel error={error} />}
      <EvidenceForm evaluationId={id} onAdded={res.reload} />
    </article>
  );
}

function EvidenceForm({ evaluationId, onAdded }: { evaluationId: string; onAdded: () => void }) {
  const t = useT();
  const uid = useId();
  const [kind, setKind] = useState<Kind>('document');
  const [title, setTitle] = useState('');
  const [decisionBody, setDecisionBody] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [subareas, setSubareas] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, run } = useSubmit();
  const submit = () =>
    run(async () => {
      const uploaded = file ? await uploadFile(evaluationId, 'evidence', file) : null;
      const input: EvidenceInput = { kind, title, decisionBody, decidedOn: decidedOn || null, url: url.trim() || null, fileId: uploaded?.id ?? null, note, subareaIds: parseSubareas(subareas) };
      await createEvidence(evaluationId, input);
      setTitle('');
      setDecisionBody('');
      setDecidedOn('');
      setUrl('');
      setNote('');
      setSubareas('');
      setFile(null);
      onAdded();
    });
  return (
    <section className="section card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('evidence.add')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="form-row">
          <SelectField id={`${uid}-kind`} label={t('evidence.kind')} value={kind} onChange={(v) => setKind(v as Kind)} options={KINDS.map((k) => ({ value: k, label: t(`evidence.kind.${k}`) }))} />
          <TextField id={`${uid}-title`} label={t('evidence.itemTitle')} value={title} required onChange={setTitle} />
          <TextField id={`${uid}-body`} label={t('evidence.decisionBody')} value={decisionBody} onChange={setDecisionBody} />
          <TextField id={`${uid}-date`} label={t('evidence.decidedOn')} type="date" value={decidedOn} onChange={setDecidedOn} />
          <TextField id={`${uid}-url`} label={t('evidence.url')} type="url" value={url} onChange={setUrl} />
          <Field id={`${uid}-file`} label={t('evidence.file')}>
            {(control) => <input {...control} type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.txt" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
          </Field>
          <TextField id={`${uid}-sub`} label={t('evidence.subareas')} hint={t('evidence.subareasHint')} value={subareas} onChange={setSubareas} />
        </div>
        <Field id={`${uid}-note`} label={t('evidence.note')}>
          {(control) => <textarea {...control} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        {error !== null && <ErrorPanel error={error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('evidence.save')}
          </button>
          <span className="muted small">{t('evidence.fileLimits')}</span>
        </div>
      </form>
    </section>
  );
}
