package io.relais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.relais.article.Articles;
import io.relais.ingest.DeadLetter;
import io.relais.ingest.DeadLetters;

/** Bad input is refused with a recorded reason, its bytes kept, and the service goes on. */
class RejectionTest extends RelaisIntegrationTest {

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    Articles articles;

    @Test
    void anEnglishArticleIsRefusedWithItsReasonAndPayloadKept() throws Exception {
        String english = """
                City opens three new libraries
                The city council opened three new public libraries on Monday in the eastern districts. The project cost
                twelve million euros and took four years, according to the mayor, who said they will open every day.
                """;
        drop("english.txt", english.getBytes(StandardCharsets.UTF_8));

        Path error = INBOX.resolve(".failed/english.txt.error");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(error));
        assertThat(Files.readString(error)).contains("not French").contains("English");
        // the .error file is written before the route moves the file itself
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(INBOX.resolve(".failed/english.txt")));

        DeadLetter letter = deadLetters.recent(50).stream().filter(d -> d.origin().equals("inbox/english.txt"))
                .findFirst().orElseThrow();
        assertThat(letter.reason()).contains("not French");
        assertThat(new String(deadLetters.payload(letter.id()).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(english);
        assertThat(articles.findAll(1000)).noneMatch(a -> a.title().startsWith("City opens"));
    }

    @Test
    void anEmptyFileIsRefusedAndTheInboxKeepsWorking() throws Exception {
        drop("vide.txt", new byte[0]);
        Path error = INBOX.resolve(".failed/vide.txt.error");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(error));
        assertThat(Files.readString(error)).contains("empty file");

        drop("binaire.html", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14, 0x00});
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(INBOX.resolve(".failed/binaire.html.error")));
        assertThat(Files.readString(INBOX.resolve(".failed/binaire.html.error"))).contains("binary");

        // the route is still running: a French article dropped afterwards is ingested
        drop("apres.txt", """
                Le marché de Noël ouvre ses portes à Strasbourg
                Le marché de Noël de Strasbourg a ouvert vendredi. Plus de trois cents chalets attendent les visiteurs
                jusqu'à la fin du mois de décembre.
                """.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> articles.findAll(1000).stream()
                .anyMatch(a -> a.title().equals("Le marché de Noël ouvre ses portes à Strasbourg")));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(INBOX.resolve(".done/apres.txt")));
    }

    @Test
    void aDeadLetteredFileCanBeRetriedOrDiscardedAndIsCounted() throws Exception {
        drop("casse.json", "{\"title\": \"Titre\", ".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> letterFrom("inbox/casse.json") != null);
        DeadLetter first = letterFrom("inbox/casse.json");
        assertThat(get("/actuator/metrics/relais.dead.letters").statusCode()).isEqualTo(200);

        HttpResponse<String> retried = post("/api/dead-letters/" + first.id() + "/retry", "");
        assertThat(retried.statusCode()).isEqualTo(202);
        // still broken: the inbox refuses it again, with a new dead letter that names the attempt it repeats; the
        // first is kept, marked retried, out of the waiting list
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DeadLetter again = letterFrom("inbox/casse.json");
            return again != null && again.id() != first.id();
        });
        assertThat(letterFrom("inbox/casse.json").retryOf()).isEqualTo(first.id());
        assertThat(deadLetters.find(first.id()).orElseThrow().retried()).isTrue();

        DeadLetter second = letterFrom("inbox/casse.json");
        HttpResponse<String> discarded = delete("/api/dead-letters/" + second.id());
        assertThat(discarded.statusCode()).isEqualTo(204);
        assertThat(deadLetters.find(second.id())).isEmpty();
    }

    private DeadLetter letterFrom(String origin) {
        return deadLetters.recent(200).stream().filter(d -> d.origin().equals(origin)).findFirst().orElse(null);
    }

    @Test
    void aFileOfAnUnsupportedTypeIsRefusedWithTheReason() throws Exception {
        drop("photo.pdf", "%PDF-1.4 pas un article".getBytes(StandardCharsets.UTF_8));
        Path error = INBOX.resolve(".failed/photo.pdf.error");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(error));
        assertThat(Files.readString(error)).contains("unsupported file type .pdf");
    }
}
