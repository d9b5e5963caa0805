import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown.ts';

/** Renders user Markdown as sanitized HTML (no script from user text can run). */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className={className ? `prose ${className}` : 'prose'} dangerouslySetInnerHTML={{ __html: html }} />;
}
