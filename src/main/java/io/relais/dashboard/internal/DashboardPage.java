package io.relais.dashboard.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.relais.batch.LocalizeRuns;
import io.relais.batch.RunSummary;
import io.relais.system.AppUser;
import io.relais.system.Users;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;
import io.relais.batch.BatchSettings;
import io.relais.translation.TargetLanguages;

/**
 * {@code GET /review}: counts and backlog per language (the signed-in user's languages only), the latest runs and
 * the charts of the last two weeks ({@link DashboardCharts}). The backlog counts what a run would still do, so it uses the
 * batch's own {@code relais.batch.max-attempts} ({@link BatchSettings}).
 */
@Controller
class DashboardPage {

    private static final int RECENT_RUNS = 5;

    private final Translations translations;
    private final LocalizeRuns runs;
    private final Users users;
    private final List<String> languages;
    private final TargetLanguages targetLanguages;
    private final int maxAttempts;
    private final DashboardCharts charts;

    DashboardPage(Translations translations, LocalizeRuns runs, Users users,
                  TargetLanguages languages, BatchSettings localize, DashboardCharts charts) {
        this.charts = charts;
        this.translations = translations;
        this.runs = runs;
        this.users = users;
        this.languages = languages.languages();
        this.targetLanguages = languages;
        this.maxAttempts = localize.maxAttempts();
    }

    @GetMapping("/review")
    String dashboard(Authentication auth, Model model, Locale locale) {
        AppUser user = users.current(auth);
        Map<String, Map<TranslationState, Long>> all = translations.countsByLanguage();
        Map<String, Map<TranslationState, Long>> counts = new LinkedHashMap<>();
        for (String lang : languages) {
            if (user.reviews(lang)) {
                counts.put(lang, all.getOrDefault(lang, Map.of()));
            }
        }
        Map<String, long[]> progress = new LinkedHashMap<>();   // lang -> {translated, waiting, percent}
        for (String lang : counts.keySet()) {
            long translated = counts.get(lang).values().stream().mapToLong(Long::longValue).sum();
            long waiting = translations.countNeedingTranslation(lang, maxAttempts);
            progress.put(lang, new long[] {translated, waiting,
                    translated + waiting == 0 ? 100 : Math.round(100.0 * translated / (translated + waiting))});
        }
        List<RunSummary> recent = runs.recent(RECENT_RUNS);
        model.addAttribute("user", user);
        model.addAttribute("counts", counts);
        model.addAttribute("names", names());
        model.addAttribute("progress", progress);
        model.addAttribute("runs", recent);
        model.addAttribute("running", recent.stream().anyMatch(RunSummary::running));
        charts.add(model, counts.keySet(), locale);
        return "dashboard/dashboard";
    }

    private Map<String, String> names() {
        return targetLanguages.nativeNames();
    }
}
