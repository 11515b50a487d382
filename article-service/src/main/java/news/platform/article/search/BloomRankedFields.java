package news.platform.article.search;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.bloom.DefaultBloomFilterFactory;
import org.apache.lucene.codecs.bloom.FuzzySet;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.SegmentWriteState;

/**
 * The index's codec: Lucene's own, with a Bloom filter in front of each ranked field's term
 * dictionary. Every search looks its words up in the ranked field of each language (a Croatian
 * query's words are looked for among English stems too, and found in no segment), and related
 * stories ask every segment how many articles use each word of an article, most of which a given
 * segment lacks: the profile of both put most of their extra time in term-dictionary seeks that
 * found nothing (docs/article-performance.md). A filter answers "not here" from memory.
 * <p>
 * Written segments name the format per field ({@code BloomFilter}), so an index written before
 * reads as it is and its segments gain filters as they are merged; no rebuild is needed.
 */
final class BloomRankedFields {

	/**
	 * Distinct words a segment may hold per article, for sizing a filter before its words are known
	 * (at most {@link #MAX_EXPECTED_WORDS}: a filter of about 6 MB while it is written, shrunk after).
	 */
	private static final int WORDS_PER_ARTICLE = 40;

	private static final int MAX_EXPECTED_WORDS = 10_000_000;

	private BloomRankedFields() {
	}

	static Codec codec() {
		PostingsFormat filtered = new BloomFilteringPostingsFormat(PostingsFormat.forName("Lucene912"),
				new SizedByWords());
		return new Lucene912Codec() {

			@Override
			public PostingsFormat getPostingsFormatForField(String field) {
				return field.startsWith(LuceneArticleIndex.RANKED) ? filtered : super.getPostingsFormatForField(field);
			}

		};
	}

	/**
	 * Lucene's default factory sizes a filter for one word per document (a primary key) and drops
	 * it when it fills up, which a text field always does: this one sizes it for the words of the
	 * segment's articles, and the written filter is shrunk to what it holds.
	 */
	private static final class SizedByWords extends DefaultBloomFilterFactory {

		@Override
		public FuzzySet getSetForField(SegmentWriteState state, FieldInfo info) {
			long expected = (long) state.segmentInfo.maxDoc() * WORDS_PER_ARTICLE;
			return FuzzySet.createOptimalSet((int) Math.max(1_000, Math.min(expected, MAX_EXPECTED_WORDS)), 0.1023f);
		}

	}

}
