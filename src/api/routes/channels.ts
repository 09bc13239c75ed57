/** /api/channels: the Sales channels application (administrators create and edit; everybody reads and tests). */

import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { CheckResult } from '../../adapters/adapter.ts';
import { InvalidInputError, KontorError } from '../../domain/errors.ts';
import { currentUser, forbidden } from '../access.ts';
import { errorResponse } from '../error-response.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import {
  ChannelListItemSchema,
  ChannelTestChanges,
  ChannelTestResult,
  ChannelUpdateSchema,
  channelInputSchema,
  channelTestInputSchema,
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
    '/channels/test',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['channels'],
        summary:
          'Test the connection of a channel not saved yet: 200 when it answers, 422 with its reason when not',
        description:
          'Administrators only (they may create channels): the server reaches whatever URL is given. A refused ' +
          'connection, an unknown host or a failed TLS handshake is answered at once, without retries.',
        body: channelTestInputSchema(kinds),
        response: { 200: ChannelTestResult, 422: ErrorBody, ...errorResponses },
      },
    },
    async (request, reply) =>
      await answerTest(reply, () =>
        ctx.channels.testUnsaved(request.body, AbortSignal.timeout(TEST_TIMEOUT_MS)),
      ),
  );

  app.post(
    '/channels/:name/test',
    {
      // Without a body (the saved values): null, which the schema allows.
      preValidation: async (request) => {
        if (request.body === undefined) request.body = null;
      },
      schema: {
        tags: ['channels'],
        summary: 'Test the connection: 200 when the channel answers, 422 with its reason when not',
        description:
          "Without a body: the saved URL and settings. With a body (administrators): the edit form's values, " +
          'not saved; secret settings left empty are the stored ones (not on another host: enter them again).',
        params: NameParams,
        body: Type.Union([ChannelTestChanges, Type.Null()]),
        response: { 200: ChannelTestResult, 422: ErrorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const changes = request.body ?? undefined;
      if (changes && currentUser(request).role !== 'administrator')
        throw forbidden('Only administrators can test settings that are not saved.');
      // 404 for an unknown channel; a secret that cannot be opened is the test's 422 below.
      await ctx.channels.getPublic(request.params.name);
      return await answerTest(reply, () =>
        ctx.channels.test(request.params.name, AbortSignal.timeout(TEST_TIMEOUT_MS), changes),
      );
    },
  );
};

/** The channel's answer: 200, or 422 with the reason (wrong input is 400 naming its field; bugs stay 500). */
async function answerTest(reply: FastifyReply, test: () => Promise<CheckResult>) {
  try {
    const result = await test();
    if (!result.ok) return reply.status(422).send({ code: 'CHANNEL_CHECK_FAILED', message: result.message });
    return { ok: true as const, message: result.message };
  } catch (error) {
    if (!(error instanceof KontorError) || error.kind === 'bug' || error instanceof InvalidInputError)
      throw error;
    const { body } = errorResponse(error);
    return reply.status(422).send(body);
  }
}
