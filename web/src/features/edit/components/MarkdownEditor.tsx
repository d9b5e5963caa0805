import { useId, useState } from 'react';
import { Markdown } from '../../../components/Markdown.tsx';
import { useT } from '../../../i18n/i18n.tsx';

export interface MarkdownEditorProps {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  /** The text's problem as typed (worded), shown under it. */
  error?: string | undefined;
}

/** Markdown textarea with a Write / Preview switch; the preview is sanitized (no script runs). */
export function MarkdownEditor({ id, label, value, onChange, rows = 6, error }: MarkdownEditorProps) {
  const t = useT();
  const autoId = useId();
  const fieldId = id ?? `${autoId}-md`;
  const hintId = `${fieldId}-hint`;
  const [preview, setPreview] = useState(false);
  return (
    <div className="field">
      <label htmlFor={fieldId} id={`${fieldId}-label`}>
        {label}
      </label>
      <div className="md-editor">
        <div className="md-toolbar" role="group" aria-label={t('edit.modeFor', { label })}>
          <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
            {t('edit.write')}
          </button>
          <button type="button" aria-pressed={preview} onClick={() => setPreview(true)} data-testid={`${fieldId}-preview`}>
            {t('edit.preview')}
          </button>
        </div>
        {preview ? (
          <div className="md-preview" aria-labelledby={`${fieldId}-label`} role="region" aria-live="polite">
            {value.trim() ? <Markdown text={value} /> : <p className="muted">{t('edit.previewEmpty')}</p>}
          </div>
        ) : (
          <textarea
            id={fieldId}
            rows={rows}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${fieldId}-fel` : hintId}
          />
        )}
      </div>
      <p className="hint" id={hintId}>
        {t('edit.markdownHint')}
      </p>
      {error && (
        <p className="field-error" id={`${fieldId}-fel`}>
          {error}
        </p>
      )}
    </div>
  );
}
