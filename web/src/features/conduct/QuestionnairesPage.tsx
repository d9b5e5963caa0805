import { Link } from 'react-router-dom';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useResource } from '../../lib/useResource.ts';
import { paths } from '../../paths.ts';
import { fetchQuestionnaires } from './api/conduct.ts';

/** The questionnaires that concern the signed-in user: their municipality's, or their assignments'. */
export default function QuestionnairesPage() {
  const t = useT();
  usePageTitle(t('questionnaire.list'));
  const res = useResource('questionnaires', (signal) => fetchQuestionnaires(signal));
  return (
    <article className="page narrow" data-testid="questionnaires-page">
      <h1>{t('questionnaire.list')}</h1>
      <p>{t('questionnaire.listIntro')}</p>
      {res.error ? <ErrorPanel error={res.error} onRetry={res.reload} /> : !res.data ? <Loading /> : res.data.items.length === 0 ? (
        <Notice tone="info">
          <p>{t('questionnaire.none')}</p>
        </Notice>
      ) : (
        <ul className="item-list">
          {res.data.items.map((i) => (
            <li key={i.evaluationId} className="card">
              <Link to={paths.questionnaire(i.evaluationId)}>
                {i.municipality.name} {i.year}
              </Link>
              <p className="muted small">
                {t(`questionnaire.status.${i.status}`)} · {t('questionnaire.answered', { n: i.answered, total: i.total })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
