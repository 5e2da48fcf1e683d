import { useCallback, useRef } from 'react';
import type { GraphResult, RegisterSnapshot } from '../graph/index.ts';
import { useAppServices } from './AppContext.tsx';
import { sessionRegister } from './registerRead.ts';
import { useAsync } from './useAsync.ts';
import type { AsyncState } from './useAsync.ts';

/**
 * The mailbox register, read once per signed-in user and shared by every component that shows it
 * (usually already under way: the session starts it, see `beginSession`). `reload()` reads it again.
 */
export function useRegister(): AsyncState<GraphResult<RegisterSnapshot>> & { reload(): void } {
  const { graph, config, userPrincipalName } = useAppServices();
  const fresh = useRef(false);
  const load = useCallback(() => {
    const read = sessionRegister(graph, config.register, { fresh: fresh.current });
    fresh.current = false;
    return read;
  }, [graph, config]);
  const state = useAsync(load, `${userPrincipalName}|${config.register.siteId}|${config.register.listId}`);
  return {
    ...state,
    reload() {
      fresh.current = true;
      state.reload();
    },
  };
}
