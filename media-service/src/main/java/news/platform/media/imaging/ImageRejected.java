package news.platform.media.imaging;

/**
 * The bytes are not an image the service can safely use. {@code reason} is the kind, so the
 * caller picks the HTTP answer and the metric outcome.
 */
public class ImageRejected extends RuntimeException {

	public enum Reason {

		/** Not JPEG, PNG, WebP or GIF by its bytes. */
		UNSUPPORTED_TYPE,
		/** Cut short or damaged: it cannot be decoded completely. */
		CORRUPT,
		/** More pixels than allowed, announced by the header. */
		TOO_MANY_PIXELS

	}

	private final Reason reason;

	public ImageRejected(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public ImageRejected(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
