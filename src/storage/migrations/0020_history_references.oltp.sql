-- The change history (0017) is an append-only log, written in the same statements that write the partner and
-- the run it names (src/storage/partner-write-store.ts, partner-history-store.ts), so its references hold by
-- construction; partners and import runs are never deleted (an OLTP database goes as a whole, with its
-- schema). Its two foreign keys cost two look-ups per history row: 600 for a page of 300 new partners, an
-- eighth of the page statement in EXPLAIN ANALYZE (docs/performance.md "The write path"). They go.
alter table partner_history drop constraint if exists partner_history_partner_id_fkey;
alter table partner_history drop constraint if exists partner_history_run_id_fkey;
