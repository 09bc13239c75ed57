-- Batch jobs: processing queues, application servers, jobs, runs and notifications (DESIGN.md section 4).

-- The System cockpit's "Processing queue" category. A queue runs one job at a time, in order.
create table processing_queue (
  id          bigserial primary key,
  name        text not null unique,
  description text,
  created_at  timestamptz not null default now()
);

-- Jobs that name no queue go here (e.g. `kontor import-customers --channel x --wait`).
insert into processing_queue (name, description)
values ('default', 'Created with the database; used when a job names no processing queue.');

-- A `kontor worker` or `kontor serve` process. Its heartbeat says it is alive; a server whose heartbeat
-- stopped is marked dead by the sweeper of any other server.
create table app_server (
  name         text primary key,
  status       text not null check (status in ('running', 'stopped', 'dead')),
  -- A random token of the process that registered last; only that process may write the row.
  instance     text not null,
  host         text not null,
  pid          int not null,
  started_at   timestamptz not null default now(),
  heartbeat_at timestamptz not null default now(),
  stopped_at   timestamptz
);

create table batch_job (
  id                           bigserial primary key,
  name                         text not null,
  application                  text not null,
  settings                     jsonb not null default '{}'::jsonb,
  user_name                    text not null,
  oltp_database                text not null,
  content_language             text not null,
  queue_id                     bigint not null references processing_queue (id),
  -- The application server the job must run on (by name); null = any.
  app_server                   text,
  start_mode                   text not null
    check (start_mode in ('add-to-queue', 'at-restart', 'external', 'once', 'series')),
  begin_at                     timestamptz,
  max_run_seconds              int check (max_run_seconds > 0),
  timeout_notification         boolean not null default false,
  serial_pattern               text,
  time_zone                    text not null,
  end_at                       timestamptz,
  series_canceled_notification boolean not null default false,
  notification                 text not null
    check (notification in ('none', 'dialog', 'dialog-errors', 'workflow', 'workflow-errors')),
  release_immediately          boolean not null,
  state                        text not null check (state in ('planned', 'released', 'ready', 'active',
                                 'finished', 'failed', 'canceled', 'missed', 'abandoned')),
  -- When the job's next run is (or was) due; orders the ready jobs of a queue (then id).
  due_at                       timestamptz,
  released_at                  timestamptz,
  -- The lease of the active run: every write of that run must present it.
  lease_token                  text,
  cancel_requested             boolean not null default false,
  -- External jobs: a trigger arrived while a run was active; one more run follows it.
  trigger_pending              boolean not null default false,
  created_at                   timestamptz not null default now(),
  updated_at                   timestamptz not null default now(),
  check (state <> 'active' or lease_token is not null)
);

-- Name lookups (`kontor jobs release nightly`): a name belongs to one job that has not ended yet.
create unique index batch_job_live_name_idx on batch_job (name)
  where state in ('planned', 'released', 'ready', 'active');
create index batch_job_name_idx on batch_job (name, id desc);
-- The invariant of a processing queue: one active job at a time.
create unique index batch_job_one_active_per_queue_idx on batch_job (queue_id) where state = 'active';
-- The dispatcher's scans: ready jobs in queue order, released jobs by due time.
create index batch_job_ready_idx on batch_job (queue_id, due_at, id) where state = 'ready';
create index batch_job_released_idx on batch_job (start_mode, due_at) where state = 'released';

create table batch_run (
  id               bigserial primary key,
  job_id           bigint not null references batch_job (id) on delete cascade,
  state            text not null check (state in ('active', 'finished', 'failed', 'canceled', 'abandoned')),
  app_server       text not null,
  lease_token      text not null,
  lease_expires_at timestamptz not null,
  -- When the run became due (release, Begin, pattern slot, trigger, server start) and when it started.
  due_at           timestamptz,
  started_at       timestamptz not null default now(),
  heartbeat_at     timestamptz not null default now(),
  finished_at      timestamptz,
  counts           jsonb,
  has_errors       boolean not null default false,
  -- timeout | canceled | server-stopped | lease-lost | server-died | error (null: finished normally)
  reason           text,
  error_code       text,
  error_message    text,
  import_run_id    bigint references import_run (id) on delete set null
);

create index batch_run_job_idx on batch_run (job_id, id desc);
create unique index batch_run_one_active_per_job_idx on batch_run (job_id) where state = 'active';
create index batch_run_active_idx on batch_run (lease_expires_at) where state = 'active';

-- Notifications to a job's user: dialogs (shown live or at the next login) and workflow tasks (in the inbox
-- until acknowledged).
create table notification (
  id              bigserial primary key,
  user_name       text not null,
  channel         text not null check (channel in ('dialog', 'workflow')),
  topic           text not null check (topic in ('run-ended', 'timeout', 'series-canceled', 'missed')),
  job_id          bigint references batch_job (id) on delete cascade,
  run_id          bigint references batch_run (id) on delete set null,
  has_errors      boolean not null,
  title           text not null,
  message         text not null,
  created_at      timestamptz not null default now(),
  -- The user closed the dialog or completed the workflow task; until then it is shown (at login, in the inbox).
  acknowledged_at timestamptz
);

create index notification_open_idx on notification (user_name, id) where acknowledged_at is null;
