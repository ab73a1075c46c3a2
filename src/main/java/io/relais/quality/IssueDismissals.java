package io.relais.quality;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issues editors dismissed, with who, when and why. A dismissal holds for one segment (article, language, field,
 * French segment text) and one issue ({@link IssueKey}: checker, rule, flagged text), so it survives edits
 * elsewhere in the segment and a new revision of the article with the same French segment, and an issue on other
 * words is a new one.
 */
@Service
public class IssueDismissals {

    static final int MAX_REASON = 500;
    static final int MAX_FLAGGED = 1000;

    private static final RowMapper<Dismissal> ROW = (rs, i) -> new Dismissal(rs.getLong("id"),
            new IssueKey(rs.getString("checker"), rs.getString("rule_id"), rs.getString("flagged")),
            rs.getString("reason"), rs.getString("username"), rs.getObject("dismissed_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    IssueDismissals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Dismisses an issue in a segment (dismissing it again keeps the first dismissal; two editors dismissing it at
     * the same moment both see the one that was stored).
     *
     * @throws IllegalArgumentException without a reason, or with a reason or flagged text too long
     */
    public Dismissal dismiss(DismissalScope scope, IssueKey key, String reason, String username) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new IllegalArgumentException("a dismissal needs a reason of 1 to " + MAX_REASON + " characters");
        }
        if (key.flagged().length() > MAX_FLAGGED || key.checker().isEmpty()) {
            throw new IllegalArgumentException("not an issue that can be dismissed: " + key.checker() + "/" + key.ruleId());
        }
        if (scope.lang() == null || scope.field() == null || scope.sourceFingerprint() == null) {
            throw new IllegalArgumentException("a dismissal needs its segment");
        }
        // one row per issue and segment (unique): dismissed before, the first dismissal (who, when, why) stays
        jdbc.sql("""
                insert into issue_dismissal (article_id, lang, field, source_fingerprint, checker, rule_id, flagged,
                    issue_key, reason, username, dismissed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(scope.articleId(), scope.lang(), scope.field(), scope.sourceFingerprint(), key.checker(),
                        key.ruleId(), key.flagged(), issueKey(key), why, username, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return of(scope).get(key);
    }

    /**
     * The column that makes a dismissal unique in its segment: the flagged text is too long for an index entry, its
     * hash is not (migration V93 computes the same for the rows from before it).
     */
    static String issueKey(IssueKey key) {
        return DigestUtils.sha256Hex(key.checker() + '\u001f' + key.ruleId() + '\u001f' + key.flagged());
    }

    /** Shows a dismissed issue again (every dismissal of that issue in that segment goes: one since V93). */
    public boolean undo(long dismissalId) {
        return jdbc.sql("""
                delete from issue_dismissal
                where (article_id, lang, field, source_fingerprint, checker, rule_id, flagged) in
                      (select article_id, lang, field, source_fingerprint, checker, rule_id, flagged
                       from issue_dismissal where id = ?)""").param(dismissalId).update() > 0;
    }

    /** The dismissals of one segment, by issue. */
    public Map<IssueKey, Dismissal> of(DismissalScope scope) {
        Map<IssueKey, Dismissal> out = new LinkedHashMap<>();
        jdbc.sql("""
                select * from issue_dismissal where article_id = ? and lang = ? and field = ? and source_fingerprint = ?
                order by id""")
                .params(scope.articleId(), scope.lang(), scope.field(), scope.sourceFingerprint())
                .query(ROW).list().forEach(d -> out.putIfAbsent(d.key(), d));
        return out;
    }

    /** Every dismissal in an article's translation into a language, oldest first. */
    public List<Dismissal> list(long articleId, String lang) {
        return jdbc.sql("select * from issue_dismissal where article_id = ? and lang = ? order by id")
                .params(articleId, lang).query(ROW).list();
    }
}
