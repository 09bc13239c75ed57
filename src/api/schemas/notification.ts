/** Notifications: dialogs and workflow tasks (docs/api.md "Notifications and server push"). */
import { Type } from 'typebox';
import { Nullable, Timestamp } from './common.ts';

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  channel: Type.Enum(['dialog', 'workflow']),
  topic: Type.Enum(['run-ended', 'timeout', 'series-canceled', 'missed']),
  jobId: Nullable(Type.Integer()),
  runId: Nullable(Type.Integer()),
  hasErrors: Type.Boolean(),
  title: Type.String(),
  message: Type.String(),
  createdAt: Timestamp,
  acknowledgedAt: Nullable(Timestamp),
});
