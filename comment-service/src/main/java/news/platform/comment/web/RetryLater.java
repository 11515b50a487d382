package news.platform.comment.web;

import org.springframework.http.HttpStatus;

/** A refusal the client should retry after a known time: 429 (rate limit) or 503 (upstream down), with {@code Retry-After}. */
public class RetryLater extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final String title;

	private final long retryAfterSeconds;

	public RetryLater(HttpStatus status, String slug, String title, String detail, long retryAfterSeconds) {
		super(detail);
		this.status = status;
		this.slug = slug;
		this.title = title;
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public String title() {
		return this.title;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
