import { useId, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useResource } from '../../lib/useResource.ts';
import { fetchQuestionBank, saveQuestionBankSubarea, type QuestionBank } from './api/conduct.ts';
import { AreaDetails } from './AreaDetails.tsx';

type Sub = QuestionBank['areas'][number]['subareas'][number];

/** The administrator edits a framework version's question bank, one subarea at a time. */
export default function QuestionBankPage() {
  const { id = '' } = useParams();
  const t = useT();
  usePageTitle(t('bank.title'));
  const res = useResource(`bank:${id}`, (signal) => fetchQuestionBank(id, signal));
  if (res.error) return <ErrorPanel error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const bank = res.data;
  return (
    <article className="page" data-testid="question-bank-page">
      <h1>
        {t('bank.title')}: {bank.frameworkName}
      </h1>
      <p>{t('bank.intro')}</p>
      {bank.areas.map((a) => (
        <AreaDetails key={a.number} number={a.number} title={a.title}>
          {a.subareas.map((s) => (
            <SubareaEditor key={s.id} frameworkId={bank.frameworkId} sub={s} onSaved={res.setData} />
          ))}
        </AreaDetails>
      ))}
    </article>
  );
}

function SubareaEditor({ frameworkId, sub, onSaved }: { frameworkId: string; sub: Sub; onSaved: (b: QuestionBank) => void }) {
  const t = useT();
  const uid = useId();
  const [list, setList] = useState(() => sub.questions.map((q) => ({ ...q })));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const set = (i: number, patch: Partial<{ text: string; help: string }>) => setList((old) => old.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      const bank = await saveQuestionBankSubarea(frameworkId, sub.id, list.map((q) => ({ ...(q.id ? { id: q.id } : {}), text: q.text, help: q.help })));
      const stored = bank.areas.flatMap((a) => a.subareas).find((x) => x.id === sub.id);
      if (stored) setList(stored.questions.map((q) => ({ ...q })));
      onSaved(bank);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby={`${uid}-h`} className="stack-small">
      <h3 id={`${uid}-h`}>
        {sub.id} <span lang="sv">{sub.title}</span>
      </h3>
      {list.map((q, i) => (
        <div key={q.id || `new-${i}`} className="card">
          <div className="field">
            <label htmlFor={`${uid}-${i}-text`}>{t('bank.question', { n: i + 1 })}</label>
            <textarea id={`${uid}-${i}-text`} rows={2} lang="sv" value={q.text} onChange={(e) => set(i, { text: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-${i}-help`}>{t('bank.help')}</label>
            <input id={`${uid}-${i}-help`} lang="sv" value={q.help} onChange={(e) => set(i, { help: e.target.value })} />
          </div>
          <button type="button" className="link-button" onClick={() => setList((old) => old.filter((_, j) => j !== i))}>
            {t('bank.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      {error !== null && <ErrorPanel error={error} />}
      {saved && (
        <Notice tone="success">
          <p role="status">{t('bank.saved', { id: sub.id })}</p>
        </Notice>
      )}
      <div className="actions">
        <button type="button" className="button secondary" onClick={() => setList((old) => [...old, { id: '', text: '', help: '' }])}>
          {t('bank.add', { id: sub.id })}
        </button>
        <button type="button" className="button" onClick={() => void save()}>
          {t('bank.save', { id: sub.id })}
        </button>
      </div>
    </section>
  );
}
