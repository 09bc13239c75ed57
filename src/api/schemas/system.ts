/** System cockpit and value assistants (docs/api.md "System"). */
import { Type } from 'typebox';
import { Nullable, Timestamp } from './common.ts';

export const Health = Type.Object({ ok: Type.Literal(true), version: Type.String() });

export const Readiness = Type.Object({
  ready: Type.Boolean(),
  /** The database's schema version, and how many migrations of this Kontor it lacks. */
  schemaVersion: Type.Optional(Type.Integer()),
  pendingMigrations: Type.Optional(Type.Integer()),
  /** Why not ready (the database cannot be reached, or lacks migrations). */
  reason: Type.Optional(Type.String()),
});

export const SystemInfo = Type.Object({
  version: Type.String(),
  database: Type.Enum(['embedded', 'postgres']),
  oltpDatabase: Type.String({
    description: 'the OLTP database of the session (switch: PUT /api/session/oltp)',
  }),
  contentLanguage: Type.String(),
  languages: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  timeZone: Type.String(),
  timeZones: Type.Array(Type.String()),
  appServer: Nullable(Type.String()),
  demo: Type.Boolean({ description: 'this server is `kontor demo`: its shops break records on purpose' }),
  demoNotice: Nullable(Type.String({ description: 'what the demo says about itself, to show as a banner' })),
});

export const ApplicationInfo = Type.Object({
  name: Type.String(),
  label: Type.String(),
  developmentObject: Type.String(),
});

export const AdapterInfo = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  capabilities: Type.Object({
    changedSince: Type.Boolean(),
    byEmail: Type.Boolean(),
    deletions: Type.Enum(['none', 'tombstones', 'id-scan']),
    channelTypes: Type.Array(Type.Enum(['b2c', 'b2b', 'b2b-b2c'])),
    guests: Type.Boolean(),
    alwaysBlocked: Type.Boolean(),
    pageSize: Type.Integer(),
    requestsPerSecond: Nullable(Type.Number()),
    /** Reads customers by external id: open records are read again by id (Last transfer, Retry). */
    byId: Type.Boolean(),
  }),
  settings: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      type: Type.Enum(['string', 'secret', 'number', 'boolean']),
      required: Type.Boolean(),
      description: Type.String(),
      default: Type.Optional(Type.String()),
    }),
  ),
});

export const QueueSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  createdAt: Timestamp,
  ready: Type.Integer({ description: 'jobs waiting in the queue' }),
  active: Type.Integer({ description: 'jobs running' }),
});

export const NewQueueBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 63 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});

export const QueuePatchBody = Type.Object({
  description: Nullable(Type.String({ maxLength: 500 })),
});

export const AppServerSchema = Type.Object({
  name: Type.String(),
  status: Type.Enum(['running', 'stopped', 'dead']),
  host: Type.String(),
  pid: Type.Integer(),
  startedAt: Timestamp,
  heartbeatAt: Timestamp,
  stoppedAt: Nullable(Timestamp),
});
