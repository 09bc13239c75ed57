-- The Sales channel partners cockpit's search at a million partners (docs/performance.md "Partner search").
-- Substrings of the lower-cased search columns (0005) are found through trigram indexes: the search matches
-- with LIKE '%text%' (partner-search-store.ts), which these indexes answer for three characters or more.
create index partner_search_text_trgm_idx on partner using gin (search_text public.gin_trgm_ops);
create index partner_address_city_trgm_idx on partner_address using gin (city_search public.gin_trgm_ops);

-- Type and status filters, in number order (the order of every page).
create index partner_type_status_number_idx on partner (partner_type, status, number);

-- Partners with a deactivated (deleted) link: the deleted filter's lookups.
create index channel_link_deleted_partner_idx on channel_link (partner_id, channel_id)
  where not active or deleted_at is not null;

-- Statistics for the new indexes' plans now; PGlite has no autovacuum (imports refresh them there,
-- partner-statistics-store.ts).
analyze partner, partner_address, channel_link;
