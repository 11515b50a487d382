package news.platform.site.content;

/**
 * A service the page needs did not answer in time, refused the connection, answered 5xx or its
 * breaker is open. The site then answers from the last good page of the path, or with a 503 page.
 */
public class UpstreamUnavailable extends RuntimeException {

	public UpstreamUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

	public UpstreamUnavailable(String message) {
		super(message);
	}

}
