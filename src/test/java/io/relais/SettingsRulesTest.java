package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.relais.translation.TargetLanguages;

/**
 * One settings record per prefix, named for its module, and one reader per key: nothing in the code reads a
 * {@code relais.*} key past the records (no {@code @Value("${relais...}")}, no placeholder in {@code @Scheduled}
 * or a condition, no {@code Environment.getProperty("relais...")}).
 */
class SettingsRulesTest {

    private static final List<JavaClass> SETTINGS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.relais").stream()
            .filter(c -> c.isAnnotatedWith(ConfigurationProperties.class)).toList();

    @Test
    void everySettingsRecordIsNamedForItsModule() {
        assertThat(SETTINGS).isNotEmpty();
        for (JavaClass type : SETTINGS) {
            if (type.isEquivalentTo(TargetLanguages.class)) {
                continue;   // relais.languages: the product-wide list every module asks, not a module's settings
            }
            String module = type.getPackageName().split("\\.")[2];
            assertThat(type.getSimpleName()).as(type.getName())
                    .isEqualTo(Character.toUpperCase(module.charAt(0)) + module.substring(1) + "Settings");
        }
    }

    @Test
    void eachPrefixIsBoundByOneRecord() {
        Map<String, String> byPrefix = new HashMap<>();
        for (JavaClass type : SETTINGS) {
            ConfigurationProperties binding = type.getAnnotationOfType(ConfigurationProperties.class);
            String prefix = binding.prefix().isEmpty() ? binding.value() : binding.prefix();
            assertThat(byPrefix.put(prefix, type.getName())).as("second record bound to " + prefix).isNull();
        }
        assertThat(byPrefix).containsKey("relais.cluster").containsKey("relais.translate");
    }

    @Test
    void noCodeReadsARelaisKeyPastItsSettingsRecord() throws IOException {
        Pattern secondReader = Pattern.compile("\\$\\{relais\\.|getProperty\\(\"relais\\.");
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    if (secondReader.matcher(lines.get(i)).find()) {
                        found.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
