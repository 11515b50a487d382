package news.platform.article.importing;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Component;

import news.platform.article.access.Caller;
import news.platform.article.author.AuthorDirectory;
import news.platform.article.editing.ArticleEditing;
import news.platform.article.editing.ArticleInput;
import news.platform.article.section.SectionDirectory;
import news.platform.article.section.SectionProperties;
import news.platform.article.slug.Slugs;
import news.platform.article.story.Article;

/**
 * What an import proposes, turned into the input of the ordinary edit rules: the section chosen,
 * the tags merged, a given headline preferred. Every import, plain text or agency item, goes
 * through the same rules and the same single write as a draft typed by hand.
 */
@Component
public class ImportDrafts {

	private final ArticleEditing editing;

	private final SectionDirectory sections;

	private final String defaultSection;

	private final AuthorDirectory authors;

	ImportDrafts(ArticleEditing editing, SectionDirectory sections, SectionProperties properties,
			AuthorDirectory authors) {
		this.editing = editing;
		this.authors = authors;
		this.sections = sections;
		this.defaultSection = properties.importDefault();
	}

	/** A new draft owned by the caller, with a new id. */
	public Article create(ImportedDraft draft, ImportFormat.ImportOptions options, Caller caller) {
		return this.editing.create(input(draft, options), caller);
	}

	/**
	 * A new draft owned by the caller under an id chosen beforehand (an agency item claims its
	 * {@code uri} for that id first, so a crash between the two writes cannot leave a second draft).
	 */
	public Article create(ImportedDraft draft, ImportFormat.ImportOptions options, Caller caller, String id) {
		return this.editing.create(input(draft, options), caller, id);
	}

	/** As above, with the media item the agency's first picture became as the draft's main picture. */
	public Article create(ImportedDraft draft, ImportFormat.ImportOptions options, Caller caller, String id,
			String heroMediaId) {
		ArticleInput input = input(draft, options);
		return this.editing.create(new ArticleInput(input.slug(), input.language(), input.headline(),
				input.standfirst(), input.body(), input.authors(), input.section(), input.tags(), input.source(),
				heroMediaId, input.commentsOpen(), input.commentsCloseAt(), input.embargoUntil()), caller, id);
	}

	/**
	 * The input for a new draft: the given headline over the item's, the given section over the
	 * item's (one of ours when it names one, else the configured default), the given tags added.
	 */
	public ArticleInput input(ImportedDraft draft, ImportFormat.ImportOptions options) {
		LinkedHashSet<String> allTags = new LinkedHashSet<>(draft.tags());
		options.tags().stream().map(String::strip).filter((tag) -> !tag.isEmpty()).forEach(allTags::add);
		// a keyword with no letter or digit makes no tag
		allTags.removeIf(tag -> Slugs.fromHeadline(tag).isEmpty());
		String given = PlainTextImport.givenHeadline(options.headline());
		String headline = given.isEmpty() ? draft.headline() : given;
		String chosenSection = (options.section() != null && !options.section().isBlank()) ? options.section().strip()
				: proposedSection(draft);
		Byline byline = byline(draft);
		return new ArticleInput(null, draft.language(), headline, draft.standfirst(), draft.blocks(), byline.authors(),
				chosenSection, new ArrayList<>(allTags), byline.source(), null, null, null,
				draft.embargoUntil() == null ? null : draft.embargoUntil().atOffset(ZoneOffset.UTC));
	}

	/**
	 * The agency's text of a newer version over an article, for a full update: headline,
	 * standfirst, body, byline, source, language and embargo come from the item; the section, tags,
	 * picture and comment settings an editor may have set stay as they are (the slug too).
	 */
	public ArticleInput content(ImportedDraft draft, Article current) {
		Byline byline = byline(draft);
		return new ArticleInput(null, draft.language() == null ? current.language() : draft.language(),
				draft.headline(), draft.standfirst(), draft.blocks(), byline.authors(), current.section(),
				current.tags(), byline.source(), current.heroMediaId(), current.commentsOpen(),
				current.commentsCloseAt() == null ? null : current.commentsCloseAt().atOffset(ZoneOffset.UTC),
				draft.embargoUntil() == null ? null : draft.embargoUntil().atOffset(ZoneOffset.UTC));
	}

	/** Author profile ids, and the credit line with every byline that names none of them. */
	private record Byline(List<String> authors, String source) {
	}

	/**
	 * Bylines that name one of our author profiles (by its slug) become that profile; any other
	 * credit (an agency's reporter) is added to {@code source}, which is where agency credits live.
	 */
	private Byline byline(ImportedDraft draft) {
		List<String> authors = new ArrayList<>();
		List<String> credits = new ArrayList<>();
		for (String name : draft.authors()) {
			this.authors.bySlug(Slugs.fromHeadline(name))
				.ifPresentOrElse(author -> authors.add(author.id()), () -> credits.add(name));
		}
		String source = draft.source();
		if (!credits.isEmpty()) {
			String credit = String.join(", ", credits);
			source = source == null || source.isBlank() ? credit : source + ", " + credit;
			source = source.length() > 200 ? source.substring(0, 200).strip() : source;
		}
		return new Byline(authors, source);
	}

	/**
	 * An agency files items under its own section names: one of ours when it names one (by path or
	 * name), else the configured default, so every import lands in a section the newsroom has.
	 */
	private String proposedSection(ImportedDraft draft) {
		return this.sections.path(draft.section()).or(() -> this.sections.path(this.defaultSection)).orElse(null);
	}

}
