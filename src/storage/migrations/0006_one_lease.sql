-- One run, one lease. An import run is alive while an active batch run with an unexpired lease links it, or
-- (an import outside a batch job) while its own lease is unexpired; its own heartbeat is gone.
alter table import_run add column lease_expires_at timestamptz;
-- Runs still open when this migration runs keep the liveness the two-minute rule gave them.
update import_run set lease_expires_at = heartbeat_at + interval '120 seconds' where state = 'running';
alter table import_run drop column heartbeat_at;

-- The liveness check looks up the batch run that links an import run.
create index batch_run_import_run_idx on batch_run (import_run_id);

-- A job filed by `kontor import-customers --wait` names its waiter (the process's application server name);
-- the waiter's heartbeat extends the wait lease. A ready or released job whose wait lease expired is ended.
alter table batch_job
  add column waiter                text,
  add column wait_lease_expires_at timestamptz,
  add check ((waiter is null) = (wait_lease_expires_at is null));
create index batch_job_wait_lease_idx on batch_job (wait_lease_expires_at)
  where state in ('ready', 'released') and waiter is not null;
