package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

import io.relais.article.Source;
import io.relais.batch.ExpressLane;
import io.relais.batch.LocalizeSteps;
import io.relais.ingest.ArticleIngestor;
import io.relais.ingest.IncomingArticle;

/**
 * The express lane: an article that passes the door is translated into every language and published at once, ahead
 * of a backlog run that is going on, and a burst is shared between the lane and the backlog job without any
 * translation done twice.
 */
class ExpressLaneTest extends StoredArticlesTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ArticleIngestor ingestor;

    @Autowired
    ExpressLane express;

    @Autowired
    MeterRegistry meters;

    @Test
    void anArticlePushedThroughTheApiIsInEveryLanguagesFeedWithoutAnyBacklogRun() {
        quiesce(runs);
        long backlogRuns = runsOf(LocalizeSteps.JOB_NAME);

        HttpResponse<String> created = post("/api/articles", """
                {"title": "Le tramway de Brest roulera toute la nuit",
                 "body": "<p>Le tramway de Brest roulera toute la nuit de samedi pour la fête de la musique.</p><p>La ville annonce aussi des bus supplémentaires.</p>",
                 "url": "https://exemple.fr/brest-tramway"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = id(created.body());

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> LANGUAGES.stream().allMatch(lang -> inRss(lang, id)));
        assertThat(runsOf(LocalizeSteps.JOB_NAME)).as("no backlog run was needed").isEqualTo(backlogRuns);
        assertThat(jdbc.sql("""
                        select count(*) from batch_job_execution e
                        join batch_job_instance i on i.job_instance_id = e.job_instance_id
                        join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                        where i.job_name = ? and e.status = 'COMPLETED' and p.parameter_name = ?
                          and (',' || p.parameter_value || ',') like ?""")
                .params(LocalizeSteps.EXPRESS_JOB, LocalizeSteps.ARTICLES, "%," + id + ",%").query(Long.class).single())
                .as("an express run recorded in the job repository translated it").isEqualTo(1);
        for (String lang : LANGUAGES) {
            assertThat(meters.find(ExpressLane.DELAY_METRIC).tag("lang", lang).timer())
                    .as("operators see how long the lane took to store %s", lang)
                    .isNotNull().satisfies(t -> assertThat(t.count()).isPositive());
        }
    }

    @Test
    void anArticleArrivingDuringABacklogRunIsTranslatedAndPublishedBeforeTheBacklogRunEnds() throws Exception {
        quiesce(runs);
        // a backlog of one language (the shared context's other feeds are other tests' business)
        Source backlogSource = source("test:express-backlog", "ca");
        for (int i = 0; i < 30; i++) {
            store(backlogSource, "backlog-" + i + "-" + System.nanoTime(), "Le conseil municipal de Nantes vote le budget numéro " + i,
                    "<p>Le conseil municipal de Nantes a voté mardi soir le budget numéro " + i
                            + " de la ville, avec de nouveaux crédits pour les écoles et les transports.</p>"
                            + "<p>L'opposition a demandé un nouveau débat sur les impôts locaux de l'année prochaine.</p>");
        }
        long run = runs.startSoon().get();
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> written(run) > 0);

        Source door = source("test:express-door");
        long id = ingestor.ingest(new IncomingArticle(door.id(), "test", "breaking-" + System.nanoTime(),
                "https://exemple.fr/breaking", "Un séisme secoue la ville de Nice ce matin", null,
                "<p>Un séisme de magnitude quatre a secoué la ville de Nice ce matin, sans faire de victime.</p>",
                null, null, null, null)).articleId();

        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> LANGUAGES.stream().allMatch(lang -> inRss(lang, id)));
        LocalDateTime published = LocalDateTime.now();
        JobExecution backlog = jobRepository.getJobExecution(run);
        assertThat(backlog.getEndTime() == null || backlog.getEndTime().isAfter(published))
                .as("the backlog run was still going when the express article was in every feed").isTrue();
        // the backlog's Apertium programs are its own, below the express lane's in the kernel's eyes
        int ours = niceness(ProcessHandle.current().pid());
        List<Integer> frenchCatalan = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("fra-cat"))
                .map(p -> niceness(p.pid())).toList();
        assertThat(frenchCatalan).as("nice values of the fr-ca programs; ours is %d", ours)
                .contains(ours, Math.min(19, ours + 10));
        quiesce(runs);
        OffsetDateTime lastExpress = jdbc.sql("select max(updated_at) from translation where article_id = ?")
                .param(id).query(OffsetDateTime.class).single();
        OffsetDateTime lastBacklog = jdbc.sql("""
                        select max(t.updated_at) from translation t join article a on a.id = t.article_id
                        where a.source_id = ?""").param(backlogSource.id()).query(OffsetDateTime.class).single();
        assertThat(lastExpress).isBefore(lastBacklog);
    }

    @Test
    void aBurstIsSharedBetweenTheLaneAndTheBacklogJobAndNoTranslationIsDoneTwice() {
        quiesce(runs);
        long expressRuns = runsOf(LocalizeSteps.EXPRESS_JOB);
        Source door = source("test:express-burst", "ca");
        List<Long> ids = new ArrayList<>();
        int burst = 3 * 10;   // three times relais.batch.express.max-queue
        for (int i = 0; i < burst; i++) {
            ids.add(ingestor.ingest(new IncomingArticle(door.id(), "test", "burst-" + i + "-" + System.nanoTime(),
                    "https://exemple.fr/rafale/" + i, "Les marchés de Noël ouvrent dans la ville numéro " + i, null,
                    "<p>Les marchés de Noël ouvrent ce week-end dans la ville numéro " + i + " de la région.</p>",
                    null, null, null, null)).articleId());
        }
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> stored(ids) == ids.size());
        quiesce(runs);

        assertThat(stored(ids)).as("one translation (Catalan) per article").isEqualTo(ids.size());
        assertThat(jdbc.sql("select count(*) from translation where article_id in (:ids) and attempts <> 1")
                .param("ids", ids).query(Long.class).single())
                .as("each translation stored once: no lane translated what the other did").isZero();
        long newExpressRuns = runsOf(LocalizeSteps.EXPRESS_JOB) - expressRuns;
        assertThat(newExpressRuns).as("the lane took the articles that waited together").isBetween(1L, (long) burst - 1);
        assertThat(express.idle()).isTrue();
    }

    private long stored(List<Long> ids) {
        return jdbc.sql("select count(*) from translation where article_id in (:ids)").param("ids", ids)
                .query(Long.class).single();
    }

    private long runsOf(String job) {
        return jdbc.sql("""
                select count(*) from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id
                where i.job_name = ?""").param(job).query(Long.class).single();
    }

    private long written(long run) {
        return jobRepository.getJobExecution(run).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(LocalizeSteps.WORKER_STEP))
                .mapToLong(s -> s.getWriteCount()).sum();
    }

    private boolean inRss(String lang, long id) {
        HttpResponse<String> rss = anonymousGet("http://localhost:" + port + "/feeds/" + lang + "/rss.xml");
        return rss.statusCode() == 200 && rss.body().contains("urn:relais:" + lang + ":article:" + id + "<");
    }

    private static long id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A process's nice value (Linux: field 19 of /proc/PID/stat). */
    private static int niceness(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
