import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorPanel, Loading, Notice } from '../../../components/Status.tsx';
import { MunicipalityPicker } from '../../../components/MunicipalityPicker.tsx';
import { TableRegion } from '../../../components/TableRegion.tsx';
import { Value } from '../../../components/Value.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useAuth } from '../../../lib/auth.tsx';
import type { MunicipalityBenchmarkReply, MunicipalityItem } from '../../../lib/types.ts';
import { paths } from '../../../paths.ts';
import { useMunicipalityBenchmark, usePeerGroups } from '../api/benchmarks.ts';
import { AreaTable } from './AreaTable.tsx';

type Standing = MunicipalityBenchmarkReply['total'];

/** A municipality's rank within its county or a saved peer group, and its distance to the best. */
export function MunicipalityStanding({
  framework,
  year,
  municipality,
  peerGroup,
  onMunicipality,
  onPeerGroup,
}: {
  framework: string;
  year: number | null;
  municipality: string | null;
  peerGroup: string | null;
  onMunicipality: (code: string | null) => void;
  onPeerGroup: (id: string | null) => void;
}) {
  const t = useT();
  const fid = useId();
  const { user } = useAuth();
  const groups = usePeerGroups(user !== null);
  const [picked, setPicked] = useState<MunicipalityItem | null>(null);
  const result = useMunicipalityBenchmark(municipality, framework, year, peerGroup);
  const data = result.data;
  return (
    <section className="section" aria-labelledby="bench-muni-h" data-testid="bench-municipality">
      <h2 id="bench-muni-h">{t('bench.standing')}</h2>
      <p className="muted small">{t('bench.standingText')}</p>
      <div className="filters">
        <MunicipalityPicker
          id={`${fid}-muni`}
          label={t('bench.municipality')}
          value={picked ?? (data ? { code: data.municipality.code, name: data.municipality.name, kind: 'kommun', countyCode: data.municipality.countyCode, countyName: data.municipality.countyName } : null)}
          onChange={(m) => {
            setPicked(m);
            if (m) onMunicipality(m.code);
          }}
        />
        <div className="field">
          <label htmlFor={`${fid}-group`}>{t('bench.group')}</label>
          <select id={`${fid}-group`} value={peerGroup ?? ''} onChange={(e) => onPeerGroup(e.target.value || null)} data-testid="bench-group">
            <option value="">{t('bench.county')}</option>
            {(groups.data?.items ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {!user && <p className="hint">{t('bench.signInForGroups')}</p>}
        </div>
      </div>
      {result.error !== undefined && <ErrorPanel error={result.error} onRetry={result.reload} />}
      {municipality && result.loading && !data && <Loading />}
      {data && <StandingTable data={data} />}
    </section>
  );
}

function StandingTable({ data }: { data: MunicipalityBenchmarkReply }) {
  const t = useT();
  const groupName = data.group.name;
  if (!data.evaluation) return <Notice>{t('bench.noEvaluation', { name: data.municipality.name, version: data.framework.name })}</Notice>;
  const r = data.total.rank;
  return (
    <>
      <p data-testid="bench-rank-summary">
        {r
          ? t(r.tiedWith > 0 ? 'bench.rankSummaryTied' : 'bench.rankSummary', { name: data.municipality.name, rank: r.rank, of: r.of, group: groupName, tied: r.tiedWith })
          : t('bench.rankUnknown', { name: data.municipality.name })}{' '}
        <Link to={paths.evaluation(data.evaluation.id)}>{t('bench.evaluationOf', { year: data.evaluation.year })}</Link>
      </p>
      <TableRegion label={t('bench.standingCaption', { name: data.municipality.name, group: groupName })}>
        <AreaTable
          testId="bench-standing"
          caption={t('bench.standingCaption', { name: data.municipality.name, group: groupName })}
          frameworkId={data.framework.id}
          columns={[t('common.pointsHeader'), t('bench.rank'), t('bench.groupBest'), t('bench.toGroupBest'), t('bench.groupMedian'), t('bench.toNationalBest')]}
          areas={data.areas}
          cells={{ area: (a) => <StandingCells s={a.standing} />, subarea: (s) => <StandingCells s={s.standing} />, total: <StandingCells s={data.total} /> }}
        />
      </TableRegion>
      <h3>{t('bench.members', { group: groupName })}</h3>
      <ol className="plain-list" data-testid="bench-members">
        {data.group.members.map((m) => (
          <li key={m.code}>
            <Link to={paths.evaluation(m.evaluationId)}>
              {m.name} {m.year}
            </Link>
            : <Value value={m.total} kind="points" /> {t('bench.pointsShort')}
          </li>
        ))}
      </ol>
    </>
  );
}

function StandingCells({ s }: { s: Standing }) {
  const t = useT();
  return (
    <>
      <td className="num">
        <Value value={s.score} decimals={1} />
      </td>
      <td className="num">{s.rank ? t(s.rank.tiedWith > 0 ? 'bench.rankOfTied' : 'bench.rankOf', { rank: s.rank.rank, of: s.rank.of }) : <Value value={null} />}</td>
      <td className="num">
        <Value value={s.groupBest} decimals={1} />
      </td>
      <td className="num">
        <Value value={s.distanceToGroupBest} decimals={1} />
      </td>
      <td className="num">
        <Value value={s.groupMedian} decimals={1} />
      </td>
      <td className="num">
        <Value value={s.distanceToNationalBest} decimals={1} />
      </td>
    </>
  );
}
