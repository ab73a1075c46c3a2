-- One trace per article from the door to the feeds: the W3C traceparent of the span the article was ingested in, so
-- that its translation (in a batch run, possibly on another node) and its publication continue the same trace.
alter table article add column trace_parent varchar(64);
