package news.platform.gateway.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Retries a call that failed before any response arrived (connection refused or reset, no answer
 * within the route's response timeout), for GET and HEAD only: a POST may have reached the service
 * and been acted on, and its body cannot be replayed anyway. Exponential backoff with jitter, so
 * that many gateways retrying at once do not hit a recovering service in lockstep. Spring Cloud
 * Gateway's own {@code Retry} filter has no jitter.
 * <pre>
 * - name: IdempotentRetry
 *   args: { retries: 2, first-backoff: 50ms, max-backoff: 500ms, jitter: 0.5 }
 * </pre>
 */
@Component
class IdempotentRetryGatewayFilterFactory
		extends AbstractGatewayFilterFactory<IdempotentRetryGatewayFilterFactory.Config> {

	IdempotentRetryGatewayFilterFactory() {
		super(Config.class);
	}

	@Override
	public GatewayFilter apply(Config config) {
		RetryBackoffSpec retry = Retry.backoff(config.getRetries(), config.getFirstBackoff())
			.maxBackoff(config.getMaxBackoff())
			.jitter(config.getJitter())
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
		return (exchange, chain) -> {
			HttpMethod method = exchange.getRequest().getMethod();
			if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
				return chain.filter(exchange);
			}
			return Mono.defer(() -> {
				// lets the routing filter run again and drops headers an earlier attempt copied
				ServerWebExchangeUtils.reset(exchange);
				return chain.filter(exchange);
			}).retryWhen(retry.filter(error -> retryable(error) && !exchange.getResponse().isCommitted()));
		};
	}

	static boolean retryable(Throwable error) {
		if (error instanceof ResponseStatusException status) {
			// Spring Cloud Gateway turns the route's response timeout into a 504; no response came
			return status.getStatusCode().value() == 504;
		}
		return error instanceof ConnectException || error instanceof ConnectTimeoutException
				|| error instanceof PrematureCloseException || error instanceof TimeoutException
				|| (error instanceof IOException && error.getMessage() != null
						&& error.getMessage().contains("Connection reset"));
	}

	public static class Config {

		private int retries = 2;

		private Duration firstBackoff = Duration.ofMillis(50);

		private Duration maxBackoff = Duration.ofMillis(500);

		private double jitter = 0.5;

		public int getRetries() {
			return this.retries;
		}

		public void setRetries(int retries) {
			this.retries = retries;
		}

		public Duration getFirstBackoff() {
			return this.firstBackoff;
		}

		public void setFirstBackoff(Duration firstBackoff) {
			this.firstBackoff = firstBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

}
