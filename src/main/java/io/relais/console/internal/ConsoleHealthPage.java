package io.relais.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.relais.translation.TargetLanguages;

/**
 * The health of each part, in words: the components Spring Boot's actuator knows ({@code /actuator/health} gives the
 * same as JSON) — the database, the disk, the translation engines and routes, LanguageTool, the poller lease, and in a
 * cluster the broker — each said as a sentence, with its figures and the raw details behind a toggle.
 */
@Controller
class ConsoleHealthPage {

    /** One component: its name, status, the sentence that says it, and its details as given. */
    record Component(String name, String label, String status, String sentence, Map<String, Object> details) {

        public String css() {
            return "UP".equals(status) ? "up" : "DOWN".equals(status) || "OUT_OF_SERVICE".equals(status) ? "down" : "unknown";
        }
    }

    /** The parts an operator looks at first, in this order; others follow as the registry gives them. */
    private static final List<String> ORDER = List.of("db", "diskSpace", "translation", "languagetool", "polling",
            "cluster", "clusterHealthIndicator", "rabbit");

    private final HealthContributorRegistry registry;
    private final ConsoleActions actions;
    private final MessageSource messages;

    ConsoleHealthPage(HealthContributorRegistry registry, ConsoleActions actions, MessageSource messages) {
        this.registry = registry;
        this.actions = actions;
        this.messages = messages;
    }

    @GetMapping("/console/health")
    String health(Model model) {
        List<Component> components = new ArrayList<>();
        registry.stream().forEach(entry -> collect(entry.name(), entry.contributor(), components));
        components.removeIf(c -> c.name().equals("ping"));
        components.sort(java.util.Comparator.comparingInt(c -> {
            int at = ORDER.indexOf(c.name().contains("/") ? c.name().substring(0, c.name().indexOf('/')) : c.name());
            return at < 0 ? ORDER.size() : at;
        }));
        boolean allUp = components.stream().allMatch(c -> c.status().equals(Status.UP.getCode()));
        model.addAttribute("components", components);
        model.addAttribute("allUp", allUp);
        return "console/health";
    }

    private void collect(String name, HealthContributor contributor, List<Component> out) {
        if (contributor instanceof HealthIndicator indicator) {
            Health health;
            try {
                health = indicator.health(true);
            } catch (RuntimeException e) {
                health = Health.down(e).build();
            }
            Map<String, Object> details = new LinkedHashMap<>(health.getDetails());
            String label = messages.getMessage("console.health.name." + name, null, name, LocaleContextHolder.getLocale());
            out.add(new Component(name, label, health.getStatus().getCode(), sentence(name, label, health, details),
                    details));
        } else if (contributor instanceof CompositeHealthContributor composite) {
            composite.stream().forEach(e -> collect(name + "/" + e.name(), e.contributor(), out));
        }
    }

    /** What a component's status means, for the components Relais has; others get a general sentence. */
    private String sentence(String name, String label, Health health, Map<String, Object> details) {
        boolean up = health.getStatus().equals(Status.UP);
        String key = switch (name.contains("/") ? name.substring(0, name.indexOf('/')) : name) {
            case "db" -> up ? "console.health.db.up" : "console.health.db.down";
            case "diskSpace" -> up ? "console.health.disk.up" : "console.health.disk.down";
            case "translation" -> up ? "console.health.translation.up" : "console.health.translation.down";
            case "languagetool" -> up ? "console.health.languagetool.up" : "console.health.languagetool.down";
            case "polling" -> Boolean.TRUE.equals(details.get("lease")) ? "console.health.polling.lease"
                    : "console.health.polling.noLease";
            case "cluster", "clusterHealthIndicator" -> up ? "console.health.cluster.up" : "console.health.cluster.down";
            case "rabbit" -> up ? "console.health.broker.up" : "console.health.broker.down";
            default -> up ? "console.health.other.up" : "console.health.other.down";
        };
        Object[] args = switch (key) {
            case "console.health.db.up", "console.health.db.down" -> new Object[] {details.getOrDefault("database", "?")};
            case "console.health.disk.up", "console.health.disk.down" -> new Object[] {
                    gigabytes(details.get("free")), gigabytes(details.get("threshold"))};
            case "console.health.translation.up", "console.health.translation.down" -> new Object[] {routes(details)};
            case "console.health.polling.lease", "console.health.polling.noLease" -> new Object[] {
                    details.getOrDefault("polledHere", 0), details.getOrDefault("activeSources", 0),
                    details.getOrDefault("failing", 0)};
            case "console.health.languagetool.up", "console.health.languagetool.down" -> new Object[] {variants(details)};
            default -> new Object[] {label, health.getStatus().getCode()};
        };
        return actions.text(Said.of(key, args));
    }

    private static String routes(Map<String, Object> details) {
        List<String> parts = new ArrayList<>();
        details.forEach((lang, route) -> parts.add(TargetLanguages.nativeName(lang) + ": " + route));
        return String.join("; ", parts);
    }

    private static String variants(Map<String, Object> details) {
        List<String> parts = new ArrayList<>();
        details.forEach((key, value) -> {
            if (!key.startsWith("cache")) {
                parts.add(key + " → " + value);
            }
        });
        return String.join(", ", parts);
    }

    private static String gigabytes(Object bytes) {
        return bytes instanceof Number n ? String.format(java.util.Locale.ROOT, "%.1f", n.doubleValue() / 1e9) : "?";
    }
}
