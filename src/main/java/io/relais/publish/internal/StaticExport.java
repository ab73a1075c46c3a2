package io.relais.publish.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.relais.publish.FeedFormat;
import io.relais.publish.PublishSettings;

/**
 * Writes the public documents under {@code feeds/}: {@code {lang}/rss.xml|atom.xml|feed.json}, the archive pages
 * {@code {lang}/archive/{n}/...}, {@code {lang}/index.html}, {@code index.html} and {@code feeds.opml} — each
 * world-readable (0644, folders 0755) so that a web server running as another user can serve them, and each
 * replaced atomically so that a reader never sees half a file. Unchanged files are left alone.
 */
@Component
class StaticExport {

    /** A language's folder: {@code es}, {@code cat}. */
    private static final Pattern LANGUAGE_FOLDER = Pattern.compile("[a-z]{2,3}");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");

    private final FeedDocuments documents;
    private final Path root;
    private final boolean publicFeeds;
    /** Per language, the archive pages this process has written (or found written with the same bytes). */
    private final Map<String, Long> exportedPages = new ConcurrentHashMap<>();

    StaticExport(FeedDocuments documents, PublishSettings properties) {
        this.documents = documents;
        this.root = properties.feedsDir();
        this.publicFeeds = properties.publicFeeds();
    }

    /**
     * The language page, the subscription documents and the archive pages not written yet by this process: a
     * complete archive page never changes, so after the first export of a language (which checks every page) only the
     * pages completed since are written — a change costs the same whatever the number of entries ever published.
     */
    void export(String lang) {
        Path dir = root.resolve(lang);
        documents.languagePage(lang).ifPresent(page -> write(dir.resolve("index.html"), page));
        if (!publicFeeds) {
            // copies written while the public feeds were on would be served by a web server as they were, with the
            // entries withdrawn since: no longer rewritten, they go
            deleteDocuments(dir);
            return;
        }
        long pages = documents.archivePages(lang);
        long from = exportedPages.getOrDefault(lang, 0L) + 1;
        for (FeedFormat format : FeedFormat.values()) {
            documents.feed(lang, format, 0).ifPresent(doc -> write(dir.resolve(format.fileName()), doc));
            for (long page = from; page <= pages; page++) {
                Path target = dir.resolve("archive").resolve(Long.toString(page)).resolve(format.fileName());
                documents.feed(lang, format, page).ifPresent(doc -> write(target, doc));
            }
        }
        exportedPages.merge(lang, pages, Math::max);
    }

    /** The feeds index and OPML list; and the copies of a language no longer published leave (at start). */
    void exportLists() {
        write(root.resolve("index.html"), documents.index());
        if (publicFeeds) {
            write(root.resolve("feeds.opml"), documents.opml());
        } else {
            delete(root.resolve("feeds.opml"));
        }
        removeUnpublishedLanguages();
    }

    /**
     * A language taken out of {@code relais.languages}: the service answers 404 for its documents, and a web server
     * serving the folder would go on serving its copies, with the entries withdrawn since. A folder is a language's
     * when it is named like one and holds a subscription document or archive pages; only the files Relais writes
     * there go (and the folders they leave empty).
     */
    private void removeUnpublishedLanguages() {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        for (Path dir : folders) {
            String lang = dir.getFileName().toString();
            if (!LANGUAGE_FOLDER.matcher(lang).matches() || documents.publishes(lang) || !relaisWrote(dir)) {
                continue;
            }
            Path archive = dir.resolve("archive");
            if (Files.isDirectory(archive)) {
                try (Stream<Path> pages = Files.list(archive)) {
                    for (Path page : pages.filter(p -> p.getFileName().toString().matches("\\d{1,9}")).toList()) {
                        deleteDocuments(page);
                        deleteIfEmpty(page);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + archive, e);
                }
                deleteIfEmpty(archive);
            }
            deleteDocuments(dir);
            delete(dir.resolve("index.html"));
            deleteIfEmpty(dir);
        }
    }

    private static boolean relaisWrote(Path dir) {
        return Files.isDirectory(dir.resolve("archive"))
                || Arrays.stream(FeedFormat.values()).anyMatch(f -> Files.exists(dir.resolve(f.fileName())));
    }

    /** The subscription documents (or one archive page's) in {@code dir}. */
    private static void deleteDocuments(Path dir) {
        for (FeedFormat format : FeedFormat.values()) {
            delete(dir.resolve(format.fileName()));
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (Stream<Path> left = Files.list(dir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    static void write(Path target, Document doc) {
        try {
            createFolders(target.getParent());
            if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), doc.body())) {
                return;
            }
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(tmp, doc.body());
                setPermissions(tmp, FILE);
                Files.setLastModifiedTime(tmp, FileTime.from(doc.lastModified()));
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void createFolders(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            createFolders(dir.getParent());
        }
        Files.createDirectories(dir);
        setPermissions(dir, FOLDER);
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: files are readable by the web server's account through the folder's ACL
        }
    }
}
