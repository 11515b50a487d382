package news.platform.autoconfigure.feed;

/** The feed could not be read now: the producer is down, slow, or refuses the token. */
public class FeedUnavailableException extends RuntimeException {

	public FeedUnavailableException(String message) {
		super(message);
	}

	public FeedUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
