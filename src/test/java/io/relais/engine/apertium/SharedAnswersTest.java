package io.relais.engine.apertium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.relais.engine.TranslationException;

class SharedAnswersTest {

    private final SharedAnswers answers = new SharedAnswers(Duration.ofSeconds(10));

    @Test
    void aRequestMadeWhileTheSameIsUnderWayWaitsForItsAnswer() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger translations = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> answers.answer("", "fr-es", "chat", () -> {
            translations.incrementAndGet();
            asked.countDown();
            await(answer);
            return "gato";
        }));
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> answers.answer("", "fr-es", "chat", () -> {
            translations.incrementAndGet();
            return "not asked";
        }));
        Thread.sleep(100);
        assertThat(second).isNotDone();
        answer.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("gato");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("gato");
        assertThat(translations).hasValue(1);
        assertThat(answers.shared()).isEqualTo(1);
    }

    @Test
    void keepsAnswersByLaneModeAndRequest() {
        assertThat(answers.answer("", "fr-es", "chat", () -> "gato")).isEqualTo("gato");
        assertThat(answers.answer("", "fr-es", "chat", () -> "asked again")).isEqualTo("gato");
        assertThat(answers.answer("", "fra-cat", "chat", () -> "gat")).isEqualTo("gat");
        assertThat(answers.answer("", "fr-es", "chien", () -> "perro")).isEqualTo("perro");
        assertThat(answers.answer(" (background)", "fr-es", "chat", () -> "its own")).isEqualTo("its own");
    }

    @Test
    void aFailedRequestIsNotKept() {
        assertThatThrownBy(() -> answers.answer("", "fr-es", "chat", () -> {
            throw new TranslationException("Apertium fr-es failed twice");
        })).isInstanceOf(TranslationException.class);
        assertThat(answers.answer("", "fr-es", "chat", () -> "gato")).isEqualTo("gato");
    }

    @Test
    void whoWaitedForAFailedRequestAsksAgain() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> answers.answer("", "fr-es", "chat", () -> {
            asked.countDown();
            await(fail);
            throw new TranslationException("Apertium fr-es failed twice");
        }));
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> answers.answer("", "fr-es", "chat",
                () -> "gato"));
        Thread.sleep(100);
        fail.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("gato");
        assertThat(first).failsWithin(Duration.ofSeconds(10));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
