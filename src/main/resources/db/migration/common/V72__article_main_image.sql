-- The main image of an article's current revision as ingestion found it (HEAD request): its size and type, so that
-- feeds can give enclosures their real length (RSS requires one; 0 is no answer). Null: not known (yet).
alter table article add column image_url varchar(2000);
alter table article add column image_length bigint;
alter table article add column image_type varchar(100);
