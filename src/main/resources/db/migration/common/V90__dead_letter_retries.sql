-- A retried dead letter is kept (marked retried) instead of discarded, and a dead letter that comes back from the
-- same origin with the same bytes after a retry names the attempt it repeats: the operator sees every attempt.
alter table dead_letter add column payload_sha256 varchar(64);
alter table dead_letter add column retried_at timestamp with time zone;
alter table dead_letter add column retry_of bigint;
-- (the hash alone: an index on the 2000-character origin could exceed PostgreSQL's btree row size)
create index dead_letter_payload on dead_letter (payload_sha256);
