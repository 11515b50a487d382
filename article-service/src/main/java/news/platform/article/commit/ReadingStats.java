package news.platform.article.commit;

import java.util.List;

import news.platform.article.story.Block;

/** Word count and reading time, computed on every save from the text a reader reads. */
final class ReadingStats {

	static final int WORDS_PER_MINUTE = 200;

	private ReadingStats() {
	}

	static int wordCount(String headline, String standfirst, List<Block> body) {
		int words = count(headline) + count(standfirst);
		for (Block block : body) {
			words += count(block.plainText());
		}
		return words;
	}

	static int readingMinutes(int words) {
		return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
	}

	private static int count(String text) {
		if (text == null) {
			return 0;
		}
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean wordChar = Character.isLetterOrDigit(text.charAt(i));
			if (wordChar && !inWord) {
				words++;
			}
			inWord = wordChar || (inWord && (text.charAt(i) == '-' || text.charAt(i) == '\''));
		}
		return words;
	}

}
