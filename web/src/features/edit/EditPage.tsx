import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useBlocker, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorPanel, Loading, Notice, ProblemList, errorLang, errorText } from '../../components/Status.tsx';
import { isCodedValidation } from '../../lib/validation.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { useEvaluationAccess } from '../../lib/access.ts';
import { isApiError } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useFormat } from '../../lib/format.ts';
import type { ConflictBody, Evaluation, FrameworkDef } from '../../lib/types.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { createCorrection, fetchEvaluation, patchFacts, putArea, putScores, useEditorData } from './api/edit.ts';
import { AreaTextsForm } from './components/AreaTextsForm.tsx';
import { ConflictPanel } from './components/ConflictPanel.tsx';
import { FactsForm } from './components/FactsForm.tsx';
import { ScoreGrid } from './components/ScoreGrid.tsx';
import {
  areaPayload,
  describeConflict,
  diffDrafts,
  draftFromEvaluation,
  factsPayload,
  fieldIdForScore,
  liveScores,
  rebaseDraft,
  scoresPayload,
  validateScores,
  type AreaDraft,
  type Draft,
  type FactsDraft,
  validateAreaTexts,
} from './draft.ts';

type Tab = 'poang' | 'texter' | 'fakta';
const TABS: readonly Tab[] = ['poang', 'texter', 'fakta'];

export default function EditPage() {
  const { id = '' } = useParams();
  const data = useEditorData(id);
  const t = useT();
  const { user } = useAuth();
  const access = useEvaluationAccess(user, data.data?.evaluation);
  usePageTitle(data.data ? t('edit.title', { name: data.data.evaluation.municipality.name, year: data.data.evaluation.year }) : null);
  if (data.error) return <ErrorPanel error={data.error} onRetry={data.reload} />;
  if (!data.data || !access.ready) return <Loading />;
  const ev = data.data.evaluation;
  if (!access.canEdit && ev.status !== 'published') {
    // The server would refuse every save: say why instead of offering a form.
    return (
      <div className="page narrow" data-testid="edit-refused">
        <h1>{t('edit.title', { name: ev.municipality.name, year: ev.year })}</h1>
        <Notice tone="warning" title={t('auth.forbiddenTitle')}>
          <p>{user?.role === 'evaluator' ? t('workflow.notAssigned') : t('workflow.readOnly')}</p>
          <Link className="button secondary" to={paths.evaluation(ev.id)}>
            {t('edit.backToEvaluation')}
          </Link>
        </Notice>
      </div>
    );
  }
  return <Editor key={data.data.evaluation.id} initial={data.data.evaluation} framework={data.data.framework} />;
}

interface ConflictState {
  current: Evaluation;
  /** The server copy the failed save was based on. */
  oldBase: Evaluation;
  updatedBy: string | null;
  updatedAt: string | null;
}

function Editor({ initial, framework }: { initial: Evaluation; framework: FrameworkDef }) {
  const t = useT();
  const [lang] = useLang();
  const f = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('del');
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : 'poang';
  const [areaNumber, setAreaNumber] = useState(1);
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftFromEvaluation(initial, framework, f));
  const [saving, setSaving] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const errorSummaryRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ poang: null, texter: null, fakta: null });

  const baseDraft = useMemo(() => draftFromEvaluation(base, framework, f), [base, framework, f]);
  const changes = useMemo(() => diffDrafts(draft, baseDraft), [draft, baseDraft]);
  const scoreErrors = useMemo(() => validateScores(framework, draft.scores, t, f), [framework, draft.scores, t, f]);
  const facts = useMemo(() => factsPayload(draft.facts, base, t, lang), [draft.facts, base, t, lang]);
  const areaErrors = useMemo(() => validateAreaTexts(framework, draft.areas, t, lang), [framework, draft.areas, t, lang]);
  const live = useMemo(() => liveScores(framework, draft, base), [framework, draft, base]);
  const dirty = changes.count > 0;

  const errorList = useMemo(
    () => [
      ...Object.entries(scoreErrors).map(([sid, message]) => ({ fieldId: fieldIdForScore(sid), message, tab: 'poang' as Tab })),
      ...facts.errors.map((e) => ({ ...e, tab: 'fakta' as Tab })),
      ...areaErrors.map((e) => ({ ...e, tab: 'texter' as Tab })),
    ],
    [scoreErrors, facts.errors, areaErrors],
  );
  const factErrors = useMemo(() => Object.fromEntries(facts.errors.map((e) => [e.fieldId, e.message])), [facts.errors]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !saving && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('edit.leaveWarning'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const setTab = (next: Tab, focus = false) => {
    const p = new URLSearchParams(params);
    p.set('del', next);
    setParams(p, { replace: true });
    if (focus) window.requestAnimationFrame(() => tabRefs.current[next]?.focus());
  };
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.indexOf(tab);
    let next: Tab | undefined;
    if (e.key === 'ArrowRight') next = TABS[(i + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') next = TABS[(i - 1 + TABS.length) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (next) {
      e.preventDefault();
      setTab(next, true);
    }
  };

  const save = useCallback(async () => {
    if (saving) return;
    setAttempted(true);
    setSaveError(null);
    if (errorList.length > 0) {
      window.requestAnimationFrame(() => errorSummaryRef.current?.focus());
      return;
    }
    if (!dirty) return;
    setSaving(true);
    let cur = base;
    try {
      if (changes.facts.length > 0 && facts.payload) {
        cur = await patchFacts(cur.id, cur.version, facts.payload);
        setBase(cur);
      }
      if (changes.scores.length > 0) {
        cur = await putScores(cur.id, cur.version, scoresPayload(draft, changes.scores));
        setBase(cur);
      }
      for (const n of changes.areas) {
        const area = draft.areas[n];
        if (!area) continue;
        cur = await putArea(
          cur.id,
          n,
          cur.version,
          areaPayload(
            area,
            cur.areas.find((a) => a.number === n),
          ),
        );
        setBase(cur);
      }
      setSavedAt(new Date().toISOString());
      setAttempted(false);
    } catch (err) {
      if (isApiError(err, 409)) {
        const body = err.body as ConflictBody;
        const current = body.current ?? (await fetchEvaluation(cur.id).catch(() => null));
        if (current) {
          setConflict({ current, oldBase: cur, updatedBy: body.updatedBy ?? current.updatedBy, updatedAt: body.updatedAt ?? current.updatedAt });
        } else {
          setSaveError(err);
        }
      } else {
        setSaveError(err);
      }
    } finally {
      setSaving(false);
    }
  }, [saving, errorList.length, dirty, base, changes, facts.payload, draft]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const conflictChanges = useMemo(
    () => (conflict ? describeConflict(draft, draftFromEvaluation(conflict.oldBase, framework, f), draftFromEvaluation(conflict.current, framework, f), framework, t) : []),
    [conflict, draft, framework, f, t],
  );

  const keepMine = () => {
    if (!conflict) return;
    setDraft(rebaseDraft(draft, draftFromEvaluation(conflict.oldBase, framework, f), draftFromEvaluation(conflict.current, framework, f)));
    setBase(conflict.current);
    setConflict(null);
  };
  const discard = () => {
    if (!conflict) return;
    setDraft(draftFromEvaluation(conflict.current, framework, f));
    setBase(conflict.current);
    setConflict(null);
    setAttempted(false);
  };

  const startCorrection = async () => {
    setCorrecting(true);
    setSaveError(null);
    try {
      const created = await createCorrection(base);
      void navigate(paths.editEvaluation(created.id));
    } catch (err) {
      setSaveError(err);
    } finally {
      setCorrecting(false);
    }
  };

  const name = base.municipality.name;
  const header = (
    <>
      <Breadcrumbs trail={[{ label: name, to: paths.municipality(base.municipality.code) }, { label: base.year, to: paths.evaluation(base.id) }, { label: t('common.edit') }]} />
      <header className="page-header">
        <p className="eyebrow">
          {framework.name} · <StatusBadge status={base.status} /> · {t('edit.version', { n: base.version })}
        </p>
        <h1>{t('edit.title', { name, year: base.year })}</h1>
      </header>
    </>
  );

  if (base.status === 'published' && !dirty) {
    return (
      <div className="page narrow" data-testid="edit-page">
        {header}
        <Notice tone="info" title={t('edit.publishedTitle')}>
          <p>{t('edit.publishedText')}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void startCorrection()} disabled={correcting} data-testid="create-correction">
              {correcting ? t('edit.creating') : t('edit.createCorrection')}
            </button>
            <Link className="button secondary" to={paths.evaluation(base.id)}>
              {t('edit.backToEvaluation')}
            </Link>
          </div>
        </Notice>
        {saveError !== null && <ErrorPanel error={saveError} />}
      </div>
    );
  }

  const setFacts = (next: FactsDraft) => setDraft((d) => ({ ...d, facts: next }));
  const setScore = (sid: string, text: string) => setDraft((d) => ({ ...d, scores: { ...d.scores, [sid]: text } }));
  const setArea = (n: number, area: AreaDraft) => setDraft((d) => ({ ...d, areas: { ...d.areas, [n]: area } }));

  const tabLabel: Record<Tab, string> = { poang: t('edit.tab.scores'), texter: t('edit.tab.texts'), fakta: t('edit.tab.facts') };

  return (
    <div className="page" data-testid="edit-page">
      {header}

      {conflict && <ConflictPanel updatedBy={conflict.updatedBy} updatedAt={conflict.updatedAt} changes={conflictChanges} onKeepMine={keepMine} onDiscard={discard} />}

      {attempted && errorList.length > 0 && (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={errorSummaryRef} data-testid="error-summary">
          <p className="alert-title">{t('edit.invalidSummary', { n: errorList.length })}</p>
          <ul>
            {errorList.map((e) => (
              <li key={e.fieldId}>
                <a
                  href={`#${e.fieldId}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    if (tab !== e.tab) setTab(e.tab);
                    if ('area' in e && typeof e.area === 'number') setAreaNumber(e.area);
                    window.requestAnimationFrame(() => document.getElementById(e.fieldId)?.focus());
                  }}
                >
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {saveError !== null && (
        <div className="alert alert-error" role="alert" data-testid="save-error">
          {isApiError(saveError) && isCodedValidation(saveError) ? (
            <p>{t('validation.title')}</p>
          ) : (
            <p>
              {/* The server's (Swedish) sentence inside the interface's own, marked with its language. */}
              {t('edit.saveFailed', { detail: '\u0000' }).split('\u0000')[0]}
              <span lang={errorLang(saveError)}>{errorText(saveError)}</span>
              {t('edit.saveFailed', { detail: '\u0000' }).split('\u0000')[1]}
            </p>
          )}
          {isApiError(saveError) && saveError.errors.length > 0 && <ProblemList problems={saveError.errors} />}
        </div>
      )}

      <div className="tabs" role="tablist" aria-label={t('edit.tabs')}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`flik-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
            onKeyDown={onTabKey}
            ref={(el) => {
              tabRefs.current[k] = el;
            }}
          >
            {tabLabel[k]}
            {k === 'poang' && Object.keys(scoreErrors).length > 0 && <span className="sr-only"> ({t('edit.hasErrors')})</span>}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`flik-${tab}`}>
        {tab === 'poang' && <ScoreGrid framework={framework} scores={draft.scores} errors={scoreErrors} live={live} onChange={setScore} />}
        {tab === 'texter' && (
          <AreaTextsForm framework={framework} areaNumber={areaNumber} onAreaNumber={setAreaNumber} areas={draft.areas} onChange={setArea} changedAreas={changes.areas} errors={areaErrors} />
        )}
        {tab === 'fakta' && <FactsForm facts={draft.facts} status={base.status} evaluationHref={paths.evaluation(base.id)} errors={factErrors} onChange={setFacts} />}
      </div>

      <div className="save-bar">
        <div className="container save-bar-inner">
          <p className={dirty ? 'save-state dirty' : 'save-state'} role="status" aria-live="polite" data-testid="save-state">
            {saving
              ? t('common.saving')
              : dirty
                ? `${t('edit.unsaved')} (${changes.count})`
                : savedAt
                  ? t('edit.savedAt', { time: f.dateTime(savedAt) })
                  : t('edit.allSaved')}
          </p>
          <div className="actions">
            <Link className="button secondary" to={paths.evaluation(base.id)}>
              {t('edit.backToEvaluation')}
            </Link>
            <button type="button" className="button" onClick={() => void save()} disabled={saving || conflict !== null} aria-keyshortcuts="Control+S" data-testid="save">
              {saving ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
