import { useEffect } from 'react';

/** Sets document.title to "<page> – Kommunkompassen". */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} – Kommunkompassen` : 'Kommunkompassen';
  }, [title]);
}
