package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.relais.article.Article;
import io.relais.article.Source;
import io.relais.batch.internal.LanguagePartitioner;
import io.relais.cluster.internal.SlicePartitioner;
import io.relais.cluster.internal.SliceReader;

/**
 * A clustered run is cut into slices of article ids per language, and each slice's reader asks the database for its
 * own articles only (not the language's whole backlog, filtered). The articles here wait for German, which the test
 * configuration does not run, so no run translates them meanwhile.
 */
class SliceReadingTest extends StoredArticlesTest {

    @Test
    void eachSliceReadsItsOwnWaitingArticlesAndTogetherTheyReadEachOnce() {
        Source source = source("test:slices", "de");
        List<Long> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(store(source, "slice-" + i + "-" + System.nanoTime(), "Article découpé " + i,
                    "<p>Un article parmi d'autres, le numéro " + i + ".</p>"));
        }
        List<Long> waiting = translations.idsNeedingTranslation("de", 3, 10_000);
        assertThat(waiting).containsAll(stored).isSorted();

        var slices = new SlicePartitioner(new LanguagePartitioner(List.of("de")), translations, 3, 3, 10_000)
                .partition(1);
        List<Long> read = new ArrayList<>();
        for (ExecutionContext slice : slices.values()) {
            SliceReader reader = new SliceReader(translations, 3, 10_000);
            reader.open(slice);
            List<Long> ofSlice = new ArrayList<>();
            for (Article a = reader.read(); a != null; a = reader.read()) {
                ofSlice.add(a.id());
            }
            assertThat(ofSlice).hasSizeLessThanOrEqualTo(3)
                    .allMatch(id -> id >= slice.getLong(SlicePartitioner.FIRST_ID) && id <= slice.getLong(SlicePartitioner.LAST_ID));
            read.addAll(ofSlice);
        }
        assertThat(read).containsExactlyElementsOf(waiting);
    }
}
