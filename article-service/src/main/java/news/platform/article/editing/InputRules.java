package news.platform.article.editing;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import news.platform.article.slug.Slugs;
import news.platform.article.story.Block;
import news.platform.autoconfigure.problem.ApiProblem;

/** Field rules for article input; each failure names the field as the client sent it. */
final class InputRules {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

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
		}
		else if (block instanceof Block.Heading h) {
			text(field + ".text", h.text(), 1, 300);
			if (h.level() < 2 || h.level() > 3) {
				throw ApiProblem.invalidField(field + ".level", "2 or 3");
			}
		}
		else if (block instanceof Block.Quote q) {
			text(field + ".text", q.text(), 1, 5000);
			optionalText(field + ".attribution", q.attribution(), 300);
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
