package io.relais.terminology;

import java.time.OffsetDateTime;

/**
 * A fix learned from an editor's correction of a machine segment.
 *
 * @param sourceWords   the French words the machine's words translate (empty when they could not be told)
 * @param machineWords  what the machine wrote
 * @param editorWords   what the editor wrote instead
 * @param approved      learned from an approval (a draft's fix is replaced by the next save of the segment)
 */
public record LearnedFix(long id, String lang, String sourceWords, String machineWords, String editorWords,
                         String editor, long articleId, long translationId, String field, OffsetDateTime at,
                         boolean approved) {
}
