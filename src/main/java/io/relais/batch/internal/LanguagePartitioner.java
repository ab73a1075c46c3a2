package io.relais.batch.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per target language; each worker step reads its language from the {@code lang} key. */
public class LanguagePartitioner implements Partitioner {

    public static final String LANG = "lang";

    private final List<String> languages;

    public LanguagePartitioner(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (String lang : languages) {
            ExecutionContext context = new ExecutionContext();
            context.putString(LANG, lang);
            partitions.put("lang-" + lang, context);
        }
        return partitions;
    }
}
