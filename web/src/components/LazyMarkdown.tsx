import { lazy, Suspense } from 'react';

const Rendered = lazy(() => import('./Markdown.tsx').then((m) => ({ default: m.Markdown })));

/**
 * `Markdown` whose renderer (marked and DOMPurify, ≈ 26 kB gzip) is loaded only when a text is shown,
 * so public pages draw their scores before it is even parsed. Until it is there the text shows as plain
 * paragraphs (never as HTML: nothing of it is interpreted).
 */
export function LazyMarkdown({ text, className, lang }: { text: string; className?: string; lang?: string }) {
  const plain = (
    <div className={className ? `prose ${className}` : 'prose'} lang={lang}>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </div>
  );
  return (
    <Suspense fallback={plain}>
      <Rendered text={text} {...(className ? { className } : {})} {...(lang ? { lang } : {})} />
    </Suspense>
  );
}
