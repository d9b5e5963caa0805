import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorPanel, Notice } from '../../components/Status.tsx';
import { AreaScoreTable } from '../../components/ScoreTable.tsx';
import { Value } from '../../components/Value.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { confirmImport, previewImport, type ImportCorrection, type ImportProblem, type ImportResponse, type PreviewResponse } from './api/import.ts';
import { ImportReview } from './components/ImportReview.tsx';

type Phase = 'idle' | 'previewing' | 'previewed' | 'importing' | 'done';

export default function ImportPage() {
  const t = useT();
  usePageTitle(t('import.title'));
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [done, setDone] = useState<ImportResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [corrections, setCorrections] = useState<ImportCorrection[]>([]);

  const handleError = (err: unknown) => {
    if (isApiError(err, 404)) setUnavailable(true);
    else if (isApiError(err, 409) && typeof err.body.evaluationId === 'string') {
      setDuplicate(err.body.evaluationId);
      setError(err);
    } else setError(err);
  };

  const onPreview = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDuplicate(null);
    setDone(null);
    if (!file) {
      setFileError(t('import.chooseFirst'));
      inputRef.current?.focus();
      return;
    }
    setFileError(null);
    setPhase('previewing');
    try {
      const res = await previewImport(file);
      setPreview(res);
      setCorrections([]);
      setPhase('previewed');
      window.requestAnimationFrame(() => resultRef.current?.focus());
    } catch (err) {
      handleError(err);
      setPhase('idle');
    }
  };

  const onConfirm = async () => {
    if (!file) return;
    setError(null);
    setPhase('importing');
    try {
      const res = await confirmImport(file, corrections);
      setDone(res);
      setPhase('done');
      window.requestAnimationFrame(() => resultRef.current?.focus());
    } catch (err) {
      handleError(err);
      setPhase('previewed');
    }
  };

  const busy = phase === 'previewing' || phase === 'importing';
  return (
    <div className="page" data-testid="import-page">
      <header className="page-header">
        <h1>{t('import.title')}</h1>
        <p className="lead">{t('import.intro')}</p>
      </header>
      {unavailable && (
        <Notice tone="warning">
          <p data-testid="import-unavailable">{t('import.unavailable')}</p>
          <p>
            <Link to={paths.newEvaluation()}>{t('nav.new')}</Link>
          </p>
        </Notice>
      )}
      <form className="dropzone narrow" onSubmit={(e) => void onPreview(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('import.fileHint')}
          </p>
          <input
            ref={inputRef}
            id={`${id}-file`}
            type="file"
            accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            aria-describedby={`${id}-hint${fileError ? ` ${id}-fel` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setDone(null);
              setPhase('idle');
              setFileError(null);
            }}
            data-testid="import-file"
          />
          {fileError && (
            <p className="field-error" id={`${id}-fel`}>
              {fileError}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={busy} data-testid="import-preview">
          {phase === 'previewing' ? t('import.previewing') : t('import.preview')}
        </button>
      </form>

      {error !== null && !unavailable && (
        <>
          <ErrorPanel error={error} />
          {duplicate && (
            <p>
              <Link to={paths.evaluation(duplicate)}>{t('import.openExisting')}</Link>
            </p>
          )}
        </>
      )}

      {done && (
        <section className="alert alert-success" tabIndex={-1} ref={resultRef} aria-labelledby="import-klar" data-testid="import-done">
          <h2 id="import-klar" className="alert-title" style={{ marginTop: 0 }}>
            {t('import.done')}
          </h2>
          {done.earlier.length > 0 && <p>{t('import.earlierCreated', { years: done.earlier.map((e) => e.year).join(', ') })}</p>}
          <p>
            <Link className="button" to={paths.editEvaluation(done.evaluationId)}>
              {t('import.openEvaluation')}
            </Link>
          </p>
        </section>
      )}

      {preview && !done && (
        <section className="section" tabIndex={-1} ref={resultRef} aria-labelledby="import-resultat" data-testid="import-result">
          <h2 id="import-resultat">{t('import.result')}</h2>
          <PreviewView preview={preview} />
          {preview.duplicateOf && (
            <p>
              <Link to={paths.evaluation(preview.duplicateOf.id)}>{t('import.openExisting')}</Link>
            </p>
          )}
          {preview.ok && <ImportReview preview={preview.preview} corrections={corrections} onChange={setCorrections} />}
          {!preview.ok && <Notice tone="warning">{t('import.blocked')}</Notice>}
          <div className="actions section">
            <button type="button" className="button" onClick={() => void onConfirm()} disabled={!preview.ok || busy || preview.duplicateOf !== null} data-testid="import-confirm">
              {phase === 'importing' ? t('import.importing') : t('import.confirm')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function Problems({ problems }: { problems: ImportProblem[] }) {
  const t = useT();
  if (problems.length === 0) return <p>{t('import.noProblems')}</p>;
  return (
    <ul className="problem-list" data-testid="import-problems">
      {problems.map((p, i) => (
        <li key={i} className={`sev-${p.severity}`}>
          <span className="sev">{t(`import.severity.${p.severity}`)}:</span>
          {p.message}
        </li>
      ))}
    </ul>
  );
}

function PreviewView({ preview: res }: { preview: PreviewResponse }) {
  const t = useT();
  const f = useFormat();
  const p = res.preview;
  return (
    <>
      <div className="grid-2">
        <div className="card">
          <dl className="facts">
            <dt>{t('import.field.fileName')}</dt>
            <dd>{p.fileName}</dd>
            <dt>{t('import.field.municipality')}</dt>
            <dd>{p.municipality ? `${p.municipality.name} (${p.municipality.code})` : <Value value={null} />}</dd>
            <dt>{t('import.field.year')}</dt>
            <dd>{p.year === null ? <Value value={null} /> : f.yearMonth(p.year, p.month)}</dd>
            <dt>{t('eval.reportDate')}</dt>
            <dd>{p.reportDate ?? <Value value={null} />}</dd>
            <dt>{t('import.field.framework')}</dt>
            <dd>
              {p.framework ? p.framework.name : <Value value={null} />}
              {p.framework?.derived && <span className="muted"> ({t('import.derived')})</span>}
            </dd>
            <dt>{t('import.field.total')}</dt>
            <dd>
              <Value value={p.total} kind="points" />
              {p.totalSource === 'sum-of-areas' && <span className="muted small"> ({t('import.sumOfAreas')})</span>}
            </dd>
            <dt>{t('import.field.evaluators')}</dt>
            <dd>{p.evaluators.length > 0 ? p.evaluators.map((e) => e.name).join(', ') : <Value value={null} />}</dd>
            <dt>{t('eval.interviews')}</dt>
            <dd>{p.interviews === null ? <Value value={null} /> : t(p.interviewsApprox ? 'eval.interviewsApprox' : 'eval.interviewsValue', { n: p.interviews })}</dd>
            <dt>{t('import.field.found')}</dt>
            <dd>{p.found.length > 0 ? p.found.join(', ') : <Value value={null} />}</dd>
          </dl>
        </div>
        <div>
          <h3 style={{ marginTop: 0 }}>{t('import.problems')}</h3>
          <Problems problems={p.problems} />
        </div>
      </div>
      {p.areas.length > 0 && (
        <>
          <h3>{t('eval.areas')}</h3>
          <AreaScoreTable
            caption={t('eval.areas')}
            className="table-compact"
            rows={p.areas}
            columns={[
              { key: 'score', header: t('common.pointsHeader'), cell: (a) => <Value value={a.score} kind="points" /> },
              { key: 'known', header: t('import.subareasKnown'), cell: (a) => `${a.subareas.filter((s) => s.achieved !== null).length} / ${a.subareas.length}` },
              { key: 'strengths', header: t('eval.strengths'), cell: (a) => a.strengths.length },
              { key: 'improvements', header: t('eval.improvements'), cell: (a) => a.improvements.length },
            ]}
          />
        </>
      )}
      {p.earlier.length > 0 && (
        <p className="small">
          {t('import.earlier')}: {p.earlier.map((e) => `${e.year} (${f.points(e.total)})`).join(', ')}
        </p>
      )}
    </>
  );
}
