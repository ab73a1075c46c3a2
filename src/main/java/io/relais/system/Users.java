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

    /** Creates a user, or replaces the password, role and languages of an existing one. */
    public AppUser save(String username, String rawPassword, String role, List<String> languages) {
        String hash = encoder.encode(rawPassword);
        String langs = languages == null || languages.isEmpty() ? null : String.join(",", languages);
        if (find(username).isPresent()) {
            jdbc.sql("update app_user set password_hash = ?, role = ?, languages = ? where username = ?")
                    .params(hash, role, langs, username).update();
        } else {
            jdbc.sql("insert into app_user (username, password_hash, role, languages) values (?, ?, ?, ?)")
                    .params(username, hash, role, langs).update();
        }
        return find(username).orElseThrow();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(user.username()).password(user.passwordHash()).roles(user.role())
                .disabled(!user.enabled()).build();
    }
}
