package news.platform.autoconfigure.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C Trace Context's {@code traceparent} header, read the same way by every web stack: version
 * {@code 00}, a 32-hex trace id and a 16-hex parent id, neither all zeros.
 */
public final class TraceParent {

	private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");

	private TraceParent() {
	}

	/** The trace id of a valid {@code traceparent}, else null. */
	public static String traceIdOf(String traceparent) {
		if (traceparent == null) {
			return null;
		}
		String value = traceparent.trim();
		if (value.length() != 55) {
			return null;
		}
		Matcher matcher = TRACEPARENT.matcher(value);
		if (!matcher.matches() || allZeros(matcher.group(1)) || allZeros(matcher.group(2))) {
			return null;
		}
		return matcher.group(1);
	}

	public static String newTraceId() {
		return hex(16);
	}

	public static String newSpanId() {
		return hex(8);
	}

	private static boolean allZeros(String hex) {
		return hex.chars().allMatch(c -> c == '0');
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
