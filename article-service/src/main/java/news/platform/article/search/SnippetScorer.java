package news.platform.article.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's passage ranking (BM25 over the passages of one document, Lucene's defaults),
 * counting a passage's distinct terms without a hash table. Lucene's own scorer builds a
 * {@code BytesRefHash} for every candidate passage, which allocates a 32 KiB block each time: in a
 * profile of search under load that allocation was a quarter of all CPU samples. A passage holds a
 * handful of matches of at most 32 query terms, so a linear scan finds the repeats.
 */
final class SnippetScorer extends PassageScorer {

	@Override
	public float score(Passage passage, int contentLength) {
		int matches = passage.getNumMatches();
		BytesRef[] terms = passage.getMatchTerms();
		int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
		float score = 0;
		for (int i = 0; i < matches; i++) {
			if (seenBefore(terms, i)) {
				continue;
			}
			int freqInPassage = 1;
			for (int j = i + 1; j < matches; j++) {
				if (terms[j].bytesEquals(terms[i])) {
					freqInPassage++;
				}
			}
			score += tf(freqInPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
		}
		return score * norm(passage.getStartOffset());
	}

	private static boolean seenBefore(BytesRef[] terms, int i) {
		for (int j = 0; j < i; j++) {
			if (terms[j].bytesEquals(terms[i])) {
				return true;
			}
		}
		return false;
	}

}
