import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { FieldChange } from '../draft.ts';
import { TableRegion } from '../../../components/TableRegion.tsx';

export interface ConflictPanelProps {
  updatedBy: string | null;
  updatedAt: string | null;
  changes: FieldChange[];
  onKeepMine: () => void;
  onDiscard: () => void;
}

/** Shown when a save hit a newer version: who changed what, and two ways forward. Nothing typed is lost. */
export function ConflictPanel({ updatedBy, updatedAt, changes, onKeepMine, onDiscard }: ConflictPanelProps) {
  const t = useT();
  const f = useFormat();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section className="alert alert-warning conflict" role="alert" aria-labelledby="konflikt-rubrik" tabIndex={-1} ref={ref} data-testid="conflict">
      <h2 id="konflikt-rubrik" className="alert-title" style={{ marginTop: 0 }}>
        {t('conflict.title')}
      </h2>
      <p>{t('conflict.text', { who: updatedBy ?? t('conflict.someone'), when: f.dateTime(updatedAt) })}</p>
      {changes.length > 0 ? (
        <>
          <p>{t('conflict.changed')}</p>
          <TableRegion label={t('conflict.title')}>
            <table className="table-compact">
              <thead>
                <tr>
                  <th scope="col">{t('conflict.field')}</th>
                  <th scope="col">{t('conflict.theirs')}</th>
                  <th scope="col">{t('conflict.yours')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td>{c.theirs}</td>
                    <td>{c.yours ?? <span className="muted">–</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : (
        <p>{t('conflict.noDiff')}</p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onKeepMine} aria-describedby="behall-hint">
          {t('conflict.keepMine')}
        </button>
        <button type="button" className="button danger" onClick={onDiscard}>
          {t('conflict.discard')}
        </button>
      </div>
      <p className="hint" id="behall-hint" style={{ marginTop: '0.5rem' }}>
        {t('conflict.keepMineHint')}
      </p>
    </section>
  );
}
