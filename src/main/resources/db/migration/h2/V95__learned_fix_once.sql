-- A fix is learned once per segment: two saves of the same segment at the same moment each deleted what it had taught
-- and inserted their own rows (nothing unique stopped them), and the fix was offered twice. The machine's and the
-- editor's words (up to 500 characters each) are too long together for an index entry, so the fix is keyed by the
-- SHA-256 of both (LearnedFixes.fixKey computes the same in Java). The PostgreSQL twin differs only in the hash function.
delete from learned_fix d
where exists (select 1 from learned_fix e
              where e.translation_id = d.translation_id and e.field = d.field
                and e.source_fingerprint = d.source_fingerprint and e.machine_key = d.machine_key
                and e.editor_words = d.editor_words and e.id < d.id);

alter table learned_fix add column fix_key varchar(64);
update learned_fix set fix_key = lower(rawtohex(hash('SHA-256', stringtoutf8(machine_key || char(31) || editor_words))));
alter table learned_fix alter column fix_key set not null;
create unique index learned_fix_once on learned_fix (translation_id, field, source_fingerprint, fix_key);
