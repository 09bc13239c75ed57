-- Open records (issue 13, docs/import-rules.md "Open records"): every record a run did not import is kept per
-- channel, with its codes, message and the mapped record (or the raw one where mapping failed), until it is
-- imported, confirmed or ignored.
create table open_record (
  channel_id    bigint not null references sales_channel (id) on delete cascade,
  external_id   text not null,
  email         text,
  level         text not null check (level in ('error', 'warning')),
  codes         text[] not null,
  message       text not null,
  -- The mapped ChannelCustomer (kind 'mapped') or the shop's raw record (kind 'raw', mapping failed).
  record_kind   text not null check (record_kind in ('mapped', 'raw', 'none')),
  record        jsonb,
  -- The record's change time in the channel as last read (null: unreadable).
  changed_at    timestamptz,
  state         text not null check (state in ('open', 'imported', 'confirmed', 'ignored')),
  first_seen_at timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  -- The run that last saw the record (or resolved it).
  run_id        bigint references import_run (id) on delete set null,
  resolved_by   text,
  resolved_at   timestamptz,
  primary key (channel_id, external_id)
);

create index open_record_state_idx on open_record (channel_id, state, last_seen_at desc);

-- Runs of actions on open records (confirm, ignore, retry) are import runs of their own.
alter table import_run drop constraint import_run_changed_since_check;
alter table import_run add constraint import_run_changed_since_check
  check (changed_since in ('anytime', 'last-transfer', 'manual', 'by-email', 'open-records'));
