package news.platform.desk.upstream;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.web.client.RestClientResponseException;

/**
 * One service's calls through its breaker. A 4xx is the person's answer and never trips the
 * breaker: it passes through the breaker as a value and is thrown after as a {@link Refusal};
 * anything else counts against it and becomes {@link ServiceUnavailable}.
 */
final class ServiceCalls {

	private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

	private final String service;

	private final CircuitBreaker breaker;

	ServiceCalls(String service, CircuitBreaker breaker) {
		this.service = service;
		this.breaker = breaker;
	}

	@SuppressWarnings("unchecked")
	<T> T call(Supplier<T> call) {
		Object outcome = this.breaker.run(() -> {
			try {
				return (Object) call.get();
			}
			catch (RestClientResponseException ex) {
				if (ex.getStatusCode().is4xxClientError()) {
					return new Refusal(ex.getStatusCode().value(), ex.getResponseBodyAsString());
				}
				throw ex;
			}
		}, failure -> {
			log.warn("{} call failed: {}", this.service, failure.toString());
			throw new ServiceUnavailable(this.service, failure);
		});
		if (outcome instanceof Refusal refusal) {
			throw refusal;
		}
		return (T) outcome;
	}

}
