package news.platform.article.importing;

import java.text.Normalizer;

/**
 * Makes imported text safe and uniform before anything looks at its structure. Shared by the
 * plain-text and the ninjs import, so both store the same characters for the same words.
 */
public final class TextCleaner {

	private TextCleaner() {
	}

	/**
	 * NFC (so search and slugs see one form of "č"), line breaks as {@code \n}, every kind of
	 * space (no-break, narrow no-break, figure, ideographic, tab) as a plain space, and control
	 * and invisible format characters (zero-width spaces and joiners, soft hyphens, byte order
	 * marks, bidi overrides) removed: they are invisible to an editor yet break search,
	 * word counts and duplicate detection.
	 */
	public static String clean(String text) {
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(nfc.length());
		for (int i = 0; i < nfc.length();) {
			int cp = nfc.codePointAt(i);
			i += Character.charCount(cp);
			if (cp == '\r') {
				out.append('\n');
				if (i < nfc.length() && nfc.charAt(i) == '\n') {
					i++;
				}
			}
			else if (cp == '\n') {
				out.append('\n');
			}
			else if (cp == 0x2028 || cp == 0x0B || cp == 0x0C || cp == 0x85) {
				out.append('\n');
			}
			else if (cp == '\u2029') {
				out.append("\n\n");
			}
			else if (cp == '\t' || Character.isSpaceChar(cp)) {
				out.append(' ');
			}
			else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT
					|| Character.getType(cp) == Character.PRIVATE_USE || Character.getType(cp) == Character.SURROGATE
					|| Character.getType(cp) == Character.UNASSIGNED) {
				continue;
			}
			else {
				out.appendCodePoint(cp);
			}
		}
		return out.toString();
	}

	/** {@link #clean} and then every run of white space as one space, trimmed. */
	public static String cleanLine(String text) {
		return clean(text).replaceAll("\\s+", " ").strip();
	}

}
