import { useCallback } from 'react';
import { readRegister } from '../graph/index.ts';
import { useAppServices } from './AppContext.tsx';
import { useAsync } from './useAsync.ts';

/** The mailbox register, read once per signed-in user. */
export function useRegister() {
  const { graph, config, userPrincipalName } = useAppServices();
  const load = useCallback(() => readRegister(graph, config.register), [graph, config]);
  return useAsync(load, `${userPrincipalName}|${config.register.siteId}|${config.register.listId}`);
}
