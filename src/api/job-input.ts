/**
 * The Import customers form of the API (`{ application, batch }`) turned into what JobService files, with
 * errors that name their field (`application.emails`, `batch.queue`); and the defaults of the Batch settings
 * tab: User = the logged-in user, OLTP database and content language as /api/system says.
 */
import type { Static } from 'typebox';
import type { BatchSettingsInput } from '../batch/batch-settings.ts';
import { KontorError } from '../domain/errors.ts';
import { fieldError, fieldOf } from '../domain/field-error.ts';
import type { User } from '../domain/user.ts';
import {
  checkImportSettings,
  type ImportCustomersSettings,
  parseImportSettings,
  toSelectionInput,
} from '../import/import-settings.ts';
import { forbidden, isAdministrator } from './access.ts';
import type { ApiContext } from './api-context.ts';
import type { BatchSettingsSchema, ImportSettingsSchema } from './schemas/job.ts';

export type ImportSettingsBody = Static<typeof ImportSettingsSchema>;
export type BatchSettingsBody = Static<typeof BatchSettingsSchema>;

const IMPORT_FIELDS = new Set([
  'channel',
  'changedSince',
  'timestamp',
  'byEmail',
  'emails',
  'deactivateDeleted',
  'confirmAllWarnings',
]);

/** Puts `application.` or `batch.` before a field a service named without it. */
export function withFieldPrefix(error: unknown): unknown {
  const field = fieldOf(error);
  if (!(error instanceof KontorError) || !field || field.includes('.')) return error;
  const prefixed = `${IMPORT_FIELDS.has(field) ? 'application' : 'batch'}.${field}`;
  return Object.assign(error, { field: prefixed });
}

/** The stored settings of an Import customers job, checked against the channel's adapter. */
export async function importSettingsFrom(
  ctx: ApiContext,
  input: ImportSettingsBody,
): Promise<ImportCustomersSettings> {
  // The channel's public view: filing a job needs no key to its secrets.
  const channel = await ctx.channels.findPublic(input.channel.trim());
  if (!channel) throw fieldError(`Sales channel "${input.channel}" does not exist.`, 'application.channel');
  const adapter = ctx.adapters.get(channel.adapter);
  if (input.byEmail && !adapter.capabilities.byEmail)
    throw fieldError(
      `The ${adapter.label} adapter cannot select customers by e-mail.`,
      'application.byEmail',
    );
  const settings = await withFields(async () =>
    parseImportSettings({
      ...input,
      channel: channel.name,
      ...(input.byEmail
        ? { changedSince: 'last-transfer', timestamp: null, emails: input.emails ?? [] }
        : { emails: null }),
    }),
  );
  await withFields(async () =>
    checkImportSettings(toSelectionInput(settings), {
      adapterLabel: adapter.label,
      capabilities: adapter.capabilities,
      watermark: channel.watermark,
      now: ctx.clock(),
    }),
  );
  return settings;
}

/** Stored Import customers settings as the API shows them (the form the UI edits and sends back). */
export function importSettingsView(settings: Record<string, unknown>): Record<string, unknown> {
  const emails = Array.isArray(settings.emails) ? (settings.emails as string[]) : null;
  return {
    channel: settings.channel,
    changedSince: settings.changedSince,
    timestamp: settings.timestamp ?? null,
    byEmail: emails !== null,
    emails: emails ?? [],
    deactivateDeleted: settings.deactivateDeleted === true,
    confirmAllWarnings: settings.confirmAllWarnings === true,
  };
}

/**
 * The Batch settings tab with its defaults. User defaults to `owner` (the logged-in user when filing, the
 * job's user when editing); a `user` may name only themselves, an administrator any existing user. The OLTP
 * database is `oltp` (the session's when filing, the job's when editing): another one is refused.
 */
export async function batchSettingsFrom(
  ctx: ApiContext,
  me: User,
  input: BatchSettingsBody,
  oltp: string,
  owner: string = me.name,
): Promise<BatchSettingsInput> {
  const user = input.user?.trim() || owner;
  if (user !== me.name && user !== owner) {
    if (!isAdministrator(me))
      throw Object.assign(forbidden('You may file and edit batch jobs only for yourself.'), {
        field: 'batch.user',
      });
    if (!(await ctx.users.exists(user))) throw fieldError(`User "${user}" does not exist.`, 'batch.user');
  }
  const queue = input.queue.trim();
  if (!(await ctx.queues.exists(queue)))
    throw fieldError(`Processing queue "${queue}" does not exist.`, 'batch.queue');
  return {
    name: input.name ?? null,
    user,
    oltpDatabase: sessionOltp(input.oltpDatabase, oltp),
    contentLanguage: input.contentLanguage ?? null,
    queue,
    appServer: input.appServer ?? null,
    startMode: input.startMode,
    begin: input.begin ? new Date(input.begin) : null,
    maxRunSeconds: input.maxRunSeconds ?? null,
    timeoutNotification: input.timeoutNotification === true,
    pattern: input.pattern ?? null,
    timeZone: input.timeZone ?? null,
    end: input.end ? new Date(input.end) : null,
    seriesCanceledNotification: input.seriesCanceledNotification === true,
    notification: input.notification,
    releaseImmediately: input.releaseImmediately ?? null,
  };
}

/** Rethrows with the field prefixed (services name fields without `application.` / `batch.`). */
export async function withFields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw withFieldPrefix(error);
  }
}

/** The OLTP database of the Batch settings tab: filled in automatically, so only `oltp` itself is accepted. */
function sessionOltp(given: string | null | undefined, oltp: string): string {
  const name = given?.trim();
  if (name && name.toLowerCase() !== oltp.toLowerCase())
    throw fieldError(
      `The OLTP database is "${oltp}", the one you work on; to file a job for "${name}", switch to it in the header.`,
      'batch.oltpDatabase',
    );
  return oltp;
}
