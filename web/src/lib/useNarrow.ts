import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 560px)';

/** True on a narrow (phone) screen: charts then use short labels and full names in tooltips and tables. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mq = window.matchMedia(QUERY);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
