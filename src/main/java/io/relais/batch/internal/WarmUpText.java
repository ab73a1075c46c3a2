package io.relais.batch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The French news sentences the express lane's warm-up translates (batch/warm-up.fr.txt, written for Relais). */
final class WarmUpText {

    private WarmUpText() {
    }

    static List<String> sentences() {
        try (InputStream in = WarmUpText.class.getResourceAsStream("/batch/warm-up.fr.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
