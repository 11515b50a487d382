package news.platform.article.editing;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import news.platform.article.slug.Slugs;
import news.platform.article.story.Block;
import news.platform.article.story.Mark;
import news.platform.article.story.RichText;
import news.platform.autoconfigure.problem.ApiProblem;

/** Field rules for article input; each failure names the field as the client sent it. */
final class InputRules {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final java.util.Set<String> MARK_TYPES = java.util.Set.of(Mark.BOLD, Mark.ITALIC, Mark.LINK);

	private static final int MAX_MARKS = 2000;

	static final int MAX_LIST_ITEMS = 500;

	private InputRules() {
	}

	static void check(ArticleInput input, boolean headlineRequired) {
		if (headlineRequired || input.headline() != null) {
			text("headline", input.headline(), 1, 300);
		}
		optionalText("standfirst", input.standfirst(), 1000);
		if (input.slug() != null && !Slugs.isValid(input.slug())) {
			throw ApiProblem.invalidField("slug", "lowercase letters, digits and single hyphens only, at most 120");
		}
		if (input.language() != null && !LANGUAGE.matcher(input.language()).matches()) {
			throw ApiProblem.invalidField("language", "an ISO 639 code such as hr or en");
		}
		optionalText("section", input.section(), 100);
		optionalText("source", input.source(), 200);
		optionalId("heroMediaId", input.heroMediaId());
		list("authors", input.authors(), 20, 200);
		list("tags", input.tags(), 50, 100);
		if (input.body() != null) {
			if (input.body().size() > 2000) {
				throw ApiProblem.invalidField("body", "at most 2000 blocks");
			}
			for (int i = 0; i < input.body().size(); i++) {
				block("body[" + i + "]", input.body().get(i));
			}
		}
	}

	private static void block(String field, Block block) {
		if (block == null) {
			throw ApiProblem.invalidField(field, "must not be null");
		}
		if (block instanceof Block.Paragraph p) {
			text(field + ".text", p.text(), 1, 50_000);
			marks(field, p.text(), p.marks());
		}
		else if (block instanceof Block.Heading h) {
			text(field + ".text", h.text(), 1, 300);
			if (h.level() < 2 || h.level() > 3) {
				throw ApiProblem.invalidField(field + ".level", "2 or 3");
			}
			if (!h.marks().isEmpty()) {
				throw ApiProblem.invalidField(field + ".marks", "a heading takes no formatting");
			}
		}
		else if (block instanceof Block.Quote q) {
			text(field + ".text", q.text(), 1, 5000);
			optionalText(field + ".attribution", q.attribution(), 300);
			marks(field, q.text(), q.marks());
		}
		else if (block instanceof Block.ListBlock list) {
			if (list.items().isEmpty()) {
				throw ApiProblem.invalidField(field + ".items", "at least one item");
			}
			if (list.items().size() > MAX_LIST_ITEMS) {
				throw ApiProblem.invalidField(field + ".items", "at most " + MAX_LIST_ITEMS + " items");
			}
			for (int j = 0; j < list.items().size(); j++) {
				String itemField = field + ".items[" + j + "]";
				Block.ListItem item = list.items().get(j);
				if (item == null) {
					throw ApiProblem.invalidField(itemField, "must not be null");
				}
				text(itemField + ".text", item.text(), 1, 5000);
				marks(itemField, item.text(), item.marks());
			}
		}
		else if (block instanceof Block.Image image) {
			if (image.mediaId() == null || !ID.matcher(image.mediaId()).matches()) {
				throw ApiProblem.invalidField(field + ".mediaId", "a media id is required");
			}
			optionalText(field + ".caption", image.caption(), 2000);
			optionalText(field + ".credit", image.credit(), 300);
			optionalText(field + ".alt", image.alt(), 1000);
		}
		else if (block instanceof Block.Embed embed) {
			url(field + ".url", embed.url(), true);
			optionalText(field + ".provider", embed.provider(), 100);
			optionalText(field + ".title", embed.title(), 300);
		}
		else if (block instanceof Block.RelatedLink related) {
			// a teaser with only its text is allowed: imports propose one, an editor links it later
			if (related.articleId() == null && related.url() == null
					&& (related.title() == null || related.title().isBlank())) {
				throw ApiProblem.invalidField(field, "an articleId, a url or a title is required");
			}
			optionalId(field + ".articleId", related.articleId());
			url(field + ".url", related.url(), false);
			optionalText(field + ".title", related.title(), 300);
		}
	}

	/**
	 * Each mark inside its text, of a known type, links only to http(s), mailto or an article id,
	 * and no two marks of one type overlapping. Whether a linked article exists is the editing
	 * service's check (it needs the store).
	 */
	private static void marks(String field, String text, List<Mark> marks) {
		if (marks.size() > MAX_MARKS) {
			throw ApiProblem.invalidField(field + ".marks", "at most " + MAX_MARKS + " marks");
		}
		int length = RichText.length(text);
		for (int k = 0; k < marks.size(); k++) {
			String markField = field + ".marks[" + k + "]";
			Mark mark = marks.get(k);
			if (mark == null) {
				throw ApiProblem.invalidField(markField, "must not be null");
			}
			if (mark.type() == null || !MARK_TYPES.contains(mark.type())) {
				throw ApiProblem.invalidField(markField + ".type", "bold, italic or link");
			}
			if (mark.start() < 0 || mark.start() >= length) {
				throw ApiProblem.invalidField(markField + ".start",
						"from 0 to the text's length in code points less one (" + (length - 1) + ")");
			}
			if (mark.end() <= mark.start() || mark.end() > length) {
				throw ApiProblem.invalidField(markField + ".end",
						"after start and at most the text's length in code points (" + length + ")");
			}
			if (mark.isLink()) {
				if ((mark.href() == null) == (mark.articleId() == null)) {
					throw ApiProblem.invalidField(markField + ".href", "a link has either href or articleId");
				}
				if (mark.href() != null && !Mark.allowedHref(mark.href())) {
					throw ApiProblem.invalidField(markField + ".href",
							"an absolute http or https URL, or a mailto: address");
				}
				optionalId(markField + ".articleId", mark.articleId());
			}
			else if (mark.href() != null || mark.articleId() != null) {
				throw ApiProblem.invalidField(markField + ".href", "only a link has href or articleId");
			}
			for (int other = 0; other < k; other++) {
				Mark earlier = marks.get(other);
				if (earlier.type().equals(mark.type()) && mark.start() < earlier.end() && earlier.start() < mark.end()) {
					throw ApiProblem.invalidField(markField,
							"overlaps " + field + ".marks[" + other + "], of the same type");
				}
			}
		}
	}

	private static void url(String field, String value, boolean required) {
		if (value == null) {
			if (required) {
				throw ApiProblem.invalidField(field, "required");
			}
			return;
		}
		try {
			URI uri = URI.create(value);
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
					|| value.length() > 2000) {
				throw ApiProblem.invalidField(field, "an absolute http(s) URL");
			}
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField(field, "an absolute http(s) URL");
		}
	}

	private static void list(String field, List<String> values, int maxItems, int maxLength) {
		if (values == null) {
			return;
		}
		if (values.size() > maxItems) {
			throw ApiProblem.invalidField(field, "at most " + maxItems + " entries");
		}
		for (int i = 0; i < values.size(); i++) {
			text(field + "[" + i + "]", values.get(i), 1, maxLength);
		}
	}

	private static void optionalId(String field, String value) {
		if (value != null && !ID.matcher(value).matches()) {
			throw ApiProblem.invalidField(field, "letters, digits, '-' and '_', at most 64");
		}
	}

	private static void optionalText(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw ApiProblem.invalidField(field, "at most " + max + " characters");
		}
	}

	private static void text(String field, String value, int min, int max) {
		if (value == null || value.isBlank()) {
			throw ApiProblem.invalidField(field, "required");
		}
		if (value.length() < min || value.length() > max) {
			throw ApiProblem.invalidField(field, "between " + min + " and " + max + " characters");
		}
	}

}
