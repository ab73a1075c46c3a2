package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Source;
import io.relais.translation.Translation;

/** A localize run that crashes half-way through a language is restarted and finishes without duplicates. */
class LocalizeRestartTest extends StoredArticlesTest {

    @Autowired
    TranslationWriteFault fault;

    @Test
    void anInterruptedRunRestartsWhereItStoppedWithoutDuplicates() throws InterruptedException {
        quiesce(runs);

        Source source = sources.register("test:restart", Source.Kind.API, "restart test", 0);
        List<Long> ids = new ArrayList<>();
        String[] towns = {"Nantes", "Rennes", "Brest", "Angers", "Tours", "Dijon"};
        for (String town : towns) {
            String body = "<p>Le conseil municipal de " + town + " a voté mardi un nouveau budget pour les transports."
                    + " Les bus seront gratuits le dimanche.</p>";
            ids.add(store(source, "restart-" + town, "Les bus de " + town + " seront gratuits le dimanche", body));
        }

        fault.arm("en", 1);   // the first en chunk is written, the second fails
        JobExecution crashed = runs.runNow();

        assertThat(fault.fired()).isTrue();
        assertThat(crashed.getStatus()).isEqualTo(BatchStatus.FAILED);
        long englishBefore = ids.stream().filter(id -> translations.find(id, 1, "en").isPresent()).count();
        assertThat(englishBefore).as("en translations stored before the crash").isLessThan(ids.size());

        JobExecution restarted = runs.restart(crashed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(crashed.getJobInstance().getInstanceId());
        for (long id : ids) {
            List<Translation> all = translations.forArticle(id);
            Map<String, Long> perLanguage = all.stream()
                    .collect(Collectors.groupingBy(Translation::lang, Collectors.counting()));
            assertThat(perLanguage).as("translations of article %d", id)
                    .containsOnlyKeys(LANGUAGES).allSatisfy((lang, n) -> assertThat(n).isEqualTo(1));
            assertThat(all).allMatch(t -> t.attempts() == 1);
        }
        // the languages that had completed were not run again
        assertThat(restarted.getStepExecutions().stream().filter(s -> s.getStepName().endsWith("lang-es"))
                .map(s -> s.getWriteCount()).findFirst().orElse(0L)).isZero();
    }
}
