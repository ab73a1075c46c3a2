package io.relais.http.internal;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The answers Tomcat writes itself, before any filter runs — a request line with a space or a control character in
 * its target, a malformed percent-escape — carry the same kind of headers as every page (no script, no framing, no
 * sniffing, no referrer to other sites) and no report or server version: Tomcat's error page is written by its
 * host's {@link ErrorReportValve}, which no Spring filter sees, so the host uses {@link SecureErrorReportValve}.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorAnswers {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> secureTomcatErrorAnswers() {
        return factory -> {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(SecureErrorReportValve.class.getName());
                }
            });
            // Tomcat answers TRACE with a bare 405 before any filter or valve sees it, so without any of the headers
            // every response carries: let it through to the filters, where Spring Security's firewall refuses it
            // with them (system's RejectedRequests), and where MVC would never echo it (spring.mvc's dispatch-trace)
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        };
    }

    /** Tomcat's error page with the headers set and neither the exception report nor the server's version. */
    public static class SecureErrorReportValve extends ErrorReportValve {

        public SecureErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            // only the error pages this valve writes (it is also called for a 304 sent as an "error"), and never
            // over headers the application set
            if (response.getStatus() >= 400 && response.getContentWritten() == 0 && !response.isCommitted()
                    && response.getHeader("Content-Security-Policy") == null) {
                response.setHeader("Content-Security-Policy", POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Referrer-Policy", "same-origin");
            }
            super.report(request, response, throwable);
        }
    }
}
