import { useEffect, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'done'; value: T };

/** Runs `load` when `key` changes and keeps only the latest answer (a stale answer never overwrites). */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> & { reload(): void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (value) => current && setState({ status: 'done', value }),
      // Loaders return GraphResult values; a throw is a programming error and must be visible.
      (error: unknown) => {
        if (current) setState(() => { throw error; });
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names what `load` depends on
  }, [key, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
}
