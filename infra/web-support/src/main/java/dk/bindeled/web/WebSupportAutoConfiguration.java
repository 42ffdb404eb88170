package dk.bindeled.web;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every refusal of a Bindeled REST service as RFC 9457 problem+json, including the ones no controller advice
 * sees: Spring's {@code /error} ({@link ProblemErrorController}) and the servlet container's own refusals
 * ({@link ProblemErrorReportValve}). A service gets it by depending on this module; its {@code ProblemHandler}
 * (extending {@link ProblemResponses}) still answers everything that reaches a controller.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSupportAutoConfiguration {

    // Nested, so the class conditions are checked before any signature naming the optional classes is loaded.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ErrorController.class)
    static class ErrorPath {

        @Bean
        @ConditionalOnMissingBean(ErrorController.class)
        ProblemErrorController problemErrorController() {
            return new ProblemErrorController();
        }
    }

    /**
     * A service sits behind the gateway, which publishes it under a prefix ({@code /booking}) and passes on how the
     * client reached it (X-Forwarded-Host, -Proto, -Port, -Prefix). The URLs a service hands out — an iCal feed to
     * copy, a Location header — must be the ones the client can open, not the service's own address inside the
     * network. Boot does this only with {@code server.forward-headers-strategy=framework} in every service: here once.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.web.servlet.FilterRegistrationBean")
    static class ForwardedHeaders {

        @Bean
        @ConditionalOnMissingBean(name = "forwardedHeaderFilter")
        org.springframework.boot.web.servlet.FilterRegistrationBean<org.springframework.web.filter.ForwardedHeaderFilter> forwardedHeaderFilter() {
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                    new org.springframework.web.filter.ForwardedHeaderFilter());
            registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC,
                    jakarta.servlet.DispatcherType.ERROR);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<PublicLocations> publicLocations() {
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new PublicLocations());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }

    /** For a service whose domain speaks domain-support's refusals: they are answered here, not in a copy per service. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dk.bindeled.domain.RuleViolationException")
    static class DomainRefusals {

        @Bean
        DomainProblems domainProblems() {
            return new DomainProblems();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({TomcatServletWebServerFactory.class, ErrorReportValve.class})
    static class TomcatErrorReports {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return new ProblemErrorReports();
        }
    }

    /**
     * Runs after Boot's own customizer, which (with {@code server.error.include-stacktrace=never}, the default)
     * adds a plain HTML {@link ErrorReportValve} to the host: that one is replaced, and the host is told to use
     * ours instead of adding its default when it starts.
     */
    static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
