package io.relais.system;

import java.util.List;

/** An editor or administrator as other modules see it (no password hash). */
public record UserAccount(String username, String role, List<String> languages, boolean enabled) {
}
