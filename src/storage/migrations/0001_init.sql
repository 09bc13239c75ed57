-- The partner master, sales channels, channel links and import runs.

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
  -- Last transfer: customers changed at or after this instant are selected next time.
  watermark             timestamptz,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now()
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
  updated_at               timestamptz not null default now()
);

create index partner_email_idx on partner (lower(email));

create table partner_address (
  partner_id       bigint not null references partner (id) on delete cascade,
  position         int not null,
  street           text,
  postal_code      text,
  city             text,
  country          char(2),
  region           text,
  default_billing  boolean not null default false,
  default_shipping boolean not null default false,
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

-- A partner is linked to a channel by (channel, external id); re-imports update through the link.
create table channel_link (
  channel_id        bigint not null references sales_channel (id) on delete cascade,
  external_id       text not null,
  partner_id        bigint not null references partner (id) on delete cascade,
  imported_at       timestamptz not null,
  deleted_at        timestamptz,
  active            boolean not null default true,
  -- The channel's change time of the record last imported, and a fingerprint of its data.
  source_updated_at timestamptz,
  fingerprint       text not null,
  primary key (channel_id, external_id)
);

create index channel_link_partner_idx on channel_link (partner_id);

create table import_run (
  id               bigserial primary key,
  channel_id       bigint not null references sales_channel (id) on delete cascade,
  state            text not null check (state in ('running', 'finished', 'failed')),
  changed_since    text not null check (changed_since in ('anytime', 'last-transfer', 'manual', 'by-email')),
  since            timestamptz,
  emails           text[],
  options          jsonb not null default '{}'::jsonb,
  started_at       timestamptz not null default now(),
  -- Refreshed while the run is alive; a running run whose heartbeat stopped was abandoned.
  heartbeat_at     timestamptz not null default now(),
  finished_at      timestamptz,
  read_count       int not null default 0,
  created_count    int not null default 0,
  updated_count    int not null default 0,
  unchanged_count  int not null default 0,
  skipped_count    int not null default 0,
  warning_count    int not null default 0,
  error_count      int not null default 0,
  cursor           text,
  watermark_before timestamptz,
  watermark_after  timestamptz,
  error_code       text,
  error_message    text
);

create index import_run_channel_idx on import_run (channel_id, id desc);
-- One import per channel at a time: the watermark of a channel has one writer.
create unique index import_run_one_running_idx on import_run (channel_id) where state = 'running';

-- One line per record that was not imported (or imported with warnings), with the reason.
create table import_log (
  id          bigserial primary key,
  run_id      bigint not null references import_run (id) on delete cascade,
  at          timestamptz not null default now(),
  level       text not null check (level in ('error', 'warning', 'skipped')),
  external_id text,
  code        text not null,
  message     text not null
);

create index import_log_run_idx on import_log (run_id, id);
