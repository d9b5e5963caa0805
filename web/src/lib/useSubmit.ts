import { useCallback, useState } from 'react';

/**
 * A form's write: `busy` while it runs (to disable the button), and the error of the last attempt for
 * `ErrorPanel` (null once an attempt succeeds, and before the first).
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
