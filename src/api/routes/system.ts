/**
 * System: health, the defaults of the Batch settings tab, the batch applications and adapters, processing
 * queues and application servers (the System cockpit).
 */
import { Type } from 'typebox';
import { defaultContentLanguage } from '../../batch/batch-settings.ts';
import { addQueue, queues } from '../../batch/queue-service.ts';
import { systemTimeZone } from '../../batch/schedule.ts';
import { ConfigError, KontorError, NotFoundError } from '../../domain/errors.ts';
import { fieldError } from '../../domain/field-error.ts';
import { listServers } from '../../storage/app-server-store.ts';
import { errorResponses, NameParams } from '../schemas/common.ts';
import {
  AdapterInfo,
  ApplicationInfo,
  AppServerSchema,
  Health,
  NewQueueBody,
  QueueSchema,
  SystemInfo,
} from '../schemas/system.ts';
import type { RoutePlugin } from '../server.ts';
import { languages, oltpDatabaseName, timeZones } from '../system-info.ts';

export const systemRoutes: RoutePlugin = async (app, ctx) => {
  const { db } = ctx;

  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Is the server up', security: [], response: { 200: Health } },
    },
    async () => ({ ok: true as const, version: ctx.options.version }),
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
    async () => ({
      version: ctx.options.version,
      database: db.kind === 'postgres' ? ('postgres' as const) : ('embedded' as const),
      oltpDatabase: oltpDatabaseName(db),
      contentLanguage: defaultContentLanguage(),
      languages: languages(),
      timeZone: systemTimeZone(),
      timeZones: timeZones(),
      appServer: ctx.options.appServer,
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
    async () =>
      ctx.applications.names().map((name) => {
        const application = ctx.applications.get(name)!;
        const developmentObject = (application as { developmentObject?: string }).developmentObject;
        return { name, label: application.label, developmentObject: developmentObject ?? '' };
      }),
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
    async () => await queues(db),
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
    async (request, reply) => {
      const { name, description } = request.body;
      try {
        await addQueue(db, name, description ?? null);
      } catch (error) {
        if (error instanceof KontorError && error.code === 'QUEUE_EXISTS')
          throw new ConfigError('NAME_TAKEN', error.message);
        if (error instanceof KontorError && error.code === 'INVALID_INPUT')
          throw fieldError(error.message, 'name');
        throw error;
      }
      const queue = (await queues(db)).find((q) => q.name === name);
      if (!queue) throw new NotFoundError('Processing queue', name);
      return reply.status(201).send(queue);
    },
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
    async () => await listServers(db),
  );

  void NameParams;
};
