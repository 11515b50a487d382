package news.platform.article.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.platform.article.story.Block;
import news.platform.article.story.RichText;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Turns an article pasted as plain text (a copy from a web page or an agency wire: often one
 * long line, no headline line, paragraphs only visible as runs of spaces, subheadings run into
 * the text, a trailing {@code >>} "read also" teaser) into a proposed draft. Pure code: the same
 * text always gives the same draft.
 */
public final class PlainTextImport {

	/** Longest proposed headline; longer first sentences are cut at a word boundary. */
	static final int HEADLINE_MAX = 110;

	static final int GIVEN_HEADLINE_MAX = 300;

	/** A paragraph grows up to about this many characters before a sentence boundary ends it. */
	static final int PARAGRAPH_TARGET = 600;

	/** ...but never ends before this many, so short sentences are not left on their own. */
	static final int PARAGRAPH_MIN = 200;

	/** Subheadings are short; a longer run of text is not taken for one. */
	static final int HEADING_MAX_CHARS = 140;

	static final int HEADING_MIN_WORDS = 3;

	static final int HEADING_MAX_WORDS = 20;

	/**
	 * How far after a subheading candidate its repetition is looked for. A pull-quote subheading
	 * repeats text of the section it introduces, so the next few thousand characters suffice,
	 * and the bound keeps a 1 MiB paste linear.
	 */
	static final int REPEAT_WINDOW = 5000;

	/** A phrase repeated this often with the same continuation is a refrain, not a subheading. */
	static final int MAX_REPEATS_CHECKED = 8;

	private static final Pattern BLANK_LINE = Pattern.compile(" *\n[ \n]*\n *");

	private static final Pattern NEWLINE = Pattern.compile(" *\n[ \n]*");

	private static final Pattern SPACE_RUN = Pattern.compile(" {2,}");

	/** A teaser marker at the start of the text or after a space ({@code a>>b} is left alone). */
	private static final Pattern TEASER = Pattern.compile("(?:^|(?<= ))>>+");

	private static final String TERMINALS = ".!?…";

	private static final String QUOTES = "\"„“”»«";

	/** Words that end with a dot without ending the sentence (Croatian first, then English). */
	private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "prof", "sv", "br", "tzv", "npr", "tj", "god",
			"st", "str", "gosp", "gđa", "gđica", "mil", "mlrd", "ing", "dipl", "doc", "akad", "pok", "usp", "vlč", "fra",
			"mrs", "ms", "jr", "sr", "vs", "no");

	/** Words a shortened headline must not end on. */
	private static final Set<String> DANGLING = Set.of("i", "a", "u", "na", "za", "da", "je", "se", "su", "od", "do", "s",
			"sa", "o", "te", "ali", "ili", "koji", "koja", "koje", "što", "kao", "iz", "po", "pri", "prema", "nakon", "kod",
			"uz", "bi", "će", "the", "of", "and", "to", "in", "an", "on", "for", "with");

	/**
	 * News agencies credited when the text names them. Acronyms may carry a Croatian case ending
	 * after a hyphen ({@code AFP-a}), names a plain one ({@code Reutersa}).
	 */
	private static final List<Agency> AGENCIES = List.of(new Agency("HINA", "HINA|Hina"),
			new Agency("Reuters", "Reuters"), new Agency("AFP", "AFP"), new Agency("AP", "AP"),
			new Agency("dpa", "dpa|DPA"), new Agency("TASS", "TASS|Tass"), new Agency("ANSA", "ANSA"),
			new Agency("EFE", "EFE"), new Agency("Tanjug", "Tanjug"), new Agency("Fena", "Fena|FENA"),
			new Agency("STA", "STA"), new Agency("MINA", "MINA"), new Agency("Xinhua", "Xinhua"),
			new Agency("Bloomberg", "Bloomberg"), new Agency("Anadolu", "Anadolu"), new Agency("Kyodo", "Kyodo"),
			new Agency("Yonhap", "Yonhap"), new Agency("UPI", "UPI"));

	private PlainTextImport() {
	}

	/**
	 * @param text the article as plain text
	 * @param headlineOrNull the headline to use; {@code null} or blank to propose one from the text
	 * @throws ApiProblem 422 naming {@code text} when there is no text, or {@code headline} when
	 * the given headline is too long
	 */
	public static ImportedDraft parse(String text, String headlineOrNull) {
		if (text == null || text.isBlank()) {
			throw ApiProblem.invalidField("text", "must not be empty");
		}
		String cleaned = TextCleaner.clean(text);
		if (cleaned.isBlank()) {
			throw ApiProblem.invalidField("text", "has no visible characters");
		}
		String givenHeadline = givenHeadline(headlineOrNull);
		List<Block> blocks = blocks(cleaned);
		if (blocks.stream().noneMatch((block) -> block instanceof Block.Paragraph)) {
			throw ApiProblem.invalidField("text", "has no paragraph of article text");
		}
		String headline = givenHeadline.isEmpty() ? headlineFrom(blocks) : givenHeadline;
		// No standfirst: the body is kept whole, so a standfirst taken from it would be read twice
		// (or, if moved out, the body would lose its opening); writing one is the editor's job.
		return new ImportedDraft(headline, null, blocks, agencies(cleaned), null, List.of(), null, List.of(), null, null);
	}

	/**
	 * A headline sent with an import, cleaned like the text; empty when none was given.
	 * @throws ApiProblem 422 naming {@code headline} when it is too long
	 */
	public static String givenHeadline(String headlineOrNull) {
		String headline = headlineOrNull == null ? "" : TextCleaner.cleanLine(headlineOrNull);
		if (headline.length() > GIVEN_HEADLINE_MAX) {
			throw ApiProblem.invalidField("headline", "must be at most " + GIVEN_HEADLINE_MAX + " characters");
		}
		return headline;
	}

	/**
	 * Only the body of a plain text, as blocks (used for plain-text bodies of ninjs items too).
	 * Empty when the text holds nothing readable.
	 */
	public static List<Block> bodyBlocks(String text) {
		return (text == null) ? List.of() : blocks(TextCleaner.clean(text));
	}

	private static List<Block> blocks(String cleaned) {
		List<String> paragraphs = paragraphs(cleaned);
		String flat = String.join(" ", paragraphs);
		List<Block> blocks = new ArrayList<>();
		int lastText = -1;
		for (int i = 0; i < paragraphs.size(); i++) {
			if (!paragraphs.get(i).startsWith(">>")) {
				lastText = i;
			}
		}
		int offset = 0;
		for (int i = 0; i < paragraphs.size(); i++) {
			String paragraph = paragraphs.get(i);
			addBlocks(paragraph, flat, offset, i < lastText, blocks);
			offset += paragraph.length() + 1;
		}
		return blocks;
	}

	/**
	 * Paragraphs as the author marked them. Blank lines win when there are any (single newlines
	 * are then hard wraps); otherwise each line is a paragraph; a text with no line breaks at
	 * all (a flattened web page) only keeps its paragraphs as runs of spaces. A break before a
	 * lower-case letter is mid-sentence and is joined again.
	 */
	static List<String> paragraphs(String cleaned) {
		String text = cleaned.strip();
		List<String> pieces;
		if (BLANK_LINE.matcher(text).find()) {
			pieces = List.of(BLANK_LINE.split(text));
		}
		else if (text.indexOf('\n') >= 0) {
			pieces = List.of(NEWLINE.split(text));
		}
		else {
			pieces = List.of(SPACE_RUN.split(text));
		}
		List<String> paragraphs = new ArrayList<>();
		for (String piece : pieces) {
			String paragraph = piece.replaceAll("\\s+", " ").strip();
			if (paragraph.isEmpty()) {
				continue;
			}
			if (!paragraphs.isEmpty() && Character.isLowerCase(paragraph.codePointAt(0))) {
				int last = paragraphs.size() - 1;
				paragraphs.set(last, paragraphs.get(last) + " " + paragraph);
			}
			else {
				paragraphs.add(paragraph);
			}
		}
		return paragraphs;
	}

	private static void addBlocks(String paragraph, String flat, int offset, boolean textFollows, List<Block> blocks) {
		Matcher teaser = TEASER.matcher(paragraph);
		int bodyEnd = teaser.find() ? teaser.start() : paragraph.length();
		String body = paragraph.substring(0, bodyEnd).strip();
		if (!body.isEmpty()) {
			addText(body, flat, offset, textFollows || bodyEnd < paragraph.length(), blocks);
		}
		if (bodyEnd < paragraph.length()) {
			for (String title : TEASER.split(paragraph.substring(bodyEnd))) {
				if (!title.isBlank()) {
					blocks.add(new Block.RelatedLink(null, null, title.strip()));
				}
			}
		}
	}

	private static void addText(String body, String flat, int offset, boolean textFollows, List<Block> blocks) {
		boolean[] quoted = quoted(body);
		List<int[]> sentences = sentences(body, quoted);
		if (textFollows && sentences.size() == 1 && isHeadingLine(body)) {
			blocks.add(new Block.Heading(2, body));
			return;
		}
		StringBuilder paragraph = new StringBuilder();
		for (int[] sentence : sentences) {
			int start = sentence[0];
			int heading;
			while ((heading = inlineHeadingEnd(body, quoted, start, sentence[1], flat, offset)) > 0) {
				flush(paragraph, blocks);
				blocks.add(new Block.Heading(2, body.substring(start, heading)));
				start = heading + 1;
			}
			String text = body.substring(start, sentence[1]).strip();
			if (paragraph.length() > 0 && paragraph.length() + 1 + text.length() > PARAGRAPH_TARGET
					&& paragraph.length() >= PARAGRAPH_MIN) {
				flush(paragraph, blocks);
			}
			if (paragraph.length() > 0) {
				paragraph.append(' ');
			}
			paragraph.append(text);
		}
		flush(paragraph, blocks);
	}

	private static void flush(StringBuilder paragraph, List<Block> blocks) {
		if (paragraph.length() > 0) {
			// a bare web address in pasted text becomes a link over itself
			String text = paragraph.toString();
			blocks.add(new Block.Paragraph(text, RichText.bareUrls(text)));
			paragraph.setLength(0);
		}
	}

	/**
	 * A subheading run into the text that follows it, as left by copying a page whose
	 * subheadings repeat a line of their section (a pull quote): the words from the sentence
	 * start up to where a new sentence starts without any punctuation, when those words appear
	 * again in the text that follows. Without the repetition a missing full stop is just a
	 * typo, so nothing is split.
	 * @return the end (exclusive) of the heading, or -1
	 */
	private static int inlineHeadingEnd(String body, boolean[] quoted, int start, int end, String flat, int offset) {
		int words = 1;
		for (int j = start + 1; j < end - 1; j++) {
			if (body.charAt(j) != ' ') {
				continue;
			}
			if (j - start > HEADING_MAX_CHARS || ++words > HEADING_MAX_WORDS + 1) {
				return -1;
			}
			char before = body.charAt(j - 1);
			if (quoted[j] || !startsSentence(body.charAt(j + 1))
					|| !(Character.isLetterOrDigit(before) || QUOTES.indexOf(before) >= 0)) {
				continue;
			}
			String candidate = body.substring(start, j);
			String lastWord = candidate.substring(candidate.lastIndexOf(' ') + 1);
			// "predsjednik Vladimir Putin": a run of capitalised names is one phrase, not a boundary
			if (Character.isUpperCase(lastWord.codePointAt(0)) && QUOTES.indexOf(before) < 0) {
				continue;
			}
			// "govori o| Zagrebu": a heading does not end on a preposition or conjunction
			if (DANGLING.contains(lastWord.toLowerCase(Locale.ROOT))) {
				continue;
			}
			String core = stripQuotes(candidate);
			String nextWord = body.substring(j + 1, wordEnd(body, j + 1));
			if (core.split(" ").length >= HEADING_MIN_WORDS && repeatsAfter(flat, core, nextWord, offset + j)) {
				return j;
			}
		}
		return -1;
	}

	/**
	 * Whether {@code core} appears again soon, continued differently: a text that merely repeats
	 * itself ("... o Zagrebu ... o Zagrebu") continues the same way both times.
	 */
	private static boolean repeatsAfter(String flat, String core, String nextWord, int from) {
		String sameContinuation = core + " " + nextWord;
		String window = flat.substring(Math.min(from, flat.length()),
				Math.min(flat.length(), from + REPEAT_WINDOW + sameContinuation.length()));
		int seen = 0;
		for (int i = window.indexOf(core); i >= 0 && seen < MAX_REPEATS_CHECKED; i = window.indexOf(core, i + 1)) {
			if (!window.startsWith(sameContinuation, i)) {
				return true;
			}
			seen++;
		}
		return false;
	}

	private static int wordEnd(String text, int start) {
		int end = text.indexOf(' ', start);
		return end < 0 ? text.length() : end;
	}

	/** A paragraph that is a subheading on its own line: short, and not ended like a sentence. */
	private static boolean isHeadingLine(String body) {
		char last = body.charAt(body.length() - 1);
		int words = body.split(" ").length;
		return body.length() <= HEADING_MAX_CHARS && words <= HEADING_MAX_WORDS
				&& TERMINALS.indexOf(last) < 0 && ",;:".indexOf(last) < 0 && !endsWithTerminalInQuote(body)
				&& startsSentence(body.charAt(0));
	}

	private static boolean endsWithTerminalInQuote(String body) {
		int i = body.length() - 1;
		while (i > 0 && QUOTES.indexOf(body.charAt(i)) >= 0) {
			i--;
		}
		return TERMINALS.indexOf(body.charAt(i)) >= 0;
	}

	/**
	 * Sentence spans {start, end}: a sentence ends at . ! ? or … (and any closing quotes) followed
	 * by a space and a capital or an opening quote, outside quotation marks, and not after a
	 * known abbreviation or an initial. "27. prosinca" and "2011. poginulo" go on.
	 */
	static List<int[]> sentences(String body, boolean[] quoted) {
		List<int[]> spans = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < body.length(); i++) {
			if (TERMINALS.indexOf(body.charAt(i)) < 0) {
				continue;
			}
			int j = i + 1;
			while (j < body.length() && QUOTES.indexOf(body.charAt(j)) >= 0) {
				j++;
			}
			if (j + 1 < body.length() && body.charAt(j) == ' ' && !quoted[j] && startsSentence(body.charAt(j + 1))
					&& !(body.charAt(i) == '.' && isAbbreviation(body, i))) {
				spans.add(new int[] { start, j });
				start = j + 1;
				i = j;
			}
		}
		if (start < body.length()) {
			spans.add(new int[] { start, body.length() });
		}
		return spans;
	}

	private static boolean isAbbreviation(String body, int dot) {
		int i = dot;
		while (i > 0 && Character.isLetter(body.charAt(i - 1))) {
			i--;
		}
		String word = body.substring(i, dot);
		return (word.length() == 1 && Character.isUpperCase(word.charAt(0)))
				|| ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
	}

	/**
	 * Which characters lie inside quotation marks ("…", „…“, “…”, »…«, «…»). A paragraph whose
	 * quotes do not pair up is treated as having none, rather than as one endless quote.
	 */
	static boolean[] quoted(String body) {
		boolean[] inside = new boolean[body.length()];
		char closer = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (closer == 0) {
				closer = switch (c) {
					case '"' -> '"';
					case '„' -> '“';
					case '“' -> '”';
					case '»' -> '«';
					case '«' -> '»';
					default -> 0;
				};
			}
			else if (c == closer || (closer == '“' && c == '”')) {
				closer = 0;
			}
			else {
				inside[i] = true;
			}
		}
		return closer == 0 ? inside : new boolean[body.length()];
	}

	private static boolean startsSentence(char c) {
		return Character.isUpperCase(c) || "\"„“»«".indexOf(c) >= 0;
	}

	private static String stripQuotes(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && QUOTES.indexOf(text.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && QUOTES.indexOf(text.charAt(end - 1)) >= 0) {
			end--;
		}
		return text.substring(start, end);
	}

	/**
	 * The first sentence of the body, without its closing full stop (headlines carry none; a
	 * question or exclamation mark is kept, it changes the meaning), cut at a word boundary to
	 * {@value #HEADLINE_MAX} characters and not ending on a dangling short word.
	 */
	public static String headlineFrom(List<Block> blocks) {
		String first = blocks.stream()
			.filter((block) -> block instanceof Block.Paragraph)
			.map(Block::plainText)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no paragraph to take a headline from"));
		int[] sentence = sentences(first, quoted(first)).get(0);
		String headline = trimEnd(first.substring(sentence[0], sentence[1]));
		if (headline.length() <= HEADLINE_MAX) {
			return headline;
		}
		int cut = headline.lastIndexOf(' ', HEADLINE_MAX);
		headline = trimEnd(cut > 0 ? headline.substring(0, cut) : headline.substring(0, HEADLINE_MAX));
		int space;
		while ((space = headline.lastIndexOf(' ')) > 0
				&& DANGLING.contains(headline.substring(space + 1).toLowerCase(Locale.ROOT))) {
			headline = trimEnd(headline.substring(0, space));
		}
		return headline;
	}

	private static String trimEnd(String text) {
		int end = text.length();
		while (end > 0 && (" .,;:…-–—".indexOf(text.charAt(end - 1)) >= 0)) {
			end--;
		}
		return text.substring(0, end);
	}

	/** The agencies the text names, in the order it first names them, as a credit line. */
	static String agencies(String text) {
		Set<String> found = new LinkedHashSet<>();
		List<int[]> positions = new ArrayList<>();
		for (int a = 0; a < AGENCIES.size(); a++) {
			Matcher matcher = AGENCIES.get(a).pattern().matcher(text);
			if (matcher.find()) {
				positions.add(new int[] { matcher.start(), a });
			}
		}
		positions.sort((x, y) -> Integer.compare(x[0], y[0]));
		for (int[] position : positions) {
			found.add(AGENCIES.get(position[1]).name());
		}
		return found.isEmpty() ? null : String.join(", ", found);
	}

	private record Agency(String name, Pattern pattern) {

		Agency(String name, String spellings) {
			// a whole word; acronyms may take a case ending after a hyphen, names a lower-case one
			this(name, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + spellings + ")(?:-\\p{Ll}+|\\p{Ll}{0,3})?(?![\\p{L}\\p{N}])"));
		}

	}

}
