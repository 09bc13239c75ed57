/** /api/users: the users (any logged-in user may list them: the User field's value assistant); administrators change them. */
import { Type } from 'typebox';
import { currentUser } from '../access.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses, NameParams } from '../schemas/common.ts';
import { NewUserBody, UserPatchBody, UserSchema } from '../schemas/user.ts';

export const userRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'All users',
        response: { 200: Type.Array(UserSchema), ...errorResponses },
      },
    },
    async () => await ctx.users.list(),
  );

  app.post(
    '/users',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['users'],
        summary: 'Create a user (they change the password at their first login)',
        body: NewUserBody,
        response: { 201: UserSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { user } = await ctx.users.add({ ...request.body, mustChangePassword: true });
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/users/:name',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['users'],
        summary: 'Change a user: display name, role, password (a one-time one), disabled',
        params: NameParams,
        body: UserPatchBody,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = currentUser(request);
      const user = await ctx.users.update(actor.name, request.params.name, request.body);
      if (request.body.password !== undefined || request.body.disabled)
        ctx.hub.endUserSessions(user.name, null);
      return user;
    },
  );
};
