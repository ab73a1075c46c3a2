-- An issue is dismissed once in a segment: editors dismissing it at the same moment each inserted a row (nothing
-- unique stopped them), and one could be shown a dismissal another then did not see. The flagged text (up to 1,000
-- characters) is too long for an index entry, so the issue is keyed by the SHA-256 of checker, rule and flagged
-- text (IssueDismissals.issueKey computes the same in Java). The H2 twin differs only in the hash function.
delete from issue_dismissal d
where exists (select 1 from issue_dismissal e
              where e.article_id = d.article_id and e.lang = d.lang and e.field = d.field
                and e.source_fingerprint = d.source_fingerprint and e.checker = d.checker
                and e.rule_id = d.rule_id and e.flagged = d.flagged and e.id < d.id);

alter table issue_dismissal add column issue_key varchar(64);
update issue_dismissal
set issue_key = encode(sha256(convert_to(checker || chr(31) || rule_id || chr(31) || flagged, 'UTF8')), 'hex');
alter table issue_dismissal alter column issue_key set not null;
create unique index issue_dismissal_once on issue_dismissal (article_id, lang, field, source_fingerprint, issue_key);
