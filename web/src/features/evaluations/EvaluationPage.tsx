import { useDeferredValue, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { passageAnchor } from '../../../../src/domain/search.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { LazyMarkdown as Markdown } from '../../components/LazyMarkdown.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Value } from '../../components/Value.tsx';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { useEvaluationAccess } from '../../lib/access.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useFormat } from '../../lib/format.ts';
import type { Evaluation, EvaluationSummary } from '../../lib/types.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { downloads, paths } from '../../paths.ts';
import { useEvaluationView } from './api/evaluations.ts';
import { AreaSection, TEXT_LANG, areaAnchor } from './components/AreaSection.tsx';
import { useTitleNote } from '../../lib/frameworkTitles.ts';
import { CommentsPanel } from './components/CommentsPanel.tsx';
import { CommentThreadsProvider } from './components/CommentThreads.tsx';
import { IndependentScoringPanel } from './components/IndependentScoringPanel.tsx';
import { StagePanel } from './components/StagePanel.tsx';
import { HistoryPanel } from './components/HistoryPanel.tsx';
import { CorrectionNotes, WorkflowPanel } from './components/WorkflowPanel.tsx';
import { AreaScoreTable } from '../../components/ScoreTable.tsx';
import { AreaBarChart, ProfileRadarChart } from './components/EvaluationCharts.tsx';


export default function EvaluationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const [lang] = useLang();
  const view = useEvaluationView(id);
  const { user } = useAuth();
  const access = useEvaluationAccess(user, view.data?.evaluation);
  const [commentsPosted, setCommentsPosted] = useState(0);
  const title = view.data ? `${view.data.evaluation.municipality.name} ${view.data.evaluation.year}` : null;
  const titleNote = useTitleNote(view.data?.summary.framework.id);
  usePageTitle(title);
  const { hash } = useLocation();
  // The areas' texts (Markdown, many paragraphs) are rendered in a second, interruptible pass, so the
  // scores are on screen first.
  // (The first render, with the data embedded in the page, gets `undefined` first: React 19 `initialValue`.)
  const later = useDeferredValue(view.data, undefined);
  const loaded = later !== undefined;
  // A link to a paragraph (#d-1.4, #s-2-3 from the good-example search) scrolls to it once it is shown.
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.classList.add('passage-target');
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    return () => target.classList.remove('passage-target');
  }, [loaded, hash]);
  if (view.error) return <ErrorPanel error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  const { evaluation, summary } = view.data;
  return (
    <article className="page evaluation-page" data-testid="evaluation-page">
      <Breadcrumbs trail={[{ label: evaluation.municipality.name, to: paths.municipality(evaluation.municipality.code) }, { label: evaluation.year }]} />
      <header className="page-header title-row">
        <div>
          <p className="eyebrow">
            {summary.framework.name} · <StatusBadge status={evaluation.status} />
          </p>
          <h1>
            {evaluation.municipality.name} {evaluation.year}
          </h1>
        </div>
        <div className="actions">
          {(access.canEdit || access.canCorrect) && (
            <Link className="button" to={paths.editEvaluation(evaluation.id)}>
              {t('common.edit')}
            </Link>
          )}
          {user && (user.role === 'admin' || user.role === 'evaluator') && (
            <>
              <Link className="button secondary" to={paths.questionnaire(evaluation.id)}>
                {t('questionnaire.title')}
              </Link>
              <Link className="button secondary" to={paths.evidence(evaluation.id)}>
                {t('evidence.title')}
              </Link>
              <Link className="button secondary" to={paths.interviews(evaluation.id)}>
                {t('interviews.title')}
              </Link>
            </>
          )}
          <Link className="button secondary" to={paths.actionPlan(evaluation.id)}>
            {t('plan.link')}
          </Link>
          <Link className="button secondary" to={paths.compare(summary.previous ? [evaluation.id, summary.previous.evaluationId] : [evaluation.id])}>
            {t('eval.compareWith')}
          </Link>
          <span className="muted small" id="download-label">
            {t('eval.download')}:
          </span>
          <a className="button secondary small" href={downloads.reportPdf(evaluation.id, lang)} aria-describedby="download-label" download>
            {t('eval.downloadPdf')}
          </a>
          <a className="button secondary small" href={downloads.reportDocx(evaluation.id, lang)} aria-describedby="download-label" download>
            {t('eval.downloadDocx')}
          </a>
        </div>
      </header>

      <CorrectionNotes evaluation={evaluation} />
      {user && access.ready && <WorkflowPanel evaluation={evaluation} access={access} onChanged={() => view.reload()} />}
      {user && <StagePanel evaluationId={evaluation.id} version={evaluation.version} onChanged={() => view.reload()} />}
      {user && access.ready && (user.role === 'admin' || access.assignments.some((a) => a.userId === user.id)) && (
        <IndependentScoringPanel
          evaluation={evaluation}
          isScorer={user.role === 'evaluator' && access.assignments.some((a) => a.userId === user.id)}
          isLead={user.role === 'admin' || access.assignments.some((a) => a.userId === user.id && a.isLead)}
          onAgreed={() => view.reload()}
        />
      )}

      <div className="summary-grid">
        <ScoreCard summary={summary} />
        <FactsCard evaluation={evaluation} summary={summary} />
      </div>

      {summary.notes.length > 0 && (
        <Notice tone="warning" title={t('eval.notes')}>
          <ul lang="sv">
            {summary.notes.map((n, i) => (
              <li key={i}>{typeof n === 'string' ? n : n.message}</li>
            ))}
          </ul>
        </Notice>
      )}

      {evaluation.summary.trim() && (
        <section className="section" aria-labelledby="sammanfattning">
          <h2 id="sammanfattning">{t('eval.summary')}</h2>
          <div id={passageAnchor({ kind: 'summary', areaNumber: null, subareaId: null, item: null })} className="passage">
            <Markdown text={evaluation.summary} lang={TEXT_LANG} />
          </div>
        </section>
      )}

      <section className="section" aria-labelledby="resultat">
        <h2 id="resultat">{t('eval.results')}</h2>
        <div className="grid-2">
          <div className="card">
            <h3>{t('eval.barChart')}</h3>
            <AreaBarChart summary={summary} />
          </div>
          <div className="card">
            <h3>{t('eval.radar')}</h3>
            <p className="muted small">{t('eval.radarText')}</p>
            {summary.previous && !summary.previous.sameFramework && (
              <p className="small">{t('eval.previousOtherVersion', { year: summary.previous.year })}</p>
            )}
            <ProfileRadarChart summary={summary} />
          </div>
        </div>
        <h3>{t('eval.areaOverview')}</h3>
        <AreaOverview summary={summary} />
        {titleNote && <p className="muted small" data-testid="title-translation-note">{titleNote}</p>}
      </section>

      <CommentThreadsProvider
        evaluationId={evaluation.id}
        enabled={access.canReadInternals}
        texts={evaluation.areas}
        canComment={access.canComment}
        isStaff={user?.role === 'admin' || user?.role === 'evaluator'}
        canResolve={access.canResolveThread}
        onChanged={() => setCommentsPosted((n) => n + 1)}
      >
        {loaded && summary.areas.map((area) => <AreaSection key={area.number} area={area} frameworkId={summary.framework.id} text={evaluation.areas.find((a) => a.number === area.number)} />)}
        <p className="muted small section">{t('common.unknownLegend')}</p>

        {access.canReadInternals && (
          <>
            <CommentsPanel areas={summary.areas} />
            <HistoryPanel key={commentsPosted} evaluationId={evaluation.id} version={evaluation.version} />
          </>
        )}
      </CommentThreadsProvider>
    </article>
  );
}

function ScoreCard({ summary }: { summary: EvaluationSummary }) {
  const t = useT();
  const f = useFormat();
  const avg = summary.average;
  return (
    <div className="card score-card" data-testid="score-card">
      <h2 className="label">{t('eval.totalScore')}</h2>
      <p className="score-hero">
        <span className="score-big" data-testid="total-score">
          <Value value={summary.total} kind="points" />
        </span>
        <span className="score-of">
          {t('chart.of')} {summary.max} {t('common.points')} · <Value value={summary.percent} kind="percent" />
        </span>
      </p>
      {summary.total !== null && (
        <div className="meter" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (summary.total / summary.max) * 100)}%` }} />
        </div>
      )}
      {summary.totalSource === 'stated' && <p className="muted small">{t('eval.totalStated')}</p>}
      {summary.previous && (
        <p className="small">
          {summary.previous.sameFramework ? (
            <>
              <Value value={summary.previous.totalDelta} kind="delta" />{' '}
              {t('eval.sinceYear', { year: summary.previous.year, points: f.points(summary.previous.total) })}
            </>
          ) : (
            t('eval.previousOtherVersion', { year: summary.previous.year })
          )}
        </p>
      )}
      {avg && avg.count > 0 && <p className="small muted">{t('eval.averageTotal', { avg: f.points(avg.total), n: avg.count })}</p>}
      <nav aria-label={t('eval.toc')} className="toc">
        <h3 className="small muted">{t('eval.areas')}</h3>
        <ol>
          {summary.areas.map((a) => (
            <li key={a.number}>
              <a href={`#${areaAnchor(a.number)}`}>{a.title}</a> <span className="muted">({f.points(a.score)})</span>
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}

function FactsCard({ evaluation, summary }: { evaluation: Evaluation; summary: EvaluationSummary }) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="card" data-testid="facts">
      <h2 className="label">{t('eval.facts')}</h2>
      <dl className="facts">
        <dt>{t('eval.when')}</dt>
        <dd>{f.yearMonth(evaluation.year, evaluation.month)}</dd>
        <dt>{t('eval.reportDate')}</dt>
        <dd>{evaluation.reportDate ? f.date(evaluation.reportDate) : <Value value={null} />}</dd>
        <dt>{t('eval.ordinal')}</dt>
        <dd>{evaluation.ordinal ? t('eval.ordinalValue', { nth: f.ordinal(evaluation.ordinal) }) : <Value value={null} />}</dd>
        <dt>{t('eval.interviews')}</dt>
        <dd>
          {evaluation.interviews === null ? (
            <Value value={null} />
          ) : (
            t(evaluation.interviewsApprox ? 'eval.interviewsApprox' : 'eval.interviewsValue', { n: evaluation.interviews })
          )}
        </dd>
        <dt>{t('eval.evaluators')}</dt>
        <dd>
          {evaluation.evaluators.length === 0 ? (
            <Value value={null} />
          ) : (
            <ul className="plain-list">
              {evaluation.evaluators.map((e, i) => (
                <li key={i}>
                  {e.name}
                  {e.organisation && <span className="muted">, {e.organisation}</span>}
                  {e.isLead && <span className="muted"> ({t('eval.lead')})</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('eval.framework')}</dt>
        <dd>{summary.framework.name}</dd>
        <dt>{t('common.updated')}</dt>
        <dd>
          {f.dateTime(evaluation.updatedAt)}
          {evaluation.updatedBy && <span className="muted"> · {evaluation.updatedBy}</span>}
        </dd>
      </dl>
      {evaluation.keyFacts.length > 0 && (
        <>
          <h3 className="small">{t('eval.keyFacts')}</h3>
          <dl className="facts small">
            {evaluation.keyFacts.map((k, i) => (
              <div key={i} style={{ display: 'contents' }}>
                <dt lang={TEXT_LANG}>{k.label}</dt>
                <dd lang={TEXT_LANG}>{k.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}

function AreaOverview({ summary }: { summary: EvaluationSummary }) {
  const t = useT();
  const hasPrev = summary.previous !== null;
  const hasAvg = (summary.average?.count ?? 0) > 0;
  return (
    <AreaScoreTable
      caption={t('eval.areaOverview')}
      testId="area-overview"
      rows={summary.areas}
      rowProps={(a) => ({ 'data-area': a.number })}
      rowHeader={(a) => (
        <a href={`#${areaAnchor(a.number)}`}>
          {a.number}. {a.title}
        </a>
      )}
      totalHeader={t('common.total')}
      columns={[
        { key: 'score', header: t('common.pointsHeader'), cell: (a) => <Value value={a.score} kind="points" />, cellProps: () => ({ 'data-cell': 'score' }), total: <Value value={summary.total} kind="points" />, totalProps: { 'data-cell': 'total' } },
        {
          key: 'bar',
          num: false,
          header: <span className="sr-only">{t('common.percent')}</span>,
          cell: (a) => (
            <span className="inline-meter">
              <span style={{ width: `${a.score ?? 0}%` }} />
            </span>
          ),
          cellProps: () => ({ className: 'bar-cell', 'aria-hidden': true }),
          totalProps: { 'aria-hidden': true },
        },
        { key: 'percent', header: t('common.percent'), cell: (a) => <Value value={a.percent} kind="percent" />, total: <Value value={summary.percent} kind="percent" /> },
        hasPrev && { key: 'previous', header: `${t('common.previous')} (${summary.previous?.year})`, cell: (a) => <Value value={a.previous} kind="points" />, total: <Value value={summary.previous?.total} kind="points" /> },
        hasPrev && { key: 'change', header: t('common.change'), cell: (a) => <Value value={a.delta} kind="delta" />, total: <Value value={summary.previous?.totalDelta} kind="delta" /> },
        hasAvg && { key: 'average', header: t('common.average'), cell: (a) => <Value value={a.average} kind="points" />, total: <Value value={summary.average?.total} kind="points" /> },
      ]}
    />
  );
}
