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
 * The clients of the moderation and photo screens: comment-service, media-service, and
 * article-service for headlines, each with the person's token, the request's trace headers, the same time limits as
 * the story screens' client and a breaker per service.
 */
@Configuration(proxyBeanMethods = false)
class ModerationUpstreamConfiguration {

	@Bean
	CommentService commentService(ServiceAddresses addresses, DeskProperties properties,
			OAuth2AuthorizedClientManager authorizedClients, TraceHeaders traceHeaders,
			CircuitBreakerFactory<?, ?> breakers) {
		return new CommentService(client(addresses.commentService(), properties, authorizedClients, traceHeaders),
				new ServiceCalls("comment-service", breakers.create("comment-service")));
	}

	@Bean
	ArticleHeadlines articleHeadlines(DeskProperties properties, OAuth2AuthorizedClientManager authorizedClients,
			TraceHeaders traceHeaders, CircuitBreakerFactory<?, ?> breakers) {
		return new ArticleHeadlines(
				client(properties.upstreams().articleService(), properties, authorizedClients, traceHeaders),
				new ServiceCalls("article-service", breakers.create("article-service")));
	}

	@Bean
	MediaService mediaService(ServiceAddresses addresses, DeskProperties properties,
			OAuth2AuthorizedClientManager authorizedClients, TraceHeaders traceHeaders,
			CircuitBreakerFactory<?, ?> breakers) {
		return new MediaService(client(addresses.mediaService(), properties, authorizedClients, traceHeaders),
				new ServiceCalls("media-service", breakers.create("media-service")), addresses.mediaService(),
				properties.upstreams().connectTimeout(), java.time.Duration.ofSeconds(60));
	}

	@Bean
	PersonTokens personTokens(OAuth2AuthorizedClientManager authorizedClients) {
		return new PersonTokens(authorizedClients);
	}

	static RestClient client(String baseUrl, DeskProperties properties, OAuth2AuthorizedClientManager authorizedClients,
			TraceHeaders traceHeaders) {
		DeskProperties.Upstreams upstreams = properties.upstreams();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(upstreams.connectTimeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(upstreams.readTimeout());
		OAuth2ClientHttpRequestInterceptor personToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
		personToken.setClientRegistrationIdResolver(request -> "identity");
		return RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(requests)
			.requestInterceptor(personToken)
			.requestInterceptor((request, body, execution) -> {
				traceHeaders.current().forEach(request.getHeaders()::set);
				return execution.execute(request, body);
			})
			.build();
	}

}
