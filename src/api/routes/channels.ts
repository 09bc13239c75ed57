/** /api/channels: the Sales channels application (administrators create and edit; everybody reads and tests). */
import { Type } from 'typebox';
import { KontorError } from '../../domain/errors.ts';
import { errorResponse } from '../error-response.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import {
  ChannelListItemSchema,
  ChannelTestResult,
  ChannelUpdateSchema,
  channelInputSchema,
  PublicChannelSchema,
} from '../schemas/channel.ts';
import { ErrorBody, errorResponses, NameParams } from '../schemas/common.ts';

const TEST_TIMEOUT_MS = 60_000;

export const channelRoutes: RoutePlugin = async (app, ctx) => {
  const kinds = ctx.adapters.list().map((adapter) => adapter.kind);

  app.get(
    '/channels',
    {
      schema: {
        tags: ['channels'],
        summary: 'Sales channels (secret settings never included), with their open records',
        response: { 200: Type.Array(ChannelListItemSchema), ...errorResponses },
      },
    },
    async () => {
      const channels = await ctx.channels.list();
      const open = await ctx.records.openCounts();
      return channels.map((channel) => ({
        ...channel,
        openRecords: open.get(channel.id) ?? 0,
        adapterLabel: kinds.includes(channel.adapter)
          ? ctx.adapters.get(channel.adapter).label
          : channel.adapter,
      }));
    },
  );

  app.get(
    '/channels/:name',
    {
      schema: {
        tags: ['channels'],
        summary: 'One sales channel',
        params: NameParams,
        response: { 200: PublicChannelSchema, ...errorResponses },
      },
    },
    async (request) => await ctx.channels.getPublic(request.params.name),
  );

  app.post(
    '/channels',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['channels'],
        summary: 'Create a sales channel',
        body: channelInputSchema(kinds),
        response: { 201: PublicChannelSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await ctx.channels.add(request.body)),
  );

  app.put(
    '/channels/:name',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['channels'],
        summary:
          'Edit a sales channel (not its adapter); a secret setting absent or "" keeps its value unless listed in clearSecrets',
        params: NameParams,
        body: ChannelUpdateSchema,
        response: { 200: PublicChannelSchema, ...errorResponses },
      },
    },
    async (request) =>
      await ctx.channels.update(request.params.name, {
        ...request.body,
        settings: request.body.settings ?? {},
      }),
  );

  app.post(
    '/channels/:name/test',
    {
      schema: {
        tags: ['channels'],
        summary: 'Test the connection: 200 when the channel answers, 422 with its reason when not',
        params: NameParams,
        response: { 200: ChannelTestResult, 422: ErrorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      // 404 for an unknown channel; a secret that cannot be opened is the test's 422 below.
      await ctx.channels.getPublic(request.params.name);
      try {
        const result = await ctx.channels.test(request.params.name, AbortSignal.timeout(TEST_TIMEOUT_MS));
        if (!result.ok)
          return reply.status(422).send({ code: 'CHANNEL_CHECK_FAILED', message: result.message });
        return { ok: true as const, message: result.message };
      } catch (error) {
        if (!(error instanceof KontorError) || error.kind === 'bug') throw error;
        const { body } = errorResponse(error);
        return reply.status(422).send(body);
      }
    },
  );
};
