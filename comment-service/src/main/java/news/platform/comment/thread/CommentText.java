package news.platform.comment.thread;

import java.text.Normalizer;
import java.util.Set;

import org.springframework.stereotype.Component;

import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Comment text is plain text. It is stored exactly as typed apart from Unicode NFC normalisation,
 * line ends made {@code \n} and surrounding whitespace trimmed; markup is not stripped but stored as
 * text and served escaped. Invisible and control characters (zero-width spaces and joiners,
 * bidirectional overrides, C0/C1 controls other than newline and tab, private-use and unassigned
 * code points) are refused with 422 rather than stripped: silently removing them would change
 * what the writer sent and hide an attempt to slip a word past the moderation rules. A zero-width
 * joiner is accepted between two symbols, where it builds an emoji sequence.
 */
@Component
public class CommentText {

	private static final Set<Integer> INVISIBLE_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E);

	private final CommentSettings settings;

	CommentText(CommentSettings settings) {
		this.settings = settings;
	}

	public String clean(String text) {
		if (text == null) {
			throw ApiProblem.invalidField("text", "required");
		}
		CommentProperties.Text limits = this.settings.current().text();
		String normalized = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC)
			.strip();
		int[] codePoints = normalized.codePoints().toArray();
		for (int i = 0; i < codePoints.length; i++) {
			int cp = codePoints[i];
			if (!allowed(cp, i == 0 ? -1 : codePoints[i - 1], i + 1 < codePoints.length ? codePoints[i + 1] : -1)) {
				throw ApiProblem.invalidField("text", String.format(
						"contains an invisible or control character (U+%04X at position %d); plain visible text only",
						cp, i));
			}
		}
		if (codePoints.length < limits.minLength()) {
			throw ApiProblem.invalidField("text", "at least " + limits.minLength() + " characters");
		}
		if (codePoints.length > limits.maxLength()) {
			throw ApiProblem.invalidField("text", "at most " + limits.maxLength() + " characters (got "
					+ codePoints.length + ")");
		}
		long lines = normalized.chars().filter(c -> c == '\n').count() + 1;
		if (lines > limits.maxLines()) {
			throw ApiProblem.invalidField("text", "at most " + limits.maxLines() + " lines");
		}
		return normalized;
	}

	private static boolean allowed(int cp, int before, int after) {
		if (cp == '\n' || cp == '\t') {
			return true;
		}
		if (INVISIBLE_LETTERS.contains(cp)) {
			return false;
		}
		return switch (Character.getType(cp)) {
			case Character.CONTROL, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
			case Character.FORMAT -> cp == 0x200D && symbol(before) && symbol(after);
			default -> true;
		};
	}

	private static boolean symbol(int cp) {
		if (cp < 0) {
			return false;
		}
		int type = Character.getType(cp);
		return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || cp == 0xFE0F
				|| (cp >= 0x1F3FB && cp <= 0x1F3FF);
	}

}
