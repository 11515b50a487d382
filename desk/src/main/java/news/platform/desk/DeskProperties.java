package news.platform.desk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the desk is in an environment ({@code desk.*} in the config server's {@code desk.yml}).
 *
 * @param endSessionPath the issuer's RP-initiated logout endpoint, below its address
 * @param upstreams where the services' public APIs are, and how long a call may take
 * @param dashboard the dashboard's lists
 */
@ConfigurationProperties("desk")
public record DeskProperties(@DefaultValue("/connect/logout") String endSessionPath, Upstreams upstreams,
		@DefaultValue Dashboard dashboard) {

	/**
	 * @param articleService article-service's address inside the platform
	 * @param connectTimeout connecting to a service
	 * @param readTimeout a service's whole answer
	 * @param parallelCalls threads that make one page's independent calls at once (the dashboard's
	 * shelves), shared by every request; beyond them and a queue eight times as long, the request's
	 * own thread makes its calls
	 */
	public record Upstreams(String articleService, @DefaultValue("1s") Duration connectTimeout,
			@DefaultValue("3s") Duration readTimeout, @DefaultValue("16") int parallelCalls) {

		public Upstreams {
			if (parallelCalls < 1 || parallelCalls > 256) {
				throw new IllegalArgumentException("desk.upstreams.parallel-calls must be 1 to 256, was " + parallelCalls);
			}
		}
	}

	/** @param pageSize stories per list */
	public record Dashboard(@DefaultValue("10") int pageSize) {
	}

}
