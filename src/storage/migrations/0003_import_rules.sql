-- Warnings that wait for confirmation, occasional customers, deleted customer accounts.

-- A confirmed UNKNOWN_COUNTRY warning imports the country as the shop has it.
alter table partner_address alter column country type text;

alter table import_run
  add column awaiting_count    int not null default 0,
  add column deactivated_count int not null default 0;

-- awaiting: held back until its warnings are confirmed; info: deactivated links, linked guests.
alter table import_log drop constraint import_log_level_check;
alter table import_log add constraint import_log_level_check
  check (level in ('error', 'warning', 'awaiting', 'skipped', 'info'));

create index channel_link_channel_partner_idx on channel_link (channel_id, partner_id);

-- Warning codes a user confirmed for this record: later imports of it are not held back for them again.
alter table channel_link add column confirmed_warnings text[] not null default '{}';
