package io.relais.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import io.relais.article.Article;
import io.relais.engine.UnknownMarks;
import io.relais.engine.finishing.Correction;
import io.relais.quality.SegmentEstimateView.Reason;
import io.relais.quality.SegmentIssue.Kind;
import io.relais.quality.internal.CheckedSegment;
import io.relais.quality.internal.EstimateReasons;
import io.relais.quality.internal.KeptWords;
import io.relais.quality.internal.LanguageToolMessages;
import io.relais.quality.internal.SegmentEstimator;
import io.relais.terminology.Glossary;
import io.relais.terminology.SegmentText;
import io.relais.terminology.TextEdit;

/**
 * Checks one segment as an editor has it, on demand (the workbench, as the editor types): every check the batch
 * runs, with offsets into the segment's text exactly as passed, messages in the editor's UI language, the finishing's
 * corrections reported as done, the editor's dismissals applied, and the estimate said as its reasons. See
 * {@link SegmentCheckRequest} for what to pass and {@link SegmentReport} for what comes back.
 */
@Service
public class SegmentCheck {

    private final SegmentEstimator estimator;
    private final VerdictPolicy policy;
    private final ObjectProvider<Glossary> glossary;
    private final MessageSource messages;
    private final IssueDismissals dismissals;
    private final LanguageToolMessages languageToolMessages = new LanguageToolMessages();

    SegmentCheck(SegmentEstimator estimator, VerdictPolicy policy, ObjectProvider<Glossary> glossary,
                 MessageSource messages, IssueDismissals dismissals) {
        this.estimator = estimator;
        this.policy = policy;
        this.glossary = glossary;
        this.messages = messages;
        this.dismissals = dismissals;
    }

    public SegmentReport check(SegmentCheckRequest r) {
        SegmentText target = r.target();
        String fingerprint = target.fingerprint();
        String sourcePlain = r.source().plain();
        String targetPlain = target.plain();
        if (targetPlain.isBlank()) {
            return new SegmentReport(fingerprint, List.of(), new SegmentEstimateView(Double.NaN, policy.threshold(r.lang()),
                    false, List.of()));
        }
        Glossary g = glossary.getIfAvailable();
        Map<String, String> terms = g == null ? Map.of() : g.termsFor(r.lang());
        List<String> hops = r.route() == null || r.route().isBlank() ? List.of(Article.SOURCE_LANGUAGE, r.lang())
                : List.of(r.route().split("\\s*>\\s*"));
        String code = estimator.checks().languageTool().variant(r.lang());
        List<String> unknown = KeptWords.of(sourcePlain, targetPlain, code, estimator.checks().spellers());
        CheckedSegment segment = new CheckedSegment(sourcePlain, targetPlain,
                r.source().html() ? r.source().text() : null, target.html() ? target.text() : null, r.lang(), hops,
                new UnknownMarks(unknown.size(), 0, 0), terms);
        boolean roundTrip = r.roundTrip() && estimator.roundTripCovers(r.lang());
        SegmentEstimator.Estimate estimate = estimator.estimate(segment, r.roundTrip(), true);
        Map<IssueKey, Dismissal> dismissed = r.articleId() > 0
                ? dismissals.of(DismissalScope.of(r.articleId(), r.lang(), r.field(), r.source())) : Map.of();

        List<SegmentIssue> issues = new ArrayList<>();
        List<QualityIssue> open = new ArrayList<>();
        for (QualityIssue issue : estimate.issues()) {
            if (issue.checker().equals("unknown-words")) {
                continue;   // said by the estimate's reasons ("2 unknown words: ...")
            }
            SegmentIssue shown = issue(issue, target, targetPlain, code, r.ui(), fingerprint);
            Dismissal d = dismissed.get(shown.key());
            if (d != null) {
                shown = shown.dismissedBy(d);
            } else {
                open.add(issue);
            }
            issues.add(shown);
        }
        for (Correction c : r.applied()) {
            issues.add(corrected(c, target, targetPlain, r.ui(), fingerprint));
        }
        List<String> lost = roundTrip ? estimator.lostInRoundTrip(segment) : List.of();
        double threshold = policy.threshold(r.lang());
        List<Reason> reasons = EstimateReasons.of(open, KeptWords.notNames(unknown), lost, estimate.score(), threshold,
                r.ui(), (key, args, english) -> messages.getMessage(key, args, english, r.ui()));
        double score = Double.isNaN(estimate.score()) ? Double.NaN : Math.round(estimate.score() * 10) / 10.0;
        return new SegmentReport(fingerprint, issues, new SegmentEstimateView(score, threshold, !reasons.isEmpty(),
                reasons));
    }

    private SegmentIssue issue(QualityIssue issue, SegmentText target, String plain, String code, Locale ui,
                               String fingerprint) {
        int start = -1;
        int end = -1;
        String flagged = "";
        boolean crosses = false;
        if (issue.startOffset() >= 0 && issue.endOffset() <= plain.length() && issue.startOffset() <= issue.endOffset()) {
            SegmentText.Span span = target.toTextSpan(issue.startOffset(), issue.endOffset());
            start = span.start();
            end = span.end();
            crosses = span.crossesMarkup();
            flagged = plain.substring(issue.startOffset(), issue.endOffset());
        }
        String message;
        String messageLang;
        if (LanguageQualityChecker.CHECKER.equals(issue.checker())) {
            LanguageToolMessages.Message m = languageToolMessages.translate(issue.message(), code, ui);
            message = m.text();
            messageLang = m.lang();
        } else {
            message = messages.getMessage(issue.messageKey(), issue.args().toArray(), issue.message(), ui);
            messageLang = ui.getLanguage();
        }
        List<String> suggestions = issue.suggestions();
        TextEdit fix = issue.suggestion() == null || start < 0 || crosses ? null
                : TextEdit.of(target, start, end, issue.suggestion());
        String about = !flagged.isEmpty() ? flagged : !issue.args().isEmpty() ? String.join(" ", issue.args())
                : issue.suggestion() == null ? "" : issue.suggestion();
        return new SegmentIssue(new IssueKey(issue.checker(), issue.ruleId(), about), issue.checker(), issue.ruleId(),
                kind(issue), issue.blocking(), start, end, flagged, crosses, message, messageLang, suggestions, fix,
                null, fingerprint);
    }

    private static Kind kind(QualityIssue issue) {
        if (issue.blocking()) {
            return Kind.BLOCKING;
        }
        if (LanguageQualityChecker.CHECKER.equals(issue.checker())) {
            return switch (issue.severity()) {
                case "spelling" -> Kind.SPELLING;
                case "grammar" -> Kind.GRAMMAR;
                default -> Kind.STYLE;
            };
        }
        return Kind.WARNING;
    }

    /** A correction the finishing made: said as done, placed on its replacement when that is still there. */
    private SegmentIssue corrected(Correction c, SegmentText target, String plain, Locale ui, String fingerprint) {
        String original = c.original() == null ? "" : c.original();
        String replacement = c.replacement() == null ? "" : c.replacement();
        int at = replacement.isEmpty() ? -1 : plain.indexOf(replacement);
        int start = -1;
        int end = -1;
        boolean crosses = false;
        TextEdit undo = null;
        if (at >= 0) {
            SegmentText.Span span = target.toTextSpan(at, at + replacement.length());
            start = span.start();
            end = span.end();
            crosses = span.crossesMarkup();
            undo = crosses ? null : TextEdit.of(target, start, end, original);
        }
        String message = messages.getMessage("signal.corrected", new Object[] {original, replacement},
                "corrected: " + original + " → " + replacement, ui);
        return new SegmentIssue(new IssueKey(Correction.CHECKER, c.rule(), replacement), Correction.CHECKER, c.rule(),
                Kind.CORRECTED, false, start, end, at < 0 ? "" : replacement, crosses, message, ui.getLanguage(),
                List.of(original), undo, null, fingerprint);
    }
}
