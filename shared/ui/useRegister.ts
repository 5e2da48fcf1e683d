import { useCallback } from 'react';
import { useAppServices } from './AppContext.tsx';
import { sessionRegister } from './registerRead.ts';
import { useAsync } from './useAsync.ts';

/**
 * The mailbox register, read once per signed-in user and shared by every component that shows it
 * (usually already under way: the session starts it, see `beginSession`).
 */
export function useRegister() {
  const { graph, config, userPrincipalName } = useAppServices();
  const load = useCallback(() => sessionRegister(graph, config.register), [graph, config]);
  return useAsync(load, `${userPrincipalName}|${config.register.siteId}|${config.register.listId}`);
}
