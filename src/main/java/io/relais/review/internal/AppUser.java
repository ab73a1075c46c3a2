package io.relais.review.internal;

import java.util.List;

/** An editor or administrator; {@code languages} empty means every language (administrators). */
record AppUser(long id, String username, String passwordHash, String role, List<String> languages, boolean enabled) {

    boolean reviews(String lang) {
        return "ADMIN".equals(role) || languages.contains(lang);
    }
}
