import type { ReactNode } from 'react';

/** One area of a framework version as a folding section (question bank, questionnaire); the titles are the framework's Swedish. */
export function AreaDetails({ number, title, open, children }: { number: number; title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="section card" open={open}>
      <summary>
        <h2 className="inline-heading">
          {number} <span lang="sv">{title}</span>
        </h2>
      </summary>
      {children}
    </details>
  );
}
