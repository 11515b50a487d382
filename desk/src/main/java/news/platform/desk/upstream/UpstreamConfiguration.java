package news.platform.desk.upstream;

import java.net.http.HttpClient;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import news.platform.autoconfigure.client.TraceHeaders;
import news.platform.desk.DeskProperties;

/**
 * The desk calls the services' public APIs inside the platform (never through the gateway: no
 * rate limit of the desk's own making) with the signed-in person's access token, refreshed when it
 * expires, and the request's trace headers.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

	@Bean
	ParallelCalls parallelCalls(DeskProperties properties) {
		return new ParallelCalls(properties.upstreams().parallelCalls());
	}

	@Bean
	ArticleService articleService(DeskProperties properties, OAuth2AuthorizedClientManager authorizedClients,
			TraceHeaders traceHeaders, CircuitBreakerFactory<?, ?> breakers) {
		DeskProperties.Upstreams upstreams = properties.upstreams();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(upstreams.connectTimeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(upstreams.readTimeout());
		OAuth2ClientHttpRequestInterceptor personToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
		personToken.setClientRegistrationIdResolver(request -> "identity");
		RestClient client = RestClient.builder()
			.baseUrl(upstreams.articleService())
			.requestFactory(requests)
			.requestInterceptor(personToken)
			.requestInterceptor((request, body, execution) -> {
				traceHeaders.current().forEach(request.getHeaders()::set);
				return execution.execute(request, body);
			})
			.build();
		return new ArticleService(client, breakers.create("article-service"));
	}

}
