/**
 * The API's wire types: what its routes accept and answer, as the TypeBox schemas in ./schemas declare them.
 * Types only (nothing here exists at run time), so the web UI imports them without bundling the server; the
 * domain types are tied to them in wire-types.test-d.ts, so a change on either side fails the typecheck.
 */
import type { Static } from 'typebox';
import type {
  ChannelListItemSchema,
  ChannelTestChanges as ChannelTestChangesSchema,
  ChannelTestResult,
  ChannelUpdateSchema,
  channelInputSchema,
  channelTestInputSchema,
  PublicChannelSchema,
} from './schemas/channel.ts';
import type { ErrorBody as ErrorBodySchema } from './schemas/common.ts';
import type { ChannelHealthSchema, HealthRunSchema, HomeResult } from './schemas/home.ts';
import type {
  BatchSettingsSchema,
  CancelResult,
  ImportCustomersBody,
  ImportSettingsSchema,
  JobPatchBody,
  JobQuery,
  JobSchema,
  RunLogResult,
  RunSchema,
  TriggerResult,
} from './schemas/job.ts';
import type { NotificationSchema } from './schemas/notification.ts';
import type { OltpDatabaseSchema, OltpSwitchAnswer as OltpSwitchAnswerSchema } from './schemas/oltp.ts';
import type {
  HistoryEntrySchema,
  MergeBody,
  PartnerHistory as PartnerHistorySchema,
  PartnerMergeSchema,
  PartnerPage as PartnerPageSchema,
  PartnerQuery,
  PartnerSchema,
} from './schemas/partner.ts';
import type { PreviewBody, PreviewPageSchema } from './schemas/preview.ts';
import type {
  ImportRunLogResult,
  OpenRecordPage as OpenRecordPageSchema,
  OpenRecordQuery,
  OpenRecordSchema,
  RecordActionBody,
  RecordActionResultSchema,
  RecordLinkBody,
} from './schemas/record.ts';
import type {
  AdapterInfo as AdapterInfoSchema,
  ApplicationInfo,
  AppServerSchema,
  NewQueueBody,
  QueuePatchBody,
  QueueSchema,
  SystemInfo as SystemInfoSchema,
} from './schemas/system.ts';
import type {
  LoginAnswer,
  NewUserBody,
  RoleSchema,
  UserEnvelope,
  UserPatchBody,
  UserSchema,
} from './schemas/user.ts';

/** Every error answer (4xx, 5xx). */
export type ErrorBody = Static<typeof ErrorBodySchema>;

// Auth and users
export type Role = Static<typeof RoleSchema>;
export type User = Static<typeof UserSchema>;
/** The answer of login and `GET /api/auth/me`. */
export type UserAnswer = Static<typeof UserEnvelope>;
export type LoginAnswerBody = Static<typeof LoginAnswer>;
export type NewUser = Static<typeof NewUserBody>;
export type UserUpdate = Static<typeof UserPatchBody>;

// Adapters and sales channels
export type AdapterInfo = Static<typeof AdapterInfoSchema>;
export type AdapterCapabilities = AdapterInfo['capabilities'];
export type DeletionDetection = AdapterCapabilities['deletions'];
export type SettingField = AdapterInfo['settings'][number];
export type PublicChannel = Static<typeof PublicChannelSchema>;
/** An item of GET /api/channels: the channel with its open records. */
export type ChannelListItem = Static<typeof ChannelListItemSchema>;
export type ChannelType = PublicChannel['type'];
export type ChannelInput = Static<ReturnType<typeof channelInputSchema>>;
export type ChannelUpdate = Static<typeof ChannelUpdateSchema>;
export type ChannelTestAnswer = Static<typeof ChannelTestResult>;
/** POST /api/channels/:name/test with the edit form's values. */
export type ChannelTestChanges = Static<typeof ChannelTestChangesSchema>;
/** POST /api/channels/test: a channel not saved yet. */
export type ChannelTestInput = Static<ReturnType<typeof channelTestInputSchema>>;

// Import customers and batch jobs
/** The Application tab of Import customers as the API accepts it (absent fields take their defaults). */
export type ImportSettingsBody = Static<typeof ImportSettingsSchema>;
export type ChangedSince = NonNullable<ImportSettingsBody['changedSince']>;
export type BatchSettingsBody = Static<typeof BatchSettingsSchema>;
export type ImportCustomersRequest = Static<typeof ImportCustomersBody>;
export type JobPatch = Static<typeof JobPatchBody>;
export type Job = Static<typeof JobSchema>;
export type JobState = Job['state'];
export type StartMode = Job['startMode'];
export type NotificationSetting = Job['notification'];
export type Run = Static<typeof RunSchema>;
export type BatchRunState = Run['state'];
export type JobListQuery = Static<typeof JobQuery>;
export type CancelAnswer = Static<typeof CancelResult>;
export type TriggerAnswer = Static<typeof TriggerResult>;
export type RunLog = Static<typeof RunLogResult>;
export type ImportRun = NonNullable<RunLog['importRun']>;
export type RunCounts = ImportRun['counts'];
export type RunLogLine = RunLog['log'][number];
/** POST /api/import-customers/preview and its `next`: what an import would do, per record. */
export type PreviewRequest = Static<typeof PreviewBody>;
export type PreviewPage = Static<typeof PreviewPageSchema>;
export type PreviewRecord = PreviewPage['records'][number];
export type PreviewAction = PreviewRecord['action'];
export type LogLevel = RunLogLine['level'];

// The home page
export type Home = Static<typeof HomeResult>;
export type ChannelHealth = Static<typeof ChannelHealthSchema>;
export type HealthRun = Static<typeof HealthRunSchema>;

// Notifications
export type Notification = Static<typeof NotificationSchema>;

// Partners
export type Partner = Static<typeof PartnerSchema>;
export type PartnerType = Partner['type'];
export type PartnerStatus = Partner['status'];
export type PartnerAddress = Partner['addresses'][number];
export type PartnerContact = Partner['contacts'][number];
export type PartnerLink = Partner['links'][number];
export type PartnerListQuery = Static<typeof PartnerQuery>;
export type PartnerPage = Static<typeof PartnerPageSchema>;
export type HistoryEntry = Static<typeof HistoryEntrySchema>;
export type PartnerHistory = Static<typeof PartnerHistorySchema>;
export type PartnerMerge = Static<typeof PartnerMergeSchema>;
export type PartnerMergeBody = Static<typeof MergeBody>;

// System
export type SystemInfo = Static<typeof SystemInfoSchema>;
/** An OLTP database as GET /api/oltp-databases lists it. */
export type OltpDatabaseInfo = Static<typeof OltpDatabaseSchema>;
export type OltpSwitchAnswer = Static<typeof OltpSwitchAnswerSchema>;
export type BatchApplicationInfo = Static<typeof ApplicationInfo>;
export type ProcessingQueue = Static<typeof QueueSchema>;
export type NewQueue = Static<typeof NewQueueBody>;
export type QueueUpdate = Static<typeof QueuePatchBody>;
export type AppServerInfo = Static<typeof AppServerSchema>;
export type AppServerStatus = AppServerInfo['status'];

// Open records (GET /api/records, POST /api/records/confirm|ignore|retry|link|create-new)
export type OpenRecord = Static<typeof OpenRecordSchema>;
export type OpenRecordState = OpenRecord['state'];
export type OpenRecordFilter = Static<typeof OpenRecordQuery>;
export type OpenRecordPage = Static<typeof OpenRecordPageSchema>;
export type RecordActionRequest = Static<typeof RecordActionBody>;
export type RecordActionResult = Static<typeof RecordActionResultSchema>;
/** POST /api/records/link. */
export type RecordLinkRequest = Static<typeof RecordLinkBody>;
export type MatchRule = PublicChannel['matchRules'][number];
/** GET /api/import-runs/:id/log. */
export type ImportRunLog = Static<typeof ImportRunLogResult>;
