package io.relais.system.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.security.*}: the first administrator ({@code admin.username}, {@code admin.password}, e.g. from
 * {@code RELAIS_SECURITY_ADMIN_PASSWORD}). No password here: without one a random password is generated and logged
 * once.
 */
@ConfigurationProperties("relais.security")
public record SecuritySettings(@DefaultValue Admin admin) {

    public record Admin(@DefaultValue("admin") String username, @DefaultValue("") String password) {
    }
}
