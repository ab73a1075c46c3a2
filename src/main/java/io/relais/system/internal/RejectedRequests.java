package io.relais.system.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What Spring Security's firewall refuses before any filter chain: a method Relais does not answer ({@code TRACE},
 * {@code CONNECT}, made-up ones) gets {@code 405} with {@code Allow}, anything else (an encoded slash, a {@code ..}
 * segment...) {@code 400}. Both are written here, as short plain text, and keep the headers every response carries
 * (set before, by the Content-Security-Policy filter); Tomcat no longer turns {@code TRACE} away itself, where no
 * filter ever saw it and the answer had none of them.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            if (response.isCommitted()) {
                return;
            }
            boolean method = !METHODS.contains(request.getMethod());
            response.resetBuffer();
            response.setStatus(method ? 405 : 400);
            if (method) {
                response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
            }
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/plain;charset=UTF-8");
            byte[] body = (method ? request.getMethod() + " is not answered here." : "Request refused: malformed address.")
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        };
    }
}
