package io.relais.system.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.relais.system.AppUser;
import io.relais.system.Users;

/**
 * The first administrator: from {@code relais.security.admin.username} / {@code .password} (e.g. the environment
 * variable {@code RELAIS_SECURITY_ADMIN_PASSWORD}); without a configured password and with no administrator yet, a
 * random one is generated and printed once in the log. No default password exists in the code. Set once every bean
 * exists and before the web server starts: a request that reaches the service finds the administrator there (as a
 * runner, it was set after the server took requests, and a client's first request could be refused).
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final String username;
    private final String password;

    AdminBootstrap(Users users, SystemSettings settings) {
        this.users = users;
        this.username = settings.admin().username();
        this.password = settings.admin().password() == null ? "" : settings.admin().password();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!password.isBlank()) {
            users.save(username, password, "ADMIN", List.of());
            log.info("Administrator '{}' set from configuration", username);
        } else if (!users.anyAdmin()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // nodes of a cluster starting together on a new database: the one that creates the account prints its
            // password, the others keep it
            if (users.createIfAbsent(username, generated, "ADMIN", List.of())) {
                log.warn("No administrator was configured: created '{}' with the generated password {} "
                        + "(set relais.security.admin.password to choose it)", username, generated);
            } else if (users.anyAdmin()) {
                log.info("Administrator '{}' created meanwhile by another node: its generated password is in that "
                        + "node's log", username);
            } else {
                // a user of that name who is not an administrator: made one, as before
                users.save(username, generated, "ADMIN", List.of());
                log.warn("No administrator was configured: made '{}' one with the generated password {} "
                        + "(set relais.security.admin.password to choose it)", username, generated);
            }
        }
    }
}
