package news.platform.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the gateway adds to every response. {@code hsts} is on in {@code k8s}, where clients reach
 * the platform over TLS; on plain-HTTP local runs a browser would pin the wrong scheme.
 */
@ConfigurationProperties("platform.gateway")
record EdgeProperties(boolean hsts) {
}
