package io.relais.ingest.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import io.relais.article.Source;
import io.relais.article.Sources;

class FeedPollersTest {

    @Test
    @SuppressWarnings("unchecked")
    void aSeededFileSourceIsNeitherRegisteredNorPolledWhenFileUrlsAreNotAllowed() {
        Sources sources = mock(Sources.class);
        CamelContext camel = mock(CamelContext.class);
        IngestSettings properties = new IngestSettings(Path.of("inbox"), 5_000_000L, true,
                List.of(new IngestSettings.SourceProperties("Demo", "file:demo/feed.xml", Duration.ofMinutes(15))), false, false,
                "Relais/test", Duration.ofSeconds(60));
        // stored by an earlier start that allowed files
        when(sources.findAll()).thenReturn(List.of(new Source(3, "file:demo/feed.xml", Source.Kind.FEED, "Demo", 900,
                null, null, null, null, null, 0, false, false, null, null)));

        new FeedPollers(properties, sources, new UrlPolicy(false, false), mock(ObjectProvider.class), mock(ObjectProvider.class))
                .afterApplicationStart(camel);

        verify(sources, never()).register(anyString(), any(), anyString(), anyInt());
        verify(sources).recordFailure(eq(3L), startsWith("not polled: file: URLs are not allowed"), isNull());
        verifyNoInteractions(camel);
    }
}
