package io.relais.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import io.relais.quality.QualityIssue;
import io.relais.translation.StoredIssue;

/** The shipped publication policy publishes nothing unreviewed; a setting or an environment variable changes it. */
class PublishSettingsTest {

    @Test
    void theShippedConfigurationPublishesOnlyReviewedTranslations() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        PublishSettings settings = new Binder(ConfigurationPropertySources.from(yaml)).bind("relais.publish", PublishSettings.class)
                .get();
        assertThat(settings.policy()).isEqualTo(PublicationPolicy.REVIEWED);
        assertThat(settings.partnerHubs()).isEmpty();
        // and without the file at all
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of("relais.publish.base-url", "http://x")))
                .bindOrCreate("relais.publish", PublishSettings.class).policy()).isEqualTo(PublicationPolicy.REVIEWED);
    }

    @Test
    void machineIsChosenByNameInEitherCaseAndAnythingElseIsRefusedWithTheChoices() {
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of("relais.publish.policy", "machine")))
                .bind("relais.publish", PublishSettings.class).get().policy()).isEqualTo(PublicationPolicy.MACHINE);
        assertThat(PublicationPolicy.of(" Machine ")).isEqualTo(PublicationPolicy.MACHINE);
        assertThatThrownBy(() -> PublicationPolicy.of("all")).hasMessageContaining("one of reviewed, machine");
    }

    @Test
    void aBlockingIssueIsTheSameSeverityForTheQualityChecksAndForPublishing() {
        QualityIssue blocking = new QualityIssue("numbers", "NUMBER_MISSING", "m", -1, -1, null, StoredIssue.BLOCKING_SEVERITY);
        assertThat(blocking.blocking()).isTrue();
        assertThat(new StoredIssue("numbers", "body", "NUMBER_MISSING", "m", -1, -1, null, "error").blocking()).isTrue();
        assertThat(new StoredIssue("languagetool", "body", "X", "m", 0, 1, null, "spelling").blocking()).isFalse();
    }
}
