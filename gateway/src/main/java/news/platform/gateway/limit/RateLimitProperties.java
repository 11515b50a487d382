package news.platform.gateway.limit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client request budgets of one gateway replica ({@code platform.gateway.rate-limits.*}).
 * A budget is {@code capacity} requests, refilled smoothly over {@code period}.
 * <p>
 * Bound through setters, not as a record: Spring Cloud re-binds such a bean in place on
 * {@code POST /actuator/refresh} (it cannot re-bind a record). {@code enabled} and the budgets are
 * read on every request: a refresh switches the limits on or off at once, and a changed budget
 * applies to every client bucket made from then on (a client's existing bucket keeps its budget
 * until it has been idle for the longest period at start-up). {@code maxClients} and that idle time
 * shape the bucket cache when it is built and need a restart.
 */
@ConfigurationProperties("platform.gateway.rate-limits")
class RateLimitProperties {

	private volatile boolean enabled = true;

	private volatile long maxClients = 100_000;

	private volatile Budget read = Budget.DEFAULT;

	private volatile Budget write = Budget.DEFAULT;

	private volatile Budget anonymousCommentRead = Budget.DEFAULT;

	/** Every request of one web-application session (the desk's cookie), reads and writes alike. */
	private volatile Budget session = Budget.DEFAULT;

	/**
	 * All sessions' requests from one address together: a newsroom behind one NAT address fits
	 * under it; a client inventing cookies is held to it.
	 */
	private volatile Budget sessionAddressCeiling = new Budget(6000, Duration.ofMinutes(1));

	/** One budget; replaced whole when re-bound, so a request never sees half of a change. */
	record Budget(@DefaultValue("300") long capacity, @DefaultValue("1m") Duration period) {

		static final Budget DEFAULT = new Budget(300, Duration.ofMinutes(1));

	}

	boolean enabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	long maxClients() {
		return this.maxClients;
	}

	public void setMaxClients(long maxClients) {
		this.maxClients = maxClients;
	}

	Budget read() {
		return this.read;
	}

	public void setRead(Budget read) {
		this.read = read;
	}

	Budget write() {
		return this.write;
	}

	public void setWrite(Budget write) {
		this.write = write;
	}

	Budget anonymousCommentRead() {
		return this.anonymousCommentRead;
	}

	public void setAnonymousCommentRead(Budget anonymousCommentRead) {
		this.anonymousCommentRead = anonymousCommentRead;
	}

	Budget session() {
		return this.session;
	}

	public void setSession(Budget session) {
		this.session = session;
	}

	Budget sessionAddressCeiling() {
		return this.sessionAddressCeiling;
	}

	public void setSessionAddressCeiling(Budget sessionAddressCeiling) {
		this.sessionAddressCeiling = sessionAddressCeiling;
	}

}
