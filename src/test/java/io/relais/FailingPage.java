package io.relais;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A page that fails on the server, so that the browser tests can see what a 500 looks like (administrators only). */
@Controller
class FailingPage {

    @GetMapping("/test/failing-page")
    String fail() {
        throw new IllegalStateException("this page fails on purpose (PagesBrowserTest)");
    }
}
