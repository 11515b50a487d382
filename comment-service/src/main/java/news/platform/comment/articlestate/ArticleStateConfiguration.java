package news.platform.comment.articlestate;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.comment.CommentProperties;
import news.platform.starter.client.ServiceTokens;

@Configuration(proxyBeanMethods = false)
class ArticleStateConfiguration {

	static final String BREAKER = "article-state";

	@Bean
	ArticleServiceClient articleServiceClient(@Value("${platform.upstreams.article-service}") String baseUrl,
			ObjectProvider<ServiceTokens> tokens, CommentProperties properties) {
		// without a token source (a misconfigured process) the call goes out bare and article-service
		// answers 401, which counts as unavailable: posting on known articles still works
		Supplier<String> authorization = () -> {
			ServiceTokens source = tokens.getIfAvailable();
			return source == null ? null : source.authorization();
		};
		return new ArticleServiceClient(baseUrl, authorization, properties.articleState().timeout());
	}

	/** The state call is on a reader's request path: bounded by a timeout, and skipped while the breaker is open. */
	@Bean
	Customizer<Resilience4JCircuitBreakerFactory> articleStateBreaker(CommentProperties properties) {
		return factory -> factory.configure(builder -> builder
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.articleState().timeout()).build())
			.circuitBreakerConfig(CircuitBreakerConfig.custom()
				.slidingWindowSize(10)
				.minimumNumberOfCalls(5)
				.failureRateThreshold(50)
				.waitDurationInOpenState(java.time.Duration.ofSeconds(5))
				.build()), BREAKER);
	}

}
