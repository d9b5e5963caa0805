import { useT } from '../../../i18n/i18n.tsx';
import { downloads } from '../../../paths.ts';
import type { SubareaMaterial as Material } from '../api/material.ts';

/** Beside a subarea being scored: the municipality's answers and the evidence linked to it, folded away until opened. */
export function SubareaMaterial({ evaluationId, subareaId, material }: { evaluationId: string; subareaId: string; material: Material | undefined }) {
  const t = useT();
  if (!material || (material.answers.length === 0 && material.evidence.length === 0)) return <p className="muted small">{t('material.none')}</p>;
  return (
    <details className="subarea-material" data-testid={`material-${subareaId}`}>
      <summary>{t('material.summary', { answers: material.answers.length, evidence: material.evidence.length })}</summary>
      {material.answers.length > 0 && (
        <>
          <h4 className="small">{t('material.answers')}</h4>
          <ul className="plain-list" lang="sv">
            {material.answers.map((a, i) => (
              <li key={i}>
                <strong>{a.question}</strong>
                <p>{a.text}</p>
                {a.links.map((l) => (
                  <a key={l} href={l} rel="noopener noreferrer" target="_blank" className="small">
                    {l}
                  </a>
                ))}
                {a.files.map((f) => (
                  <a key={f.id} href={downloads.file(evaluationId, f.id)} download className="small">
                    {f.fileName}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {material.evidence.length > 0 && (
        <>
          <h4 className="small">{t('material.evidence')}</h4>
          <ul className="plain-list" lang="sv">
            {material.evidence.map((e) => (
              <li key={e.id}>
                {t(`evidence.kind.${e.kind}`)}: {e.title}
                {e.decisionBody && ` (${e.decisionBody}${e.decidedOn ? ` ${e.decidedOn}` : ''})`}
                {e.file && (
                  <>
                    {' '}
                    <a href={downloads.file(evaluationId, e.file.id)} download>
                      {e.file.fileName}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
