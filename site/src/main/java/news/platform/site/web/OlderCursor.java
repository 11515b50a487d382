package news.platform.site.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import news.platform.site.content.Teaser;

/**
 * Where "older stories" start on a list page: the publication time and id of the last story shown
 * (keyset paging: page 100 costs what page 1 costs). Opaque to readers
 * ({@code ?starije=MTc2NDg0NTIwMDAwMH5hYmM}); anything the site did not make is refused with 400.
 */
record OlderCursor(Instant publishedAt, String id) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	String encode() {
		String text = this.publishedAt.toEpochMilli() + "~" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static OlderCursor after(Teaser last) {
		return new OlderCursor(last.publishedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), last.id());
	}

	/** @throws IllegalArgumentException for anything this class did not write */
	static OlderCursor decode(String text) {
		if (text == null || text.isEmpty() || text.length() > 120) {
			throw new IllegalArgumentException("not a cursor");
		}
		String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
		int tilde = decoded.indexOf('~');
		if (tilde <= 0) {
			throw new IllegalArgumentException("not a cursor");
		}
		long millis;
		try {
			millis = Long.parseLong(decoded.substring(0, tilde));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a cursor", ex);
		}
		String id = decoded.substring(tilde + 1);
		if (millis < 0 || millis > 32503680000000L || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("not a cursor");
		}
		return new OlderCursor(Instant.ofEpochMilli(millis), id);
	}

	/** Whether {@code teaser} comes after this cursor in the newest-first order (publication time, then id). */
	boolean isBefore(Teaser teaser) {
		int time = teaser.publishedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).compareTo(this.publishedAt);
		return time < 0 || (time == 0 && teaser.id().compareTo(this.id) < 0);
	}

	/** The exclusive upper bound to ask the list for: the cursor's millisecond included. */
	Instant upperBound() {
		return this.publishedAt.plusMillis(1);
	}

}
