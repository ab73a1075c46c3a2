package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;

/**
 * Nothing but the feeds, the article pages, health and sign-in answers a stranger. Every request mapping the service
 * has — read from Spring MVC's handler mappings (the application's controllers and the actuator's), so that an
 * endpoint added later is covered without anyone listing it — is requested without credentials with each of its
 * methods: under {@code /api/} and {@code /actuator/} the answer is 401, elsewhere a redirect to the sign-in page or
 * a refusal, never the content. Only the public addresses listed here are exempt.
 */
class AnonymousAccessTest extends RelaisIntegrationTest {

    /** The mappings anyone may call, by design (each is checked for what it shows elsewhere). */
    private static final Set<String> PUBLIC = Set.of(
            "/{lang:[a-z]{2,3}}/articles/{ref}",                              // published translations' pages
            "/feeds/p/{token}/{lang}/{file:rss\\.xml|atom\\.xml|feed\\.json}", // partner feeds, behind their token
            "/feeds/p/{token}/{lang}/archive/{page:[1-9][0-9]{0,8}}/{file:rss\\.xml|atom\\.xml|feed\\.json}", // and their archives
            "/error",                                                          // the error page itself
            "/login",                                                          // signing in
            "/logout",                                                         // signing out (anonymous: "signed out")
            "/actuator/health", "/actuator/health/**");                        // UP or DOWN, no details

    private static final Map<String, String> SAMPLES = Map.of("lang", "es", "file", "rss.xml", "token", "no-such-token",
            "username", "admin");

    @Autowired
    ApplicationContext context;

    @Autowired
    Sources sources;

    @Autowired
    Articles articles;

    @Test
    void everyMappedAddressOutsideThePublicOnesRefusesAnAnonymousCallerAndTheApiAnswers401() throws Exception {
        Source source = sources.ensure("test:anonymous-access", Source.Kind.API, "anonymous access");
        long article = articles.store(new NewArticle(source.id(), "anonymous-" + System.nanoTime(), null,
                "Le conseil municipal de Quimper vote un budget secret", null,
                "<p>Le conseil municipal de Quimper a voté un budget secret mardi soir.</p>", "Jeanne Secret", null,
                null, null, List.of())).articleId();

        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = new LinkedHashSet<>(info.getMethodsCondition().getMethods());
                if (methods.isEmpty()) {
                    methods.addAll(List.of(RequestMethod.GET, RequestMethod.POST));
                }
                for (String pattern : info.getPatternValues()) {
                    if (PUBLIC.contains(pattern)) {
                        continue;
                    }
                    String path = concrete(pattern, article);
                    for (RequestMethod method : methods) {
                        if (method == RequestMethod.HEAD || method == RequestMethod.OPTIONS
                                || method == RequestMethod.TRACE) {
                            continue;
                        }
                        boolean withBody = method != RequestMethod.GET && method != RequestMethod.DELETE;
                        RawHttp.Answer answer = RawHttp.send(port, method.name(), path,
                                withBody ? Map.of("Content-Type", "application/json") : Map.of(), withBody ? "{}" : null);
                        String what = method + " " + path + " (" + pattern + ")";
                        checked.add(what);
                        if (!refused(path, answer) || answer.body().contains("Quimper")
                                || answer.body().contains("Jeanne Secret")) {
                            wrong.add(what + " answered " + answer.status() + " " + abbreviate(answer.body()));
                        }
                    }
                }
            }
        }
        assertThat(checked).as("the mappings were found").hasSizeGreaterThan(60)
                .anyMatch(c -> c.startsWith("GET /api/articles/" + article))
                .anyMatch(c -> c.startsWith("GET /actuator/metrics"));
        assertThat(wrong).as("answered an anonymous caller").isEmpty();
    }

    @Test
    void anArticleIsNotReadableThroughTheApiByAStrangerWhateverItsId() throws Exception {
        Source source = sources.ensure("test:anonymous-access", Source.Kind.API, "anonymous access");
        long article = articles.store(new NewArticle(source.id(), "anonymous-one-" + System.nanoTime(), null,
                "Le port de Lorient prépare une annonce", null,
                "<p>Le port de Lorient prépare une annonce qui n'est pas encore publiée.</p>", null, null, null, null,
                List.of())).articleId();
        for (String path : List.of("/api/articles/" + article, "/api/articles/" + article + "/",
                "/API/articles/" + article, "/api/articles/" + article + "?x=/es/articles/1")) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", path, Map.of(), null);
            assertThat(answer.status()).as(path).isIn(401, 404);
            assertThat(answer.body()).as(path).doesNotContain("Lorient");
        }
        assertThat(RawHttp.send(port, "GET", "/api/articles/" + article, Map.of(), null).status()).isEqualTo(401);
        // the public page of an article exists only once it is published, and only for a published language
        assertThat(RawHttp.send(port, "GET", "/es/articles/" + article, Map.of(), null).status()).isEqualTo(404);
        assertThat(RawHttp.send(port, "GET", "/xx/articles/" + article, Map.of(), null).status()).isIn(401, 404);
    }

    @Test
    void theTabIconIsServedToAnyone() throws Exception {
        // every page's tab asks for it, signed in or not (it was refused: 401, or 403 to an editor)
        RawHttp.Answer icon = RawHttp.send(port, "GET", "/favicon.ico", Map.of(), null);

        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).matches("image/(x-icon|vnd\\.microsoft\\.icon)");
    }

    /** Refused: 401 for the API and the actuator; a redirect to sign in, 401 or 403 for the pages. */
    private static boolean refused(String path, RawHttp.Answer answer) {
        if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            return answer.status() == 401;
        }
        if (answer.status() == 302) {
            String location = answer.header("Location");
            return location != null && location.endsWith("/login");
        }
        return answer.status() == 401 || answer.status() == 403;
    }

    /** The pattern with each variable replaced by a sample value ({@code id} and {@code ref}: the stored article). */
    static String concrete(String pattern, long article) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int depth = 1;
                int j = i + 1;
                while (depth > 0) {
                    char d = pattern.charAt(j++);
                    depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                }
                String variable = pattern.substring(i + 1, j - 1);
                String name = variable.contains(":") ? variable.substring(0, variable.indexOf(':')) : variable;
                out.append(SAMPLES.getOrDefault(name.replace("*", ""), String.valueOf(article)));
                i = j;
            } else if (pattern.startsWith("**", i)) {
                out.append("x");
                i += 2;
            } else if (c == '*') {
                out.append("x");
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String abbreviate(String body) {
        String flat = Pattern.compile("\\s+").matcher(body).replaceAll(" ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
