package io.relais.publish.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.relais.publish.FeedView.ContentMode;
import io.relais.publish.Partner;
import io.relais.publish.PartnerFilters;
import io.relais.publish.PublicationPolicy;

/** The {@code partner} table: partners, the SHA-256 of their token, their filters and fetch figures. */
@Repository
public class PartnerStore {

    private static final RowMapper<Partner> ROW = (rs, i) -> new Partner(rs.getLong("id"), rs.getString("name"),
            split(rs.getString("languages")), PublicationPolicy.of(rs.getString("policy")),
            new PartnerFilters(split(rs.getString("source_ids")).stream().map(Long::valueOf).toList(),
                    split(rs.getString("categories")), split(rs.getString("keywords")),
                    ContentMode.valueOf(rs.getString("content")), rs.getBoolean("bilingual"), rs.getBoolean("resurface")),
            rs.getObject("revoked_at") != null, rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("token_rotated_at", OffsetDateTime.class), rs.getObject("last_fetch_at", OffsetDateTime.class),
            rs.getLong("fetches"), rs.getLong("not_modified"));

    private final JdbcClient jdbc;

    PartnerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }

    public long insert(String name, List<String> languages, PublicationPolicy policy, PartnerFilters filters,
                       String tokenHash) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into partner (name, token_hash, languages, policy, source_ids, categories, keywords, content,
                                     bilingual, resurface, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(name, tokenHash, join(languages), policy.id(),
                        join(filters.sources().stream().map(String::valueOf).toList()),
                        join(filters.categories()), join(filters.keywords()),
                        filters.content().name(), filters.bilingual(), filters.resurface(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKeyAs(Long.class) != null ? key.getKeyAs(Long.class) : key.getKey().longValue();
    }

    public void update(long id, String name, List<String> languages, PublicationPolicy policy, PartnerFilters filters) {
        jdbc.sql("""
                update partner set name = ?, languages = ?, policy = ?, source_ids = ?, categories = ?, keywords = ?,
                                   content = ?, bilingual = ?, resurface = ?
                where id = ?""")
                .params(name, join(languages), policy.id(), join(filters.sources().stream().map(String::valueOf).toList()),
                        join(filters.categories()), join(filters.keywords()),
                        filters.content().name(), filters.bilingual(), filters.resurface(), id)
                .update();
    }

    public boolean replaceToken(long id, String tokenHash) {
        return jdbc.sql("update partner set token_hash = ?, token_rotated_at = ?, revoked_at = null where id = ?")
                .params(tokenHash, OffsetDateTime.now(ZoneOffset.UTC), id).update() == 1;
    }

    public boolean revoke(long id) {
        return jdbc.sql("update partner set revoked_at = coalesce(revoked_at, ?) where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), id).update() == 1;
    }

    public void recordFetch(long id, boolean notModified) {
        jdbc.sql("update partner set fetches = fetches + 1, not_modified = not_modified + ?, last_fetch_at = ? where id = ?")
                .params(notModified ? 1 : 0, OffsetDateTime.now(ZoneOffset.UTC), id).update();
    }

    public List<Partner> findAll() {
        return jdbc.sql("select * from partner order by id").query(ROW).list();
    }

    public Optional<Partner> find(long id) {
        return jdbc.sql("select * from partner where id = ?").param(id).query(ROW).optional();
    }

    /** The partners whose feeds are kept: not revoked, reading {@code lang}. */
    public List<Partner> reading(String lang) {
        return findAll().stream().filter(p -> !p.revoked() && p.languages().contains(lang)).toList();
    }

    public Optional<Partner> findByTokenHash(String tokenHash) {
        return jdbc.sql("select * from partner where token_hash = ?").param(tokenHash).query(ROW).optional();
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).toList();
    }
}
