import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown.ts';

/**
 * Renders user Markdown as sanitized HTML (no script from user text can run). `lang` is the language
 * the text is written in (evaluation texts are Swedish whatever the interface language).
 */
export function Markdown({ text, className, lang }: { text: string; className?: string; lang?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className={className ? `prose ${className}` : 'prose'} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
