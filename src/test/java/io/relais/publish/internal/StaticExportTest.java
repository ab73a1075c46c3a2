package io.relais.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;

import io.relais.StoredArticlesTest;
import io.relais.publish.FeedBuilder;
import io.relais.publish.PublicationPolicy;
import io.relais.publish.PublishSettings;
import io.relais.translation.TargetLanguages;

/** The copies of the public feeds on disk follow what the service serves. */
class StaticExportTest extends StoredArticlesTest {

    @Autowired
    EntryLog log;
    @Autowired
    FeedBuilder builder;
    @Autowired
    TargetLanguages languages;
    @Autowired
    ITemplateEngine templates;
    @Autowired
    DocumentStates states;

    /**
     * Public feeds turned off (a restart with {@code relais.publish.public-feeds: false}): the service answers 404
     * for them, and the copies written before leave the feeds folder. They stayed, never rewritten again, so a web
     * server serving the folder kept serving every entry withdrawn since.
     */
    @Test
    void copiesOfThePublicFeedsLeaveTheFolderWhenThePublicFeedsAreTurnedOff(@TempDir Path dir) {
        StaticExport on = export(dir, true);
        on.exportLists();
        on.export("es");
        assertThat(dir.resolve("es/rss.xml")).exists();
        assertThat(dir.resolve("feeds.opml")).exists();

        StaticExport off = export(dir, false);
        off.exportLists();
        off.export("es");
        assertThat(dir.resolve("es/rss.xml")).doesNotExist();
        assertThat(dir.resolve("es/atom.xml")).doesNotExist();
        assertThat(dir.resolve("es/feed.json")).doesNotExist();
        assertThat(dir.resolve("feeds.opml")).doesNotExist();
        assertThat(Files.exists(dir.resolve("es/index.html"))).as("the language page stays, as it is served").isTrue();
    }

    /**
     * A language taken out of {@code relais.languages}: at the next start its copies leave the folder (the service
     * answers 404 for them; a web server would have gone on serving them, withdrawn entries and all). What Relais did
     * not write stays: another file in the language's folder, a folder that only looks like a language's.
     */
    @Test
    void theCopiesOfALanguageNoLongerPublishedLeaveAtTheNextStart(@TempDir Path dir) throws Exception {
        assertThat(languages.languages()).doesNotContain("nl");
        Path dutch = dir.resolve("nl");
        for (String file : List.of("rss.xml", "atom.xml", "feed.json", "index.html", "archive/1/rss.xml",
                "archive/1/atom.xml", "archive/1/feed.json", "archive/2/rss.xml")) {
            Files.createDirectories(dutch.resolve(file).getParent());
            Files.writeString(dutch.resolve(file), "<rss/>");
        }
        Path gone = dir.resolve("pl");   // a language's folder whose documents are already gone: only archive pages
        Files.createDirectories(gone.resolve("archive/1"));
        Files.writeString(gone.resolve("archive/1/atom.xml"), "<feed/>");
        Path css = dir.resolve("css");
        Files.createDirectories(css);
        Files.writeString(css.resolve("index.html"), "not ours");
        Files.writeString(dir.resolve("nl-notes.txt"), "not ours");

        StaticExport export = export(dir, true);
        export.export("es");
        export.exportLists();

        assertThat(dutch).doesNotExist();
        assertThat(gone).doesNotExist();
        assertThat(css.resolve("index.html")).hasContent("not ours");
        assertThat(dir.resolve("nl-notes.txt")).exists();
        assertThat(dir.resolve("es/rss.xml")).exists();

        // a file of the operator's own in the language's folder stays, and with it the folder
        Files.createDirectories(dutch);
        Files.writeString(dutch.resolve("rss.xml"), "<rss/>");
        Files.writeString(dutch.resolve("README"), "ours");
        export.exportLists();
        assertThat(dutch.resolve("rss.xml")).doesNotExist();
        assertThat(dutch.resolve("README")).hasContent("ours");
    }

    private StaticExport export(Path dir, boolean publicFeeds) {
        PublishSettings settings = new PublishSettings("http://localhost:8080", dir, 50, Duration.ofMinutes(5),
                publicFeeds, PublicationPolicy.MACHINE, List.of(), List.of());
        return new StaticExport(new FeedDocuments(log, builder, settings, languages, templates, states,
                new RecentWithdrawals(log, settings)), settings);
    }
}
