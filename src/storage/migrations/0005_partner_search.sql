-- The Sales channel partners cockpit searches number, name, e-mail, company, tax id and city by substring,
-- case-insensitively. lower() on every row of every search was most of its time; the lower-cased text is
-- kept with the row instead (generated columns: maintained by PostgreSQL on every write). chr(31) (unit
-- separator) keeps a search from matching across two fields.
alter table partner add column search_text text generated always as (
  lower(number || chr(31) || name || chr(31) || coalesce(email, '') || chr(31) || coalesce(company, '')
        || chr(31) || coalesce(tax_id, ''))
) stored;

alter table partner_address add column city_search text generated always as (lower(city)) stored;
