import { graphError } from './respond.ts';
import { parseDemoToken, userOfDemoToken } from './demoTokens.ts';
import { markFault } from './requestLog.ts';
import type { Middleware } from './types.ts';

const challenge = {
  'WWW-Authenticate':
    'Bearer realm="", authorization_uri="http://localhost/demo/token", error="invalid_token"',
};

/**
 * Requires `Authorization: Bearer <token>` with a demo token of an enabled user, and sets
 * `context.caller`. Anonymous routes (the demo endpoints) skip it. A token issued before fault
 * injection's `expireTokens()` is refused as expired, like an Entra ID token past its lifetime.
 */
export const requireDemoToken: Middleware = async (context, next) => {
  if (context.route?.scope === 'origin') return next();
  const header = context.request.headers.get('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    return graphError(
      context,
      { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
      challenge,
    );
  }
  const parsed = parseDemoToken(match[1]);
  if (
    parsed?.epoch !== null &&
    parsed?.epoch !== undefined &&
    parsed.epoch !== (context.faults?.tokenEpoch ?? 0)
  ) {
    return markFault(
      graphError(
        context,
        {
          status: 401,
          code: 'InvalidAuthenticationToken',
          message: 'Lifetime validation failed, the token is expired.',
        },
        challenge,
      ),
      'expiredToken',
    );
  }
  const user = userOfDemoToken(context.tenant, match[1]);
  if (!user || !user.accountEnabled) {
    return graphError(
      context,
      {
        status: 401,
        code: 'InvalidAuthenticationToken',
        message: user
          ? `Access token validation failure: the account ${user.userPrincipalName} is disabled.`
          : 'Access token validation failure. The emulator accepts `demo` or `demo.<base64url(userPrincipalName)>`; get one from POST /demo/token.',
      },
      challenge,
    );
  }
  context.caller = user;
  return next();
};
