package news.platform.article.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

/**
 * Highlighted snippets for the hits of one search page: the headline and standfirst whole when
 * they hold a query word, and up to two passages of the body (its opening when no word occurs
 * there), HTML-escaped with the words in {@code <mark>}.
 *
 * <p>Where the words are comes from the offsets the postings hold, read for the page's documents
 * in one pass per segment and word (one term lookup per segment, not per document); passages are
 * cut at full stops and line ends near 160 characters, ranked by {@link SnippetScorer} and written
 * by Lucene's {@link DefaultPassageFormatter}. Lucene's unified highlighter did the same with a
 * term lookup and a break iterator per document and field, and re-read headline and standfirst
 * from stored fields: about two thirds of a search's time at 100,000 articles once the query
 * itself was cheap (docs/search.md).
 *
 * <p>The body comes from a binary doc value holding it alone, compressed on its own with LZ4
 * ({@link #bodyValue}): a stored field is decompressed with the block of neighbouring articles it
 * sits in, which took a third of a search's time.
 */
final class Snippets {

	static final String HEADLINE = LuceneArticleIndex.HEADLINE;

	static final String STANDFIRST = LuceneArticleIndex.STANDFIRST;

	static final String BODY = LuceneArticleIndex.BODY;

	private static final String[] FIELDS = { HEADLINE, STANDFIRST, BODY };

	// the length a passage aims at; a sentence shorter than half takes the next one with it, and
	// one longer than twice is cut around its first word
	static final int PASSAGE_CHARS = 160;

	private static final int BODY_PASSAGES = 2;

	private static final PassageFormatter FORMATTER = new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);

	private static final PassageScorer SCORER = new SnippetScorer();

	private Snippets() {
	}

	/**
	 * Snippets for the hits of {@code docs} (top-level doc ids, in the same order): headline and
	 * standfirst are taken from the hits (the list items, the texts as indexed), the body from its
	 * doc value.
	 */
	static List<Map<String, String>> of(IndexReader reader, int[] docs, List<ArticleIndex.Hit> hits,
			List<BytesRef> terms) throws IOException {
		int count = docs.length;
		// matches[field][hit]: offsets of the query's words, gathered per segment in doc order
		Matches[][] matches = new Matches[FIELDS.length][count];
		Integer[] byDoc = new Integer[count];
		for (int i = 0; i < count; i++) {
			byDoc[i] = i;
		}
		Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i]));
		List<LeafReaderContext> leaves = reader.leaves();
		int from = 0;
		while (from < count) {
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[byDoc[from]], leaves));
			int to = from;
			while (to < count && docs[byDoc[to]] < leaf.docBase + leaf.reader().maxDoc()) {
				to++;
			}
			Integer[] inLeaf = Arrays.copyOfRange(byDoc, from, to);
			for (int f = 0; f < FIELDS.length; f++) {
				collect(leaf, FIELDS[f], terms, docs, inLeaf, matches[f]);
			}
			from = to;
		}

		List<Map<String, String>> snippets = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, String> marked = new LinkedHashMap<>();
			whole(marked, HEADLINE, hits.get(i).headline(), matches[0][i]);
			whole(marked, STANDFIRST, hits.get(i).standfirst(), matches[1][i]);
			String body = body(leaves, docs[i]);
			if (body != null && !body.isEmpty()) {
				marked.put(BODY, passages(body, matches[2][i]));
			}
			snippets.add(marked);
		}
		return snippets;
	}

	private static void collect(LeafReaderContext leaf, String field, List<BytesRef> terms, int[] docs,
			Integer[] hitsInDocOrder, Matches[] into) throws IOException {
		Terms indexed = leaf.reader().terms(field);
		if (indexed == null) {
			return;
		}
		TermsEnum termsEnum = indexed.iterator();
		PostingsEnum postings = null;
		for (BytesRef term : terms) {
			if (!termsEnum.seekExact(term)) {
				continue;
			}
			postings = termsEnum.postings(postings, PostingsEnum.OFFSETS);
			for (int hit : hitsInDocOrder) {
				int doc = docs[hit] - leaf.docBase;
				if (postings.docID() < doc && postings.advance(doc) == PostingsEnum.NO_MORE_DOCS) {
					break;
				}
				if (postings.docID() != doc) {
					continue;
				}
				int freq = postings.freq();
				Matches found = into[hit] == null ? (into[hit] = new Matches()) : into[hit];
				for (int k = 0; k < freq; k++) {
					postings.nextPosition();
					found.add(postings.startOffset(), postings.endOffset(), term, freq);
				}
			}
		}
	}

	/** A headline or standfirst: the whole text, only when a word of the query is in it. */
	private static void whole(Map<String, String> marked, String field, String text, Matches matches) {
		if (matches == null || text == null || text.isEmpty()) {
			return;
		}
		Passage passage = new Passage();
		passage.setStartOffset(0);
		passage.setEndOffset(text.length());
		matches.addTo(passage, 0, text.length());
		marked.put(field, FORMATTER.format(new Passage[] { passage }, text).toString());
	}

	/** The body's best passages, in text order; its opening when no word of the query is in it. */
	static String passages(String text, Matches matches) {
		if (matches == null) {
			Passage opening = new Passage();
			int[] bounds = around(text, 0, 0);
			opening.setStartOffset(bounds[0]);
			opening.setEndOffset(bounds[1]);
			return oneLine(FORMATTER.format(new Passage[] { opening }, text));
		}
		List<Passage> candidates = new ArrayList<>();
		int coveredTo = -1;
		for (Match match : matches.inTextOrder()) {
			if (match.start() < coveredTo) {
				continue;
			}
			int[] bounds = around(text, match.start(), match.end());
			Passage passage = new Passage();
			passage.setStartOffset(bounds[0]);
			passage.setEndOffset(bounds[1]);
			matches.addTo(passage, bounds[0], bounds[1]);
			passage.setScore(SCORER.score(passage, text.length()));
			candidates.add(passage);
			coveredTo = bounds[1];
		}
		// best first (the scorer already prefers passages near the start); then back in text order
		candidates.sort(Comparator.comparingDouble((Passage p) -> -p.getScore()));
		List<Passage> best = new ArrayList<>(candidates.subList(0, Math.min(BODY_PASSAGES, candidates.size())));
		best.sort(Comparator.comparingInt(Passage::getStartOffset));
		return oneLine(FORMATTER.format(best.toArray(new Passage[0]), text));
	}

	/** A passage may run over the end of a block (a short heading, say): a snippet is one line. */
	private static String oneLine(Object formatted) {
		return formatted.toString().replace('\n', ' ');
	}

	/**
	 * The passage around [start, end): its sentence (full stops and line ends delimit), with the
	 * next sentences while it is short; cut at spaces around the match when it is long.
	 */
	static int[] around(String text, int start, int end) {
		int from = start;
		while (from > 0 && !isBoundary(text.charAt(from - 1))) {
			from--;
		}
		int to = sentenceEnd(text, Math.max(end, from));
		while (to - from < PASSAGE_CHARS / 2 && to < text.length()) {
			to = sentenceEnd(text, to + 1);
		}
		if (to - from > 2 * PASSAGE_CHARS) {
			// a run-on sentence: a window of about the goal, starting a little before the match
			int windowFrom = Math.max(from, start - PASSAGE_CHARS / 4);
			if (windowFrom > from) {
				int space = text.indexOf(' ', windowFrom);
				windowFrom = space >= 0 && space < start ? space + 1 : start;
			}
			int windowTo = Math.min(to, Math.max(end, windowFrom + PASSAGE_CHARS));
			if (windowTo < to) {
				int space = text.lastIndexOf(' ', windowTo);
				windowTo = space > end ? space : windowTo;
			}
			from = windowFrom;
			to = windowTo;
		}
		while (from < to && Character.isWhitespace(text.charAt(from))) {
			from++;
		}
		while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
			to--;
		}
		return new int[] { from, to };
	}

	private static int sentenceEnd(String text, int from) {
		int i = from;
		while (i < text.length() && !isBoundary(text.charAt(i))) {
			i++;
		}
		return Math.min(text.length(), i + 1);
	}

	private static boolean isBoundary(char c) {
		return c == '.' || c == '\n';
	}

	/** The body text as a doc value: its UTF-8 length, then the UTF-8 bytes compressed with LZ4. */
	static BytesRef bodyValue(String body) {
		BytesRef utf8 = new BytesRef(body);
		ByteBuffersDataOutput out = new ByteBuffersDataOutput();
		try {
			out.writeVInt(utf8.length);
			LZ4.compress(utf8.bytes, utf8.offset, utf8.length, out, new LZ4.FastCompressionHashTable());
		}
		catch (IOException ex) {
			// an in-memory output never fails; IOException is DataOutput's signature
			throw new UncheckedIOException(ex);
		}
		return new BytesRef(out.toArrayCopy());
	}

	private static String body(List<LeafReaderContext> leaves, int doc) throws IOException {
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		BinaryDocValues values = leaf.reader().getBinaryDocValues(LuceneArticleIndex.BODY_TEXT);
		if (values == null || !values.advanceExact(doc - leaf.docBase)) {
			return null;
		}
		BytesRef compressed = values.binaryValue();
		ByteArrayDataInput in = new ByteArrayDataInput(compressed.bytes, compressed.offset, compressed.length);
		int length = in.readVInt();
		byte[] utf8 = new byte[length];
		LZ4.decompress(in, length, utf8, 0);
		return new String(utf8, StandardCharsets.UTF_8);
	}


	private record Match(int start, int end, BytesRef term, int freqInDoc) {
	}

	/** Offsets of the query's words in one field of one document. */
	static final class Matches {

		private final List<Match> found = new ArrayList<>();

		private boolean sorted;

		void add(int start, int end, BytesRef term, int freq) {
			this.found.add(new Match(start, end, term, freq));
			this.sorted = false;
		}

		/** Each word's offsets come sorted; the words are merged here. */
		List<Match> inTextOrder() {
			if (!this.sorted) {
				this.found.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end));
				this.sorted = true;
			}
			return this.found;
		}

		void addTo(Passage passage, int from, int to) {
			for (Match match : inTextOrder()) {
				if (match.start() >= from && match.end() <= to) {
					passage.addMatch(match.start(), match.end(), match.term(), match.freqInDoc());
				}
			}
		}

	}

}
