import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Field, TextField } from '../../components/FormField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { DataTable } from '../../components/TableRegion.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useResource } from '../../lib/useResource.ts';
import { useSubmit } from '../../lib/useSubmit.ts';
import { downloads, paths } from '../../paths.ts';
import { createEvidence, deleteEvidence, fetchEvidence, updateEvidence, uploadFile, type EvidenceInput, type EvidenceItem } from './api/conduct.ts';
import { parseSubareas } from './subareas.ts';

const KINDS = ['document', 'website', 'social', 'interview'] as const;
type Kind = (typeof KINDS)[number];

/** The evidence register: governing documents, web and social-media observations, interview notes, each for the subareas it supports. */
export default function EvidencePage() {
  const { id = '' } = useParams();
  const t = useT();
  usePageTitle(t('evidence.title'));
  const res = useResource(`evidence:${id}`, (signal) => fetchEvidence(id, signal));
  const { error, run } = useSubmit();
  const [editing, setEditing] = useState<EvidenceItem | null>(null);
  if (res.error) return <ErrorPanel error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const remove = (item: EvidenceItem) =>
    run(async () => {
      await deleteEvidence(id, item.id, item.version);
      if (editing?.id === item.id) setEditing(null);
      res.reload();
    });
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
        <DataTable
          label={t('evidence.register')}
          caption
          className="table-compact stack-narrow"
          columns={[t('evidence.kind'), t('evidence.itemTitle'), t('evidence.source'), t('evidence.subareas'), <span className="sr-only">{t('evidence.actions')}</span>]}
        >
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
                <button type="button" className="link-button" onClick={() => setEditing(i)} aria-label={t('evidence.editItem', { title: i.title })}>
                  {t('evidence.edit')}
                </button>{' '}
                <button type="button" className="link-button" onClick={() => void remove(i)}>
                  {t('evidence.remove', { title: i.title })}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {error !== null && <ErrorPanel error={error} />}
      {editing ? (
        <EvidenceForm
          key={`${editing.id}:${editing.version}`}
          evaluationId={id}
          item={editing}
          onDone={() => {
            setEditing(null);
            res.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <EvidenceForm key="new" evaluationId={id} onDone={res.reload} />
      )}
    </article>
  );
}

/** Adds an item, or changes `item` (its version goes with the change: a stale edit is refused with the current item). */
function EvidenceForm({ evaluationId, item, onDone, onCancel }: { evaluationId: string; item?: EvidenceItem; onDone: () => void; onCancel?: () => void }) {
  const t = useT();
  const uid = useId();
  const [kind, setKind] = useState<Kind>(item?.kind ?? 'document');
  const [title, setTitle] = useState(item?.title ?? '');
  const [decisionBody, setDecisionBody] = useState(item?.decisionBody ?? '');
  const [decidedOn, setDecidedOn] = useState(item?.decidedOn ?? '');
  const [url, setUrl] = useState(item?.url ?? '');
  const [note, setNote] = useState(item?.note ?? '');
  const [subareas, setSubareas] = useState(item?.subareaIds.join(', ') ?? '');
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, run } = useSubmit();
  const submit = () =>
    run(async () => {
      const uploaded = file ? await uploadFile(evaluationId, 'evidence', file) : null;
      const input: EvidenceInput = { kind, title, decisionBody, decidedOn: decidedOn || null, url: url.trim() || null, fileId: uploaded?.id ?? item?.file?.id ?? null, sessionId: item?.sessionId ?? null, note, subareaIds: parseSubareas(subareas) };
      if (item) await updateEvidence(evaluationId, item.id, item.version, input);
      else await createEvidence(evaluationId, input);
      setTitle('');
      setDecisionBody('');
      setDecidedOn('');
      setUrl('');
      setNote('');
      setSubareas('');
      setFile(null);
      onDone();
    });
  return (
    <section className="section card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{item ? t('evidence.editTitle', { title: item.title }) : t('evidence.add')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="form-row">
          <SelectField id={`${uid}-kind`} label={t('evidence.kind')} value={kind} onChange={(v) => setKind(v as Kind)} options={KINDS.map((k) => ({ value: k, label: t(`evidence.kind.${k}`) }))} />
          <TextField id={`${uid}-title`} label={t('evidence.itemTitle')} value={title} required onChange={setTitle} />
          <TextField id={`${uid}-body`} label={t('evidence.decisionBody')} value={decisionBody} onChange={setDecisionBody} />
          <TextField id={`${uid}-date`} label={t('evidence.decidedOn')} type="date" value={decidedOn} onChange={setDecidedOn} />
          <TextField id={`${uid}-url`} label={t('evidence.url')} type="url" value={url} onChange={setUrl} />
          <Field id={`${uid}-file`} label={t('evidence.file')} hint={item?.file ? t('evidence.keepsFile', { name: item.file.fileName }) : undefined}>
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
            {item ? t('evidence.saveChanges') : t('evidence.save')}
          </button>
          {onCancel && (
            <button type="button" className="button secondary" onClick={onCancel}>
              {t('evidence.cancelEdit')}
            </button>
          )}
          <span className="muted small">{t('evidence.fileLimits')}</span>
        </div>
      </form>
    </section>
  );
}
