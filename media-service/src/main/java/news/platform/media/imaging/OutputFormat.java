package news.platform.media.imaging;

/** The formats renditions are encoded in. */
public enum OutputFormat {

	JPEG("image/jpeg", "jpeg"), PNG("image/png", "png"), WEBP("image/webp", "webp");

	private final String mediaType;

	private final String token;

	OutputFormat(String mediaType, String token) {
		this.mediaType = mediaType;
		this.token = token;
	}

	public String mediaType() {
		return this.mediaType;
	}

	/** As written in URLs and metric tags. */
	public String token() {
		return this.token;
	}

	public static OutputFormat ofToken(String token) {
		for (OutputFormat format : values()) {
			if (format.token.equals(token)) {
				return format;
			}
		}
		return null;
	}

}
