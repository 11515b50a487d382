package news.platform.desk.upstream;

/**
 * A service did not answer usefully (down, slow, its breaker open, a 5xx): the page says so in words
 * and keeps what the person typed.
 */
public class ServiceUnavailable extends RuntimeException {

	private final String service;

	public ServiceUnavailable(String service, Throwable cause) {
		super(service + " is unavailable", cause);
		this.service = service;
	}

	public String service() {
		return this.service;
	}

}
