-- A partner's change history (docs/import-rules.md "Change history") and merges of two partners ("Merging").

-- A merged partner stays, pointing to the partner it was merged into (nothing refers to nothing); normal lists
-- leave it out.
alter table partner add column merged_into bigint references partner (id);
alter table partner add column merged_at timestamptz;
create index partner_merged_into_idx on partner (merged_into) where merged_into is not null;

-- One row per change of one partner: an import that created or changed it (run_id, by_user null), or what a
-- user did (by_user: release/block, merge, link). changes: [{ "field", "from", "to" }] in a fixed field order.
create table partner_history (
  id         bigserial primary key,
  partner_id bigint not null references partner (id) on delete cascade,
  at         timestamptz not null default now(),
  action     text not null check (action in ('import', 'status', 'merge', 'link')),
  by_user    text,
  run_id     bigint references import_run (id) on delete set null,
  changes    jsonb not null
);

create index partner_history_partner_idx on partner_history (partner_id, id);
create index partner_history_run_idx on partner_history (run_id, partner_id) where run_id is not null;

-- Every merge: which partner was kept, which was merged into it, by whom, and what moved.
create table partner_merge (
  id               bigserial primary key,
  kept_id          bigint not null references partner (id),
  removed_id       bigint not null references partner (id),
  at               timestamptz not null default now(),
  by_user          text not null,
  moved_links      int not null,
  moved_addresses  int not null,
  moved_contacts   int not null
);
