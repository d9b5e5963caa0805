import { useT } from '../../../i18n/i18n.tsx';
import type { FrameworkDef } from '../../../lib/types.ts';
import { areaFieldIds, emptyArea, type AreaDraft, type FieldError } from '../draft.ts';
import { GoodExamplesEditor } from './GoodExamplesEditor.tsx';
import { ListEditor } from './ListEditor.tsx';
import { MarkdownEditor } from './MarkdownEditor.tsx';

export interface AreaTextsFormProps {
  framework: FrameworkDef;
  areaNumber: number;
  onAreaNumber: (n: number) => void;
  areas: Record<number, AreaDraft>;
  onChange: (n: number, area: AreaDraft) => void;
  changedAreas: readonly number[];
  /** Problems of the texts as typed (length limits), shown at their fields. */
  errors?: readonly FieldError[];
}

export function AreaTextsForm({ framework, areaNumber, onAreaNumber, areas, onChange, changedAreas, errors = [] }: AreaTextsFormProps) {
  const t = useT();
  const def = framework.areas.find((a) => a.number === areaNumber) ?? framework.areas[0];
  if (!def) return null;
  const area = areas[def.number] ?? emptyArea();
  const set = (patch: Partial<AreaDraft>) => onChange(def.number, { ...area, ...patch });
  const errorOf = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  const listErrors = (prefix: string) => Object.fromEntries(errors.filter((e) => e.fieldId.startsWith(`${prefix}-`)).map((e) => [Number(e.fieldId.slice(prefix.length + 1)), e.message]));
  return (
    <div data-testid="area-texts">
      <div className="field" style={{ maxWidth: 560 }}>
        <label htmlFor="valj-omrade">{t('edit.chooseArea')}</label>
        <select id="valj-omrade" value={def.number} onChange={(e) => onAreaNumber(Number(e.target.value))}>
          {framework.areas.map((a) => (
            <option key={a.number} value={a.number}>
              {a.number}. {a.title}
              {changedAreas.includes(a.number) ? ` (${t('edit.unsaved').toLowerCase()})` : ''}
            </option>
          ))}
        </select>
      </div>
      <h3>
        <span className="area-number">{def.number}</span>
        {def.title}
      </h3>
      <MarkdownEditor id={areaFieldIds.summary(def.number)} label={t('edit.areaSummary')} value={area.summary} onChange={(v) => set({ summary: v })} rows={4} error={errorOf(areaFieldIds.summary(def.number))} />
      {def.subareas.map((s) => (
        <MarkdownEditor
          key={`${def.number}-${s.id}`}
          id={areaFieldIds.narrative(s.id)}
          error={errorOf(areaFieldIds.narrative(s.id))}
          label={t('edit.narrative', { id: s.id, title: s.heading ?? s.title })}
          value={area.narratives[s.id] ?? ''}
          onChange={(v) => set({ narratives: { ...area.narratives, [s.id]: v } })}
        />
      ))}
      <div className="two-col">
        <ListEditor key={`s${def.number}`} idPrefix={areaFieldIds.strengths(def.number)} legend={t('edit.strengths')} items={area.strengths} onChange={(items) => set({ strengths: items })} errors={listErrors(areaFieldIds.strengths(def.number))} />
        <ListEditor key={`i${def.number}`} idPrefix={areaFieldIds.improvements(def.number)} legend={t('edit.improvements')} items={area.improvements} onChange={(items) => set({ improvements: items })} errors={listErrors(areaFieldIds.improvements(def.number))} />
      </div>
      <GoodExamplesEditor key={`g${def.number}`} area={def} items={area.goodExamples} onChange={(items) => set({ goodExamples: items })} />
    </div>
  );
}
