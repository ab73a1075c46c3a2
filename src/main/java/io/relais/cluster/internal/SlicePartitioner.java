package io.relais.cluster.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.relais.batch.LocalizeSteps;
import io.relais.translation.Translations;

/**
 * Splits a run per language (the local job's split) and then per slice of at most
 * {@code sliceSize} pending articles, by article id: each slice is one message to one worker. Slices are bounded
 * by id, so an article that arrives during the run falls into no slice and waits for the next run.
 */
public class SlicePartitioner implements Partitioner {

    public static final String FIRST_ID = "firstId";
    public static final String LAST_ID = "lastId";

    private final Partitioner languages;
    private final Translations translations;
    private final int sliceSize;
    private final int maxAttempts;
    private final int limit;

    public SlicePartitioner(Partitioner languages, Translations translations, int sliceSize, int maxAttempts, int limit) {
        this.languages = languages;
        this.translations = translations;
        this.sliceSize = sliceSize;
        this.maxAttempts = maxAttempts;
        this.limit = limit;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> slices = new LinkedHashMap<>();
        languages.partition(gridSize).forEach((name, language) -> {
            String lang = language.getString(LocalizeSteps.LANG);
            List<Long> ids = translations.idsNeedingTranslation(lang, maxAttempts, limit);
            for (int from = 0, slice = 0; from < ids.size(); from += sliceSize, slice++) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + sliceSize));
                ExecutionContext context = new ExecutionContext();
                context.putString(LocalizeSteps.LANG, lang);
                context.putLong(FIRST_ID, part.get(0));
                context.putLong(LAST_ID, part.get(part.size() - 1));
                slices.put(name + "-" + slice, context);
            }
        });
        return slices;
    }
}
