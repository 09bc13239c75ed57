-- How far an active batch run is, beside its counts: pages read so far and, where the shop tells it, the
-- total number of records the read will deliver ({ "pages": 3, "total": 30000 }; total null when unknown).
-- Written with the heartbeat, as the counts are; the web UI shows "1,200 of 30,000, about 2 min left".
alter table batch_run add column progress jsonb;
