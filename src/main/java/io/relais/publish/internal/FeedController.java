package io.relais.publish.internal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.relais.publish.FeedFormat;
import io.relais.publish.FeedPublisher;

/** The public feeds: {@code /feeds/{lang}/rss.xml}, {@code atom.xml} and {@code feed.json}, with ETags for conditional GET. */
@RestController
class FeedController {

    private final FeedPublisher publisher;

    FeedController(FeedPublisher publisher) {
        this.publisher = publisher;
    }

    @GetMapping("/feeds/{lang}/rss.xml")
    ResponseEntity<String> rss(@PathVariable String lang) {
        return feed(lang, FeedFormat.RSS);
    }

    @GetMapping("/feeds/{lang}/atom.xml")
    ResponseEntity<String> atom(@PathVariable String lang) {
        return feed(lang, FeedFormat.ATOM);
    }

    @GetMapping("/feeds/{lang}/feed.json")
    ResponseEntity<String> json(@PathVariable String lang) {
        return feed(lang, FeedFormat.JSON);
    }

    private ResponseEntity<String> feed(String lang, FeedFormat format) {
        if (!publisher.publishes(lang)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType() + ";charset=UTF-8"))
                .body(publisher.render(lang, format));
    }
}
