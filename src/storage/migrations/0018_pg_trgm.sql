-- Trigram indexes (pg_trgm) serve the partner search's substring match (migration 0019). One extension for the
-- whole database, in schema public, before the per-OLTP migrations that index with it. PGlite loads it as one of
-- its extensions (pglite-db.ts); on PostgreSQL it is a trusted contrib extension.
create extension if not exists pg_trgm with schema public;
