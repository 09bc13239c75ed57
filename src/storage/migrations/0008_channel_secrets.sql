-- Secret settings of sales channels are sealed (AES-256-GCM, src/secrets) and kept apart from the clear
-- settings: one sealed text per secret setting, by key, so that which secrets are set is known without the key.
-- Rows from before keep their secrets in `settings` until the channel is next saved or `kontor secrets rotate`
-- runs (the key is not known to SQL).
alter table sales_channel add column secrets jsonb not null default '{}'::jsonb;
