import { Link } from 'react-router-dom';
import { passageAnchor } from '../../../../../src/domain/search.ts';
import { LazyMarkdown as Markdown } from '../../../components/LazyMarkdown.tsx';
import { Value } from '../../../components/Value.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { AreaText, SummaryArea } from '../../../lib/types.ts';
import { paths } from '../../../paths.ts';
import { ScoreTable } from '../../../components/ScoreTable.tsx';
import { ItemThreads } from './CommentThreads.tsx';

/** The language evaluation texts are written in: they are shown as written, whatever the interface language. */
export const TEXT_LANG = 'sv';

export function areaAnchor(n: number): string {
  return `omrade-${n}`;
}

/** Points per subarea; each row links to the good examples of that subarea in the same framework version. */
export function SubareaTable({ area, frameworkId }: { area: SummaryArea; frameworkId: string }) {
  const t = useT();
  return (
    <ScoreTable
      caption={t('eval.subareaTable', { n: area.number })}
      testId={`subarea-table-${area.number}`}
      rowHeaderTitle={t('common.subarea')}
      rows={area.subareas}
      rowKey={(s) => s.id}
      rowProps={(s) => ({ 'data-subarea': s.id })}
      rowHeader={(s) => (
        <>
          <span className="muted">{s.id}</span> {s.title}
          <Link className="subarea-examples small" to={paths.goodExamples({ framework: frameworkId, subarea: s.id })} aria-label={t('eval.goodExamplesFor', { id: s.id, title: s.title })}>
            {t('eval.goodExamplesLink')}
          </Link>
        </>
      )}
      totalHeader={t('common.total')}
      columns={[
        { key: 'achieved', header: t('common.achieved'), cell: (s) => <Value value={s.achieved} />, cellProps: () => ({ 'data-cell': 'achieved' }), total: <Value value={area.score} />, totalProps: { 'data-cell': 'area-total' } },
        { key: 'max', header: t('common.max'), cell: (s) => <Value value={s.max} />, total: area.max },
        { key: 'percent', header: t('common.percent'), cell: (s) => <Value value={s.percent} kind="percent" />, total: <Value value={area.percent} kind="percent" /> },
      ]}
    />
  );
}

export function AreaSection({ area, text, frameworkId }: { area: SummaryArea; text: AreaText | undefined; frameworkId: string }) {
  const t = useT();
  const f = useFormat();
  const narratives = area.subareas.filter((s) => (text?.narratives[s.id] ?? '').trim() !== '');
  const strengths = text?.strengths ?? [];
  const improvements = text?.improvements ?? [];
  const headingId = `${areaAnchor(area.number)}-rubrik`;
  return (
    <section className="area-section" id={areaAnchor(area.number)} aria-labelledby={headingId}>
      <div className="area-head">
        <h2 id={headingId}>
          <span className="area-number">{area.number}</span>
          {area.title}
        </h2>
        <p className="area-score">
          {area.score === null ? (
            <Value value={null} />
          ) : (
            t('eval.areaScore', { score: f.points(area.score) })
          )}
          {area.source === 'stated' && <span className="muted small"> ({t('eval.source.stated')})</span>}
          {area.source === 'partial' && <span className="muted small"> ({t('eval.source.partial')})</span>}
        </p>
      </div>
      {text?.summary && (
        <div id={passageAnchor({ kind: 'area-summary', areaNumber: area.number, subareaId: null, item: null })} className="passage">
          <Markdown text={text.summary} lang={TEXT_LANG} />
        </div>
      )}
      <SubareaTable area={area} frameworkId={frameworkId} />
      {narratives.length > 0 && (
        <>
          <h3>{t('eval.narratives')}</h3>
          {narratives.map((s) => (
            <div className="narrative passage" key={s.id} id={passageAnchor({ kind: 'narrative', areaNumber: area.number, subareaId: s.id, item: null })}>
              <h4>
                {s.id} {s.title}
              </h4>
              <Markdown text={text?.narratives[s.id] ?? ''} lang={TEXT_LANG} />
            </div>
          ))}
        </>
      )}
      <div className="two-col">
        <div className="list-box strengths">
          <h3>{t('eval.strengths')}</h3>
          {strengths.length > 0 ? (
            <ul lang={TEXT_LANG}>
              {strengths.map((s, i) => (
                <li key={i} className="passage" id={passageAnchor({ kind: 'strength', areaNumber: area.number, subareaId: null, item: i + 1 })}>
                  {s}
                  <ItemThreads areaNumber={area.number} kind="strength" index={i} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('eval.noneListed')}</p>
          )}
        </div>
        <div className="list-box improvements">
          <h3>{t('eval.improvements')}</h3>
          {improvements.length > 0 ? (
            <ul lang={TEXT_LANG}>
              {improvements.map((s, i) => (
                <li key={i} className="passage" id={passageAnchor({ kind: 'improvement', areaNumber: area.number, subareaId: null, item: i + 1 })}>
                  {s}
                  <ItemThreads areaNumber={area.number} kind="improvement" index={i} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('eval.noneListed')}</p>
          )}
        </div>
      </div>
      {text && text.goodExamples.length > 0 && (
        <>
          <h3>{t('eval.goodExamples')}</h3>
          <ul lang={TEXT_LANG}>
            {text.goodExamples.map((g, i) => (
              <li key={i} className="passage" id={passageAnchor({ kind: 'good-example', areaNumber: area.number, subareaId: g.subareaId, item: i + 1 })}>
                <strong>{g.name}</strong>
                {g.subareaId && <span className="muted"> ({g.subareaId})</span>}
                {g.text && <>: {g.text}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
