package news.platform.gateway.limit;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A request body streamed without a length (chunked) may be cut off by {@link BodySizeFilter}
 * half-way through a chunk. The upstream connection is then mid-request: pooled and reused, the
 * service would read the next request's bytes as the rest of the old body and never answer it.
 * Such requests therefore travel on a connection that is closed after its response. Requests with
 * a {@code Content-Length} (nearly all of them) keep the pooled connections.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConnections {

	@Bean
	HttpClientCustomizer closeConnectionsAfterBodiesWithoutLength() {
		return client -> client.doOnRequest((request, connection) -> {
			boolean mayCarryBody = request.method() == HttpMethod.POST || request.method() == HttpMethod.PUT
					|| request.method() == HttpMethod.PATCH;
			if (mayCarryBody && !request.requestHeaders().contains(HttpHeaderNames.CONTENT_LENGTH)) {
				request.header(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			}
		});
	}

}
