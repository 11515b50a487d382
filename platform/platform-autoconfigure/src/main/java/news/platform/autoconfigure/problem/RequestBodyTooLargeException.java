package news.platform.autoconfigure.problem;

import java.io.IOException;

/**
 * A request body ran past its limit while it was read. An {@link IOException}, so it can leave an
 * {@code InputStream.read}; the shared handlers find it in any cause chain and answer 413.
 */
public class RequestBodyTooLargeException extends IOException {

	private final long limit;

	public RequestBodyTooLargeException(long limit) {
		super("The request body exceeds " + limit + " bytes.");
		this.limit = limit;
	}

	public long limit() {
		return this.limit;
	}

	/** The exception in {@code failure}'s cause chain, or null. */
	public static RequestBodyTooLargeException in(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof RequestBodyTooLargeException tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

}
