-- OLTP databases (issue 16, docs/development.md "OLTP databases"): one installation holds several (PROD, TEST),
-- each a PostgreSQL schema `oltp_<name in lower case>` with its own partners, sales channels, channel links,
-- watermarks, open records and import runs. Users, sessions, processing queues, application servers, batch jobs
-- and runs and notifications stay shared (schema public). Today's tables become the OLTP database `default`,
-- the first one (so the default one): existing databases keep their data there.

create table oltp_database (
  name       text primary key,
  -- The OLTP database's content language (a BCP 47 tag): the default of its batch jobs.
  language   text not null default 'en',
  created_at timestamptz not null default now()
);

-- PROD and prod would be one database to a reader (and one schema).
create unique index oltp_database_lower_name_idx on oltp_database (lower(name));

-- The per-OLTP migrations (NNNN_name.oltp.sql) each OLTP database's schema has.
create table oltp_migration (
  oltp_database text not null references oltp_database (name) on delete cascade,
  version       int not null,
  name          text not null,
  applied_at    timestamptz not null default now(),
  primary key (oltp_database, version)
);

insert into oltp_database (name, language) values ('default', 'en');

create schema oltp_default;

-- A batch run names the import run it started without its schema: import run ids come from one sequence, so
-- they stay unique over all OLTP databases, and no foreign key crosses schemas.
alter table batch_run drop constraint batch_run_import_run_id_fkey;
alter sequence import_run_id_seq owned by none;

alter table sales_channel set schema oltp_default;
alter sequence partner_number_seq set schema oltp_default;
alter table partner set schema oltp_default;
alter table partner_address set schema oltp_default;
alter table partner_contact set schema oltp_default;
alter table channel_link set schema oltp_default;
alter table import_run set schema oltp_default;
alter table import_log set schema oltp_default;
alter table open_record set schema oltp_default;

-- The moved tables are what 0000_oltp_tables.oltp.sql creates in a new OLTP database's schema.
insert into oltp_migration (oltp_database, version, name) values ('default', 0, 'oltp_tables');

-- Until now the column held a name derived from the database file and nothing read it: every job ran here.
update batch_job set oltp_database = 'default';

-- The OLTP database a session works on (chosen at login, switched in the header); null: the default one.
alter table user_session
  add column oltp_database text references oltp_database (name) on delete set null;
