package news.platform.desk.upstream;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;

/**
 * article-service's public API as the desk uses it, with the person's token. A 4xx is the service's
 * answer to this person (a refusal the page shows); anything else counts against the breaker and
 * becomes {@link ServiceUnavailable}.
 */
public class ArticleService {

	private static final Logger log = LoggerFactory.getLogger(ArticleService.class);

	private final RestClient client;

	private final CircuitBreaker breaker;

	ArticleService(RestClient client, CircuitBreaker breaker) {
		this.client = client;
		this.breaker = breaker;
	}

	/** {@code GET /api/v1/articles?...}: a page of the person's work lists. */
	public JsonNode list(String query) {
		return get("/api/v1/articles?" + query);
	}

	/** {@code GET /api/v1/articles/search?...}: the person's work lists, by words. */
	public JsonNode search(String query) {
		return get("/api/v1/articles/search?" + query);
	}

	/** {@code GET /api/v1/articles/counts?...}: how many stories per status the person may see. */
	public JsonNode counts(String query) {
		return get("/api/v1/articles/counts" + (query.isEmpty() ? "" : "?" + query));
	}

	private JsonNode get(String uri) {
		return call(() -> this.client.get().uri(uri).retrieve().body(JsonNode.class));
	}

	/** A 4xx is this person's answer and never trips the breaker: it is returned through it, thrown after. */
	@SuppressWarnings("unchecked")
	private <T> T call(Supplier<T> call) {
		Object outcome = this.breaker.run(() -> {
			try {
				return (Object) call.get();
			}
			catch (RestClientResponseException ex) {
				if (ex.getStatusCode().is4xxClientError()) {
					return new Refused(ex.getStatusCode().value(), ex.getResponseBodyAsString());
				}
				throw ex;
			}
		}, failure -> {
			log.warn("article-service call failed: {}", failure.toString());
			throw new ServiceUnavailable("article-service", failure);
		});
		if (outcome instanceof Refused refused) {
			throw refused;
		}
		return (T) outcome;
	}

	/** The service refused this person's request (a 4xx): its problem+json body, for the page to show. */
	public static class Refused extends RuntimeException {

		private final int status;

		private final String problem;

		public Refused(int status, String problem) {
			super("refused with " + status);
			this.status = status;
			this.problem = problem;
		}

		public int status() {
			return this.status;
		}

		public String problem() {
			return this.problem;
		}

	}

}
