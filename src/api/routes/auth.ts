/**
 * /api/auth: login (sets the session cookie), logout, the logged-in user, changing one's own password, one's
 * own web UI language.
 */

import { fieldError } from '../../domain/field-error.ts';
import { currentUser } from '../access.ts';
import { loginClientOf, setKnownClientCookie } from '../known-client-cookie.ts';
import {
  clearPasswordTicketCookie,
  passwordTicketOf,
  setPasswordTicketCookie,
} from '../password-ticket-cookie.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses, NoContent } from '../schemas/common.ts';
import { LoginAnswer, LoginBody, PasswordChangeBody, UiLanguageBody, UserEnvelope } from '../schemas/user.ts';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.ts';

export const authRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in: sets the session cookie',
        security: [],
        body: LoginBody,
        response: { 200: LoginAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const client = loginClientOf(request);
      const user = await ctx.users.login(request.body.name, request.body.password, client);
      const oltp = request.body.oltp === undefined ? null : (await ctx.oltp.resolve(request.body.oltp)).name;
      if (request.sessionIdHash) await ctx.sessions.end(request.sessionIdHash);
      const session = await ctx.sessions.create(user.name, oltp);
      setSessionCookie(request, reply, session.id, {
        secureCookies: ctx.options.secureCookies,
        maxAgeSeconds: ctx.sessions.limits.maxSeconds,
      });
      const knownClientId = await ctx.users.rememberClient(user.name, client.knownClientId);
      setKnownClientCookie(request, reply, knownClientId, { secureCookies: ctx.options.secureCookies });
      if (!user.mustChangePassword) return { user };
      const ticket = ctx.users.passwordChangeTicket(user.name, session.idHash);
      setPasswordTicketCookie(request, reply, ticket, { secureCookies: ctx.options.secureCookies });
      return { user, changeTicketSet: true as const };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log out: ends the session and clears the cookie',
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.sessionIdHash) {
        await ctx.sessions.end(request.sessionIdHash);
        ctx.hub.endSession(request.sessionIdHash);
      }
      clearSessionCookie(reply);
      clearPasswordTicketCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user',
        response: { 200: UserEnvelope, ...errorResponses },
      },
    },
    async (request) => ({ user: currentUser(request) }),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: "Change one's own password; ends one's other sessions",
        body: PasswordChangeBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { currentPassword, newPassword } = request.body;
      const ticket = passwordTicketOf(request);
      const proof =
        ticket !== null && currentPassword === undefined
          ? { ticket, sessionIdHash: request.sessionIdHash ?? '' }
          : { currentPassword: currentPassword ?? '' };
      if ('currentPassword' in proof && proof.currentPassword === '')
        throw fieldError('Current password is required.', 'currentPassword');
      if (newPassword === '') throw fieldError('New password is required.', 'newPassword');
      await ctx.users.changePassword(user.name, proof, newPassword, loginClientOf(request));
      clearPasswordTicketCookie(reply);
      if (request.sessionIdHash) {
        await ctx.sessions.endOthers(user.name, request.sessionIdHash);
        ctx.hub.endUserSessions(user.name, request.sessionIdHash);
      }
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/auth/language',
    {
      schema: {
        tags: ['auth'],
        summary: "Set one's own web UI language (en, de, pl); null: follow the browser's languages",
        body: UiLanguageBody,
        response: { 200: UserEnvelope, ...errorResponses },
      },
    },
    async (request) => ({
      user: await ctx.users.setUiLanguage(currentUser(request).name, request.body.language),
    }),
  );
};
