-- The tables of a new OLTP database's schema (run with that schema first on the search_path): the per-OLTP
-- tables as migrations 0001 to 0011 made them and 0015 moved them into `oltp_default`. Later changes to
-- these tables are NNNN_name.oltp.sql files, never edits here (oltp-schema.test.ts compares the two).

create table sales_channel (
  id                    bigserial primary key,
  name                  text not null unique,
  adapter               text not null,
  channel_type          text not null check (channel_type in ('b2c', 'b2b', 'b2b-b2c')),
  url                   text not null,
  settings              jsonb not null default '{}'::jsonb,
  customer_approval     boolean not null default false,
  use_pseudo_partner    boolean not null default false,
  pseudo_partner_number text,
  watermark             timestamptz,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  secrets               jsonb not null default '{}'::jsonb
);

create sequence partner_number_seq start with 100001;

create table partner (
  id                       bigserial primary key,
  number                   text not null unique,
  partner_type             text not null check (partner_type in ('B2B', 'B2C')),
  status                   text not null check (status in ('Blocked', 'Released')),
  name                     text not null,
  first_name               text,
  last_name                text,
  email                    text,
  company                  text,
  tax_id                   text,
  phones                   text[] not null default '{}',
  websites                 text[] not null default '{}',
  sales_tax_classification text,
  sales_representative     text,
  created_at               timestamptz not null default now(),
  updated_at               timestamptz not null default now(),
  search_text              text generated always as (
    lower(number || chr(31) || name || chr(31) || coalesce(email, '') || chr(31) || coalesce(company, '')
          || chr(31) || coalesce(tax_id, ''))
  ) stored
);

create index partner_email_idx on partner (lower(email));

create table partner_address (
  partner_id       bigint not null references partner (id) on delete cascade,
  position         int not null,
  street           text,
  postal_code      text,
  city             text,
  country          text,
  region           text,
  default_billing  boolean not null default false,
  default_shipping boolean not null default false,
  city_search      text generated always as (lower(city)) stored,
  primary key (partner_id, position)
);

create table partner_contact (
  partner_id bigint not null references partner (id) on delete cascade,
  position   int not null,
  name       text not null,
  function   text,
  email      text,
  phone      text,
  primary key (partner_id, position)
);

create table channel_link (
  channel_id         bigint not null references sales_channel (id) on delete cascade,
  external_id        text not null,
  partner_id         bigint not null references partner (id) on delete cascade,
  imported_at        timestamptz not null,
  deleted_at         timestamptz,
  active             boolean not null default true,
  source_updated_at  timestamptz,
  fingerprint        text not null,
  confirmed_warnings text[] not null default '{}',
  primary key (channel_id, external_id)
);

create index channel_link_partner_idx on channel_link (partner_id);
create index channel_link_channel_partner_idx on channel_link (channel_id, partner_id);

-- Ids from the one shared sequence: batch_run.import_run_id names a run of any OLTP database.
create table import_run (
  id                bigint primary key default nextval('public.import_run_id_seq'),
  channel_id        bigint not null references sales_channel (id) on delete cascade,
  state             text not null check (state in ('running', 'finished', 'failed')),
  changed_since     text not null
    check (changed_since in ('anytime', 'last-transfer', 'manual', 'by-email', 'open-records')),
  since             timestamptz,
  emails            text[],
  options           jsonb not null default '{}'::jsonb,
  started_at        timestamptz not null default now(),
  finished_at       timestamptz,
  read_count        int not null default 0,
  created_count     int not null default 0,
  updated_count     int not null default 0,
  unchanged_count   int not null default 0,
  skipped_count     int not null default 0,
  warning_count     int not null default 0,
  error_count       int not null default 0,
  cursor            text,
  watermark_before  timestamptz,
  watermark_after   timestamptz,
  error_code        text,
  error_message     text,
  awaiting_count    int not null default 0,
  deactivated_count int not null default 0,
  lease_expires_at  timestamptz
);

create index import_run_channel_idx on import_run (channel_id, id desc);
create unique index import_run_one_running_idx on import_run (channel_id) where state = 'running';

create table import_log (
  id          bigserial primary key,
  run_id      bigint not null references import_run (id) on delete cascade,
  at          timestamptz not null default now(),
  level       text not null check (level in ('error', 'warning', 'awaiting', 'skipped', 'info')),
  external_id text,
  code        text not null,
  message     text not null
);

create index import_log_run_idx on import_log (run_id, id);

create table open_record (
  channel_id    bigint not null references sales_channel (id) on delete cascade,
  external_id   text not null,
  email         text,
  level         text not null check (level in ('error', 'warning')),
  codes         text[] not null,
  message       text not null,
  record_kind   text not null check (record_kind in ('mapped', 'raw', 'none')),
  record        jsonb,
  changed_at    timestamptz,
  state         text not null check (state in ('open', 'imported', 'confirmed', 'ignored')),
  first_seen_at timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  run_id        bigint references import_run (id) on delete set null,
  resolved_by   text,
  resolved_at   timestamptz,
  primary key (channel_id, external_id)
);

create index open_record_state_idx on open_record (channel_id, state, last_seen_at desc);
