-- Publication policy (issue 21): a feed publishes only what an editor approved ('reviewed') or also machine
-- translations with no blocking issue ('machine'). A machine translation is published with the text the batch wrote
-- and checked, not with an editor's unfinished draft: the batch's text is kept beside the working text.
alter table translation add column machine_title varchar(4000);
alter table translation add column machine_summary text;
alter table translation add column machine_body text;
alter table translation add column machine_at timestamp with time zone;

-- Rows no editor has touched still hold the batch's text; rows an editor changed have lost it (they wait for approval).
update translation set machine_title = title, machine_summary = summary, machine_body = body, machine_at = updated_at
where state in ('NEEDS_REVIEW', 'AUTO_APPROVED') and body is not null
  and not exists (select 1 from review_audit r where r.translation_id = translation.id);

-- Each partner's own policy; the partners that asked for reviewed entries only keep them, the others too (nothing
-- unreviewed reaches a partner who did not ask for it).
alter table partner add column policy varchar(16) not null default 'reviewed';
alter table partner drop column reviewed_only;
-- a partner may ask for corrections to resurface in RSS (a new pubDate)
alter table partner add column resurface boolean not null default false;

-- The publishing log now holds several feeds per language: the reviewed feed (key: the language, as before), the
-- machine feed ('es/machine') and each partner's ('p42/es'), each its own append-only sequence.
alter table feed_entry add column feed varchar(100);
update feed_entry set feed = lang;
alter table feed_entry alter column feed set not null;
alter table feed_entry drop constraint feed_entry_version;
alter table feed_entry add constraint feed_entry_feed_version unique (feed, article_id, version_key);
create index feed_entry_feed on feed_entry (feed, id);
create index feed_entry_feed_article on feed_entry (feed, article_id, id);
-- how the version was presented (a partner's content mode, bilingual, resurfacing; null: everything), so that an
-- archive page is rendered the way it was written
alter table feed_entry add column presentation varchar(40);

-- When a feed was first kept: what an empty feed gives as its date (never 1970), the same after every restart.
create table feed_state (
    feed        varchar(100) primary key,
    created_at  timestamp with time zone not null
);
