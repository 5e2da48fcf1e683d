import { userOfDemoToken } from '../pipeline/demoTokens.ts';
import { graphError } from '../pipeline/respond.ts';
import type { GraphContext } from '../pipeline/types.ts';

const loopbackHosts = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/**
 * The demo control endpoints change the tenant or the faults: anonymous on loopback (a developer's
 * machine, tests), otherwise only with a demo token (an emulator in a container reached by name).
 * Returns the refusal, or `null` when the request may go on.
 */
export function refuseRemoteAnonymous(context: GraphContext): Response | null {
  if (loopbackHosts.test(context.url.hostname)) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(context.request.headers.get('Authorization') ?? '');
  if (match?.[1] && userOfDemoToken(context.tenant, match[1])) return null;
  return graphError(context, {
    status: 401,
    code: 'InvalidAuthenticationToken',
    message: `The demo control endpoints answer anonymous requests on loopback only; from ${context.url.hostname} send Authorization: Bearer <demo token>.`,
  });
}
