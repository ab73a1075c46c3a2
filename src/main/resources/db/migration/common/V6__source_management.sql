-- Sources managed at runtime: paused sources are not polled; full-article sources have each item's page fetched;
-- next_poll_at holds back a source after errors (exponential backoff, Retry-After).
alter table source add column paused boolean not null default false;
alter table source add column fetch_full_article boolean not null default false;
alter table source add column next_poll_at timestamp with time zone;
