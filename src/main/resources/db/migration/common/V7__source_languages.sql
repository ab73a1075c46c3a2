-- Target languages per source (comma-separated; null: every configured language).
alter table source add column languages varchar(200);
