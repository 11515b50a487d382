package news.platform.autoconfigure.feed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of a feed event, read leniently: a missing or mistyped value reads as absent,
 * never as an error, so a producer may add fields (or a newer schema may drop one) without
 * breaking a consumer. Times are ISO-8601 strings on the wire.
 */
public final class FeedData {

	private final Map<String, Object> values;

	public FeedData(Map<String, ?> values) {
		this.values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public static FeedData empty() {
		return new FeedData(Map.of());
	}

	public boolean has(String key) {
		return this.values.get(key) != null;
	}

	public String string(String key) {
		return this.values.get(key) instanceof String value ? value : null;
	}

	/** False when absent. */
	public boolean bool(String key) {
		return Boolean.TRUE.equals(this.values.get(key));
	}

	public Boolean optionalBool(String key) {
		return this.values.get(key) instanceof Boolean value ? value : null;
	}

	public Instant instant(String key) {
		Object value = this.values.get(key);
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof String text) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	/** The strings of a list value; other elements are left out. Empty when absent. */
	public List<String> strings(String key) {
		if (!(this.values.get(key) instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
	}

	public Map<String, Object> asMap() {
		return this.values;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FeedData data && data.values.equals(this.values);
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	@Override
	public String toString() {
		return this.values.toString();
	}

}
