import { demoTokenFor } from '../pipeline/demoTokens.ts';
import { errors, graphError, json } from '../pipeline/respond.ts';
import type { RouteDefinition } from '../pipeline/types.ts';
import { readJsonObject } from './resolve.ts';

/**
 * The demo sign-in: not part of Graph. `POST /demo/token {"upn": "…"}` issues a token for a user
 * (`demo.<base64url(upn)>.<epoch>`), `GET /demo/personas` lists the users the demo offers to
 * switch between, with their role and a token that never expires.
 */
export const demoRoutes: RouteDefinition[] = [
  {
    name: 'demo.token',
    method: 'POST',
    path: '/demo/token',
    scope: 'origin',
    handle: async (context) => {
      const body = await readJsonObject(context.request);
      if (!body.ok) return graphError(context, body.error);
      const upn = body.value.upn;
      if (typeof upn !== 'string' || upn.trim() === '') {
        return graphError(
          context,
          errors.badRequest(
            'Send {"upn": "<userPrincipalName>"}; see GET /demo/personas for the demo users.',
          ),
        );
      }
      const user = context.tenant.findUser(upn.trim());
      if (!user || user.kind !== 'person') return graphError(context, errors.userNotFound(upn));
      if (!user.accountEnabled) {
        return graphError(context, {
          status: 400,
          code: 'AccountDisabled',
          message: `The account ${user.userPrincipalName} is disabled.`,
        });
      }
      return json({
        // The epoch lets fault injection expire every token issued so far (`faults.expireTokens()`).
        access_token: demoTokenFor(user.userPrincipalName, context.faults?.tokenEpoch ?? 0),
        token_type: 'Bearer',
        expires_in: 3600,
      });
    },
  },
  {
    name: 'demo.personas',
    method: 'GET',
    path: '/demo/personas',
    scope: 'origin',
    handle: (context) => {
      const defaultUserId = context.tenant.defaultUserId;
      return json({
        value: context.tenant.personas.map((persona) => {
          const user = context.tenant.findUser(persona.upn);
          return {
            ...persona,
            displayName: user?.displayName ?? persona.upn,
            token: demoTokenFor(persona.upn),
            isDefault: user !== undefined && user.id === defaultUserId,
          };
        }),
      });
    },
  },
];
