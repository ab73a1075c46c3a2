package io.relais.system.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code relais.security.*}: the first administrator ({@code admin.username}, {@code admin.password}, e.g. from
 * {@code RELAIS_SECURITY_ADMIN_PASSWORD}). No password here: without one a random password is generated and logged
 * once. {@code login.*}: sign-in throttling ({@link LoginThrottle}). {@code metrics.scrape-token}: the bearer token a
 * Prometheus server sends to read {@code /actuator/prometheus} without an administrator's password (empty: only
 * administrators may read it).
 */
@ConfigurationProperties("relais.security")
public record SystemSettings(@DefaultValue Admin admin, @DefaultValue Login login, @DefaultValue Metrics metrics) {

    public record Admin(@DefaultValue("admin") String username, @DefaultValue("") String password) {
    }

    /** Who may read the Prometheus endpoint besides administrators: a scraper sending this bearer token. */
    public record Metrics(@DefaultValue("") String scrapeToken) {
    }

    /** Sign-in throttling: failures allowed per user name and per client address within the window. */
    public record Login(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
                        @DefaultValue("15m") Duration window) {
    }
}
