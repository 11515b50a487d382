package news.platform.article.importing;

import java.time.Instant;
import java.util.List;

import news.platform.article.story.Block;

/**
 * What an import proposes for a new draft. Every field is a proposal an editor reviews before
 * publishing, which is why an import never creates anything but a draft.
 *
 * @param headline proposed or given headline, never blank
 * @param standfirst the standfirst, or {@code null} when the source has none
 * @param blocks the body in reading order, never empty
 * @param source agencies or sources named by the item (a credit line such as "Reuters, AFP"), or
 * {@code null}
 * @param language BCP 47 language tag given by the source, or {@code null} to use the default
 * @param authors byline names given by the source (empty when none)
 * @param section the section the source files the item under, or {@code null}
 * @param tags keywords given by the source (empty when none)
 * @param externalUri the source's own identifier of the item (ninjs {@code uri}), or {@code null}
 * @param embargoUntil the source's embargo (ninjs {@code embargoed}): the draft's embargo, or
 * {@code null}
 */
public record ImportedDraft(String headline, String standfirst, List<Block> blocks, String source, String language,
		List<String> authors, String section, List<String> tags, String externalUri, Instant embargoUntil) {

	public ImportedDraft {
		blocks = List.copyOf(blocks);
		authors = authors == null ? List.of() : List.copyOf(authors);
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

	public ImportedDraft withHeadline(String newHeadline) {
		return new ImportedDraft(newHeadline, this.standfirst, this.blocks, this.source, this.language, this.authors,
				this.section, this.tags, this.externalUri, this.embargoUntil);
	}

}
