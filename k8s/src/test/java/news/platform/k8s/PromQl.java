package news.platform.k8s;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, found the way PromQL's grammar places them: an
 * identifier that is not a function or aggregation (those are followed by a parenthesis), not a
 * keyword, not a label inside braces or in a by/without/on/ignoring/group list, not a duration.
 */
final class PromQl {

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "and", "or", "unless", "offset", "atan2", "inf", "nan", "Inf", "NaN", "start", "end");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern SELECTOR = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern BUCKET_LE = Pattern
		.compile("([a-zA-Z_:][a-zA-Z0-9_:]*_bucket)\\s*\\{[^}]*\\ble\\s*=\\s*\"([^\"]+)\"");

	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");

	private static final Pattern GROUPING_LABELS = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

	private PromQl() {
	}

	/** Label names an expression matches on or groups by. */
	static Set<String> labelNames(String expression) {
		String text = VARIABLE.matcher(expression).replaceAll("1m");
		Set<String> labels = new LinkedHashSet<>();
		Matcher selector = SELECTOR.matcher(text);
		while (selector.find()) {
			String withoutValues = STRING.matcher(selector.group()).replaceAll("\"\"");
			Matcher matcher = MATCHER.matcher(withoutValues);
			while (matcher.find()) {
				labels.add(matcher.group(1));
			}
		}
		Matcher grouping = GROUPING_LABELS.matcher(STRING.matcher(text).replaceAll("\"\""));
		while (grouping.find()) {
			for (String label : grouping.group(1).split(",")) {
				if (!label.isBlank()) {
					labels.add(label.trim());
				}
			}
		}
		return labels;
	}

	static Set<String> metricNames(String expression) {
		String text = VARIABLE.matcher(expression).replaceAll("1m");
		text = SELECTOR.matcher(text).replaceAll(" ");
		text = STRING.matcher(text).replaceAll(" ");
		text = RANGE.matcher(text).replaceAll(" ");
		text = GROUPING.matcher(text).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(text);
		while (matcher.find()) {
			String name = matcher.group();
			int next = matcher.end();
			while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
				next++;
			}
			boolean call = next < text.length() && text.charAt(next) == '(';
			if (!call && !KEYWORDS.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	/** Histogram buckets an expression reads at a fixed bound: {@code name_bucket{le="0.5"}} gives name_bucket|0.5. */
	static Set<String> fixedBuckets(String expression) {
		Set<String> buckets = new LinkedHashSet<>();
		Matcher matcher = BUCKET_LE.matcher(expression);
		while (matcher.find()) {
			buckets.add(matcher.group(1) + "|" + matcher.group(2));
		}
		return buckets;
	}

}
