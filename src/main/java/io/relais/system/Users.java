package io.relais.system;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users in the database, passwords as BCrypt hashes; Spring Security reads them through this service. */
@Service
public class Users implements UserDetailsService {

    private static final RowMapper<AppUser> ROW = (rs, i) -> new AppUser(rs.getLong("id"), rs.getString("username"),
            rs.getString("password_hash"), rs.getString("role"),
            rs.getString("languages") == null ? List.of() : Arrays.asList(rs.getString("languages").split(",")),
            rs.getBoolean("enabled"));

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    Users(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public Optional<AppUser> find(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username).query(ROW).optional();
    }

    /** The signed-in user; one deleted since signing in is refused (403). */
    public AppUser current(Authentication auth) {
        return find(auth.getName()).orElseThrow(() -> new AccessDeniedException("unknown user " + auth.getName()));
    }

    public boolean anyAdmin() {
        return jdbc.sql("select count(*) from app_user where role = 'ADMIN'").query(Long.class).single() > 0;
    }

    /**
     * Creates a user, or replaces the password, role and languages of an existing one. One statement decides which:
     * the nodes of a cluster set the configured administrator as each starts, and a look-then-insert let two nodes
     * starting together both insert (the second failed on the unique name and did not start).
     */
    public AppUser save(String username, String rawPassword, String role, List<String> languages) {
        String hash = encoder.encode(rawPassword);
        String langs = joined(languages);
        if (!insert(username, hash, role, langs)) {
            jdbc.sql("update app_user set password_hash = ?, role = ?, languages = ? where username = ?")
                    .params(hash, role, langs, username).update();
        }
        return find(username).orElseThrow();
    }

    /** Creates a user unless one of that name exists (another node may be creating it at this moment); true if this
     *  call created it. */
    public boolean createIfAbsent(String username, String rawPassword, String role, List<String> languages) {
        return insert(username, encoder.encode(rawPassword), role, joined(languages));
    }

    private boolean insert(String username, String hash, String role, String langs) {
        return jdbc.sql("insert into app_user (username, password_hash, role, languages) values (?, ?, ?, ?) "
                + "on conflict do nothing").params(username, hash, role, langs).update() == 1;
    }

    /** Languages as the {@code languages} column holds them (null: none named). */
    static String joined(List<String> languages) {
        return languages == null || languages.isEmpty() ? null : String.join(",", languages);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(user.username()).password(user.passwordHash()).roles(user.role())
                .disabled(!user.enabled()).build();
    }
}
