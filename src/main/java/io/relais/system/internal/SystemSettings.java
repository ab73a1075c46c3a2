package io.relais.system.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code relais.security.*}: the first administrator ({@code admin.username}, {@code admin.password}, e.g. from
 * {@code RELAIS_SECURITY_ADMIN_PASSWORD}). No password here: without one a random password is generated and logged
 * once. {@code login.*}: sign-in throttling ({@link LoginThrottle}).
 */
@ConfigurationProperties("relais.security")
public record SystemSettings(@DefaultValue Admin admin, @DefaultValue Login login) {

    public record Admin(@DefaultValue("admin") String username, @DefaultValue("") String password) {
    }

    /** Sign-in throttling: failures allowed per user name and per client address within the window. */
    public record Login(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
                        @DefaultValue("15m") Duration window) {
    }
}
