package io.relais.quality;

/**
 * What identifies an issue for a dismissal: the checker, its rule and the text it flags (for an issue without a
 * place, what it is about: the missing term, the missing number). An edit elsewhere in the segment keeps the key;
 * an edit of the flagged words makes a new issue.
 */
public record IssueKey(String checker, String ruleId, String flagged) {

    public IssueKey {
        checker = checker == null ? "" : checker;
        ruleId = ruleId == null ? "" : ruleId;
        flagged = flagged == null ? "" : flagged;
    }

    @Override
    public String toString() {
        return checker + "/" + ruleId + "/" + flagged;
    }
}
