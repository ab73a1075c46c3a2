package io.relais.batch.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.relais.batch.LocalizeSteps;

/** One partition per target language; each worker step reads its language from the {@link LocalizeSteps#LANG} key. */
public class LanguagePartitioner implements Partitioner {

    private final List<String> languages;

    public LanguagePartitioner(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (String lang : languages) {
            ExecutionContext context = new ExecutionContext();
            context.putString(LocalizeSteps.LANG, lang);
            partitions.put("lang-" + lang, context);
        }
        return partitions;
    }
}
