package io.relais.system;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import io.relais.translation.TargetLanguages;

/**
 * Managing editors and administrators, for {@code PUT /api/users} and the operator console alike, by one set of rules:
 * usernames of letters, digits and {@code ._@-}, passwords of 12 characters or more, an editor reviews at least one
 * configured language. Refusals are {@link AccountRefusedException}s whose message says why and which field is wrong.
 */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final List<String> languages;
    private final Users users;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, TargetLanguages languages, Users users) {
        this.jdbc = jdbc;
        this.users = users;
        this.encoder = encoder;
        this.languages = languages.languages();
    }

    public List<UserAccount> all() {
        return jdbc.sql("select username, role, languages, enabled from app_user order by role, username")
                .query((rs, i) -> new UserAccount(rs.getString("username"), rs.getString("role"),
                        rs.getString("languages") == null ? List.of() : Arrays.asList(rs.getString("languages").split(",")),
                        rs.getBoolean("enabled")))
                .list();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0;
    }

    /** Creates a user, or replaces an existing one's password, role and languages ({@code PUT /api/users}). */
    public AppUser save(String username, String password, String role, List<String> langs) {
        requireUsername(username);
        requirePassword(password);
        requireRole(role, langs);
        return users.save(username, password, role, langs);
    }

    public void add(String username, String password, String role, List<String> langs) {
        requireUsername(username);
        if (exists(username)) {
            throw new AccountRefusedException("username", "there is already a user " + username);
        }
        requirePassword(password);
        requireRole(role, langs);
        if (!users.createIfAbsent(username, password, role, langs)) {
            throw new AccountRefusedException("username", "there is already a user " + username);
        }
    }

    public void changeRole(String username, String role, List<String> langs) {
        requireRole(role, langs);
        requireUpdated(jdbc.sql("update app_user set role = ?, languages = ? where username = ?")
                .params(role, Users.joined(langs), username).update(), username);
    }

    public void setEnabled(String username, boolean enabled) {
        requireUpdated(jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update(),
                username);
    }

    public void resetPassword(String username, String password) {
        requirePassword(password);
        requireUpdated(jdbc.sql("update app_user set password_hash = ? where username = ?")
                .params(encoder.encode(password), username).update(), username);
    }

    private void requireRole(String role, List<String> langs) {
        if (!"EDITOR".equals(role) && !"ADMIN".equals(role)) {
            throw new AccountRefusedException("role", "the role is EDITOR or ADMIN");
        }
        if (langs != null && !languages.containsAll(langs)) {
            throw new AccountRefusedException("languages", "languages must be among " + languages);
        }
        if ("EDITOR".equals(role) && (langs == null || langs.isEmpty())) {
            throw new AccountRefusedException("languages", "an editor reviews at least one language");
        }
    }

    private static void requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountRefusedException("username", "a username is 1 to 100 letters, digits or . _ @ -");
        }
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < 12 || password.length() > 200) {
            throw new AccountRefusedException("password", "a password has 12 to 200 characters");
        }
    }

    private static void requireUpdated(int rows, String username) {
        if (rows == 0) {
            throw new AccountRefusedException(null, "no user " + username);
        }
    }
}
