import { useEffect, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'done'; value: T };

/**
 * Runs `load` whenever `key` changes (or `reload()` is called) and keeps only the answer for the
 * current key: a late answer for an earlier key never overwrites a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> & { reload(): void } {
  const [round, setRound] = useState(0);
  const [result, setResult] = useState<{ key: string; value: T } | null>(null);
  const fullKey = `${key}#${round}`;
  useEffect(() => {
    let current = true;
    load().then(
      (value) => {
        if (current) setResult({ key: fullKey, value });
      },
      // Loaders return GraphResult values; a throw is a programming error and must reach the error boundary.
      (error: unknown) => {
        if (current)
          setResult(() => {
            throw error;
          });
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names everything `load` depends on
  }, [fullKey]);
  const state: AsyncState<T> = result && result.key === fullKey ? { status: 'done', value: result.value } : { status: 'loading' };
  return { ...state, reload: () => setRound((r) => r + 1) };
}
