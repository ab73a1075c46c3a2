package io.relais.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitedProcessTest {

    @TempDir
    Path dir;

    @Test
    void springBootsFailureAnalysisIsTheReason() throws Exception {
        Path log = Files.writeString(dir.resolve("w1.log"), """
                02:00:01.000 [main] INFO io.relais.RelaisApplication -- Starting RelaisApplication
                02:00:09.000 [main] ERROR org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter --

                ***************************
                APPLICATION FAILED TO START
                ***************************

                Description:

                Web server failed to start. Port 8080 was already in use.

                Action:

                Identify and stop the process that's listening on port 8080.
                """);

        assertThat(ExitedProcess.reason(log)).isEqualTo("Web server failed to start. Port 8080 was already in use.");
    }

    @Test
    void otherwiseTheInnermostCausePrinted() throws Exception {
        Path log = Files.writeString(dir.resolve("w1.log"), """
                02:00:09.000 [main] ERROR o.s.boot.SpringApplication -- Application run failed
                org.springframework.beans.factory.BeanCreationException: Error creating bean 'adminBootstrap'
                \tat org.springframework.beans.factory.support.AbstractBeanFactory.getBean(AbstractBeanFactory.java:1)
                Caused by: org.springframework.dao.DuplicateKeyException: insert into app_user
                \tat org.springframework.jdbc.support.SQLExceptionSubclassTranslator.doTranslate(Unknown Source)
                Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint
                \tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)
                """);

        assertThat(ExitedProcess.reason(log))
                .isEqualTo("Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique "
                        + "constraint");
    }
}
