-- Matching (issue 14, docs/import-rules.md "Matching"): a channel's ordered matching rules, and the normalised
-- keys of every partner (computed by src/domain/match-keys.ts when the partner is written), indexed so that the
-- look-up of a page's candidates goes by key. match_keyed is false for partners written before this migration
-- (or by hand, outside Kontor): an import with matching rules computes their keys first.
alter table sales_channel add column match_rules text[] not null default '{}';

alter table partner
  add column match_tax_id text,
  add column match_email  text,
  add column match_phones text[] not null default '{}',
  add column match_keyed  boolean not null default false;

create index partner_match_tax_id_idx on partner (match_tax_id) where match_tax_id is not null;
create index partner_match_email_idx on partner (match_email) where match_email is not null;
create index partner_match_phones_idx on partner using gin (match_phones);
create index partner_match_unkeyed_idx on partner (id) where not match_keyed;

-- The partner numbers a record awaiting review (MATCH_AMBIGUOUS) could be linked to.
alter table open_record add column candidates text[] not null default '{}';
