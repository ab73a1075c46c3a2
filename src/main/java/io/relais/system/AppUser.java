package io.relais.system;

import java.util.List;

/** An editor or administrator; {@code languages} empty means every language (administrators). */
public record AppUser(long id, String username, String passwordHash, String role, List<String> languages, boolean enabled) {

    /** Whether this user reviews {@code lang}: administrators review every language. */
    public boolean reviews(String lang) {
        return "ADMIN".equals(role) || languages.contains(lang);
    }
}
