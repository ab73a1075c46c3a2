package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * README.md is the door and docs/ holds the guides: the README stays short, prose is wrapped for reading in a
 * terminal, and every relative link (to a file, and to a heading in a markdown file) leads somewhere.
 */
class DocumentationTest {

    static final int WIDTH = 120;
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void theReadmeIsTheDoorAtMost200LinesOfAt120Characters() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        assertThat(lines).as("README.md: move guides and tables to docs/").hasSizeLessThanOrEqualTo(200);
        assertThat(lines).as("README.md lines over " + WIDTH + " characters").allMatch(l -> l.length() <= WIDTH);
        assertThat(String.join("\n", lines)).contains("./relais run").contains("./relais test")
                .contains("(docs/operator.md)").contains("(docs/cluster.md)").contains("(docs/editor.md)")
                .contains("(docs/partner.md)").contains("(docs/security.md)").contains("(docs/architecture.md)")
                .contains("(docs/measurements.md)");
    }

    @Test
    void theGuidesProseIsWrappedAt120Characters() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path doc : documents()) {
            boolean code = false;
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("```")) {
                    code = !code;
                } else if (!code && !line.startsWith("|") && line.length() > WIDTH) {
                    tooLong.add(doc + ":" + (i + 1));
                }
            }
        }
        assertThat(tooLong).as("prose lines over " + WIDTH + " characters (tables and program output may be wider)")
                .isEmpty();
    }

    @Test
    void everyRelativeLinkLeadsToAFileOfTheRepositoryAndToAHeadingOfIt() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            for (String target : links(doc)) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue;   // http:, https:, mailto: — not a file of the repository
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(file).normalize();
                if (!resolved.startsWith(Path.of("").toAbsolutePath()) && !file.isEmpty()) {
                    broken.add(doc + ": " + target + " (outside the repository)");
                } else if (!Files.exists(resolved)) {
                    broken.add(doc + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(doc + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void headingsBecomeGitHubsAnchors() {
        assertThat(slug("On this machine: `./relais cluster [N]`")).isEqualTo("on-this-machine-relais-cluster-n");
        assertThat(slug("Crash, hostile input and memory")).isEqualTo("crash-hostile-input-and-memory");
        assertThat(slug("Signals: why a segment is doubtful")).isEqualTo("signals-why-a-segment-is-doubtful");
    }

    /** README.md and every markdown file under docs/. */
    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.walk(Path.of("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The link targets of a markdown file, outside code blocks and code spans. */
    static List<String> links(Path doc) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean code = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) {
                continue;
            }
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** The anchors GitHub makes of a markdown file's headings (a repeated heading gets -1, -2, ...). */
    static Set<String> anchors(Path doc) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean code = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("```")) {
                code = !code;
            }
            Matcher m = HEADING.matcher(line);
            if (!code && m.matches()) {
                String anchor = slug(m.group(1));
                String unique = anchor;
                for (int n = 1; !anchors.add(unique); n++) {
                    unique = anchor + "-" + n;
                }
            }
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: lower case, only letters, digits, spaces, - and _, spaces as -. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
