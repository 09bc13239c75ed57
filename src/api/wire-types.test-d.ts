/**
 * Compile-time ties between the wire types (the API's schemas, ./wire-types.ts) and the domain and storage
 * records the routes answer with. Nothing runs: `tsc -p tsconfig.json` fails when a field is added, removed,
 * renamed or retyped on one side only. `Same` is mutual assignability; `Narrower` where the domain type is
 * deliberately stricter than the wire (the wire's reason is any string, the domain knows which).
 */
import type { AdapterCapabilities, SettingField } from '../adapters/adapter.ts';
import type { BatchJob, BatchSettings } from '../domain/batch-job.ts';
import type { BatchRun } from '../domain/batch-run.ts';
import type { ImportRun, RunCounts, RunLogLine } from '../domain/import-run.ts';
import type { Notice } from '../domain/notice.ts';
import type { OpenRecord, RecordActionResult } from '../domain/open-record.ts';
import type { Partner } from '../domain/partner.ts';
import type { HistoryEntry, PartnerMerge } from '../domain/partner-history.ts';
import type { SalesChannel } from '../domain/sales-channel.ts';
import type { Role, User } from '../domain/user.ts';
import type { ChangedSince } from '../import/selection.ts';
import type { AppServerInfo } from '../storage/app-server-store.ts';
import type { StoredNotification } from '../storage/notification-store.ts';
import type { ProcessingQueue } from '../storage/queue-store.ts';
import type * as Wire from './wire-types.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Narrower<Domain, Wire> = [Domain] extends [Wire] ? true : false;
/** Fails to compile unless T is true. */
type Holds<T extends true> = T;

/** A job as GET /api/jobs/{id} shows it (src/api/job-view.ts): the stored job, its label, its runs. */
type JobView = BatchJob & { applicationLabel: string; runs: Array<Omit<BatchRun, 'jobId'>> };
/** The batch run with the wire's wider reason: everything else must match exactly. */
type RunWithAnyReason = Omit<BatchRun, 'jobId' | 'reason'> & { reason: string | null };
type AdapterView = {
  kind: string;
  label: string;
  capabilities: Omit<AdapterCapabilities, 'channelTypes'> & {
    channelTypes: Array<AdapterCapabilities['channelTypes'][number]>;
  };
  settings: SettingField[];
};

export type WireTies = [
  Holds<Same<Wire.OpenRecord, OpenRecord>>,
  Holds<Same<Wire.RecordActionResult, RecordActionResult>>,
  Holds<Same<Wire.User, User>>,
  Holds<Same<Wire.Role, Role>>,
  Holds<Same<Wire.Job, Omit<JobView, 'runs'> & { runs: Wire.Run[] }>>,
  Holds<Narrower<JobView, Wire.Job>>,
  Holds<Same<Wire.Run, RunWithAnyReason>>,
  Holds<Narrower<Omit<BatchRun, 'jobId'>, Wire.Run>>,
  Holds<Same<keyof Wire.BatchSettingsBody, keyof BatchSettings>>,
  Holds<Same<Wire.ChangedSince, ChangedSince>>,
  Holds<Same<Wire.ImportRun, ImportRun>>,
  Holds<Same<Wire.RunCounts, RunCounts>>,
  Holds<Same<Wire.RunLogLine, RunLogLine>>,
  Holds<Same<Wire.Notification, Omit<StoredNotification, 'user'>>>,
  Holds<Same<Pick<Wire.Notification, keyof Notice>, Notice>>,
  Holds<Same<Wire.Partner, Partner>>,
  Holds<Same<Wire.HistoryEntry, HistoryEntry>>,
  Holds<Same<Wire.PartnerMerge, PartnerMerge>>,
  Holds<Same<Wire.PublicChannel, SalesChannel & { adapterLabel: string; secretsSet: string[] }>>,
  Holds<Same<Wire.AdapterInfo, AdapterView>>,
  Holds<Same<Wire.ProcessingQueue, ProcessingQueue>>,
  Holds<Same<Wire.AppServerInfo, AppServerInfo>>,
];
