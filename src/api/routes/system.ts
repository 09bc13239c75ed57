/**
 * System: health, the defaults of the Batch settings tab, the batch applications and adapters, processing
 * queues and application servers (the System cockpit).
 */
import { Type } from 'typebox';
import { systemTimeZone } from '../../batch/schedule.ts';
import { OltpService } from '../../oltp/oltp-service.ts';
import { requestOltp } from '../oltp-scope.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses, NameParams } from '../schemas/common.ts';
import {
  AdapterInfo,
  ApplicationInfo,
  AppServerSchema,
  Health,
  NewQueueBody,
  QueuePatchBody,
  QueueSchema,
  Readiness,
  SystemInfo,
} from '../schemas/system.ts';
import { languages, timeZones } from '../system-info.ts';

export const systemRoutes: RoutePlugin = async (app, ctx) => {
  const { db } = ctx;

  app.get(
    '/health',
    {
      // Liveness: answers while the process does, without the database (that is /ready).
      config: { access: 'public', sessionless: true },
      schema: {
        tags: ['system'],
        summary: 'Is the process up (liveness; does not touch the database)',
        security: [],
        response: { 200: Health },
      },
    },
    async () => ({ ok: true as const, version: ctx.options.version }),
  );

  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Is the server ready to serve: its database answers and has every migration',
        security: [],
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (request, reply) => {
      try {
        const { version, pending } = await ctx.schema.status();
        const ready = pending === 0;
        return reply.status(ready ? 200 : 503).send({
          ready,
          schemaVersion: version,
          pendingMigrations: pending,
          ...(ready ? {} : { reason: `The database lacks ${pending} migration(s) of this Kontor.` }),
        });
      } catch (error) {
        request.logger.warn(`kontor: /api/ready: ${(error as Error).message}`, { event: 'not-ready' });
        return reply.status(503).send({ ready: false, reason: 'The database cannot be reached.' });
      }
    },
  );

  app.get(
    '/system',
    {
      schema: {
        tags: ['system'],
        summary: 'Defaults of the Batch settings tab and value assistants',
        response: { 200: SystemInfo, ...errorResponses },
      },
    },
    async (request) => ({
      version: ctx.options.version,
      database: db.kind === 'postgres' ? ('postgres' as const) : ('embedded' as const),
      oltpDatabase: requestOltp(request),
      // A job's content language defaults to its OLTP database's.
      contentLanguage: (await new OltpService(db).resolve(requestOltp(request))).language,
      languages: languages(),
      timeZone: systemTimeZone(),
      timeZones: timeZones(),
      appServer: ctx.options.appServer,
      demo: Boolean(ctx.options.demoNotice),
      demoNotice: ctx.options.demoNotice || null,
    }),
  );

  app.get(
    '/applications',
    {
      schema: {
        tags: ['system'],
        summary: 'Batch applications',
        response: { 200: Type.Array(ApplicationInfo), ...errorResponses },
      },
    },
    async () => ctx.applications.list(),
  );

  app.get(
    '/adapters',
    {
      schema: {
        tags: ['system'],
        summary: 'Adapter kinds with their capabilities and settings',
        response: { 200: Type.Array(AdapterInfo), ...errorResponses },
      },
    },
    async () =>
      ctx.adapters.list().map((adapter) => ({
        kind: adapter.kind,
        label: adapter.label,
        capabilities: { ...adapter.capabilities, channelTypes: [...adapter.capabilities.channelTypes] },
        settings: adapter.settings.map((setting) => ({ ...setting })),
      })),
  );

  app.get(
    '/queues',
    {
      schema: {
        tags: ['system'],
        summary: 'Processing queues with their waiting and running jobs',
        response: { 200: Type.Array(QueueSchema), ...errorResponses },
      },
    },
    async () => await ctx.queues.list(),
  );

  app.post(
    '/queues',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['system'],
        summary: 'Create a processing queue',
        body: NewQueueBody,
        response: { 201: QueueSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ctx.queues.add(request.body.name, request.body.description ?? null)),
  );

  app.patch(
    '/queues/:name',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['system'],
        summary: "Change a processing queue's description",
        params: NameParams,
        body: QueuePatchBody,
        response: { 200: QueueSchema, ...errorResponses },
      },
    },
    async (request) => await ctx.queues.edit(request.params.name, request.body.description),
  );

  app.get(
    '/app-servers',
    {
      schema: {
        tags: ['system'],
        summary: 'Application servers and their status',
        response: { 200: Type.Array(AppServerSchema), ...errorResponses },
      },
    },
    async () => await ctx.servers.list(),
  );
};
