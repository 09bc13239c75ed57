/**
 * /api/oltp-databases and /api/session/oltp: the OLTP databases a user may log in to (all of them: the spec
 * names no rule per user) and switching the session's one (the header's menu). Every other call works on the
 * session's OLTP database (oltp-scope.ts).
 */
import { Type } from 'typebox';
import { AuthError } from '../../domain/errors.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses } from '../schemas/common.ts';
import { OltpDatabaseSchema, OltpSwitchAnswer, OltpSwitchBody } from '../schemas/oltp.ts';

export const oltpRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/oltp-databases',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The OLTP databases one may log in to (the login form offers them), the default one first',
        security: [],
        response: { 200: Type.Array(OltpDatabaseSchema), ...errorResponses },
      },
    },
    async () => await ctx.oltp.list(),
  );

  app.put(
    '/session/oltp',
    {
      schema: {
        tags: ['auth'],
        summary: "Switch the session to another OLTP database: every later call works on that one's data",
        body: OltpSwitchBody,
        response: { 200: OltpSwitchAnswer, ...errorResponses },
      },
    },
    async (request) => {
      if (!request.sessionIdHash) throw new AuthError('AUTH_REQUIRED', 'Please log in.');
      const oltp = await ctx.oltp.resolve(request.body.name);
      await ctx.sessions.switchOltp(request.sessionIdHash, oltp.name);
      return { oltp: oltp.name };
    },
  );
};
