package news.platform.article.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import news.platform.article.story.Article;
import news.platform.article.story.Block;
import news.platform.article.story.RichText;

/**
 * What changed between two revisions: the fields that differ, and the body as a line diff over
 * blocks (a longest-common-subsequence alignment: articles have at most a few hundred blocks).
 * Tags and authors are compared and shown by their names now (an article stores ids; a revision
 * stored before that, free text), so a diff reads "Zagreb → Split", never two ids, and a rename or
 * merge made since is not a change of the article.
 */
final class RevisionDiff {

	private RevisionDiff() {
	}

	record FieldChange(String field, Object from, Object to) {
	}

	record BodyLine(String op, String text) {
	}

	record Diff(long from, long to, List<FieldChange> fields, List<BodyLine> body) {
	}

	static Diff between(long fromRevision, Article from, long toRevision, Article to,
			Function<List<String>, List<String>> tagNames, Function<List<String>, List<String>> authorNames) {
		List<FieldChange> changes = new ArrayList<>();
		Map<String, Object[]> fields = new LinkedHashMap<>();
		fields.put("slug", new Object[] { from.slug(), to.slug() });
		fields.put("language", new Object[] { from.language(), to.language() });
		fields.put("headline", new Object[] { from.headline(), to.headline() });
		fields.put("standfirst", new Object[] { from.standfirst(), to.standfirst() });
		fields.put("authors", new Object[] { names(authorNames, from.authors()), names(authorNames, to.authors()) });
		fields.put("section", new Object[] { from.section(), to.section() });
		fields.put("tags", new Object[] { names(tagNames, from.tags()), names(tagNames, to.tags()) });
		fields.put("source", new Object[] { from.source(), to.source() });
		fields.put("heroMediaId", new Object[] { from.heroMediaId(), to.heroMediaId() });
		fields.put("commentsOpen", new Object[] { from.commentsOpen(), to.commentsOpen() });
		fields.put("commentsCloseAt", new Object[] { from.commentsCloseAt(), to.commentsCloseAt() });
		fields.put("status", new Object[] { from.status(), to.status() });
		fields.put("scheduledAt", new Object[] { from.scheduledAt(), to.scheduledAt() });
		fields.put("embargoUntil", new Object[] { from.embargoUntil(), to.embargoUntil() });
		fields.put("publishedAt", new Object[] { from.publishedAt(), to.publishedAt() });
		fields.put("corrections", new Object[] { from.corrections(), to.corrections() });
		fields.forEach((name, values) -> {
			if (!Objects.equals(values[0], values[1])) {
				changes.add(new FieldChange(name, values[0], values[1]));
			}
		});
		return new Diff(fromRevision, toRevision, changes, lines(lines(from.body()), lines(to.body())));
	}

	private static List<String> names(Function<List<String>, List<String>> names, List<String> references) {
		return names.apply(references == null ? List.of() : references);
	}

	static List<String> lines(List<Block> body) {
		List<String> lines = new ArrayList<>();
		for (Block block : body) {
			String type = block.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
			String text = block.plainText();
			if (block instanceof Block.ListBlock list) {
				// one line per item, so a changed item shows as that item changing
				for (Block.ListItem item : list.items()) {
					lines.add((list.ordered() ? "ordered item: " : "item: ") + item.text()
							+ RichText.describe(item.marks()));
				}
				continue;
			}
			if (block instanceof Block.Formatted formatted) {
				// formatting is part of the line: a word made bold or a link changed shows as a change
				text = text + RichText.describe(formatted.marks());
			}
			else if (block instanceof Block.Image image) {
				text = image.mediaId() + (text.isEmpty() ? "" : " " + text);
			}
			else if (block instanceof Block.Embed embed) {
				text = embed.url();
			}
			else if (block instanceof Block.RelatedLink link) {
				text = (link.articleId() != null ? link.articleId() : link.url())
						+ (link.title() == null ? "" : " " + link.title());
			}
			lines.add(type + ": " + text);
		}
		return lines;
	}

	/** LCS alignment: unchanged lines as "equal", the rest as "delete" (old) and "insert" (new). */
	static List<BodyLine> lines(List<String> a, List<String> b) {
		int[][] lcs = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		List<BodyLine> out = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			if (a.get(i).equals(b.get(j))) {
				out.add(new BodyLine("equal", a.get(i)));
				i++;
				j++;
			}
			else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
				out.add(new BodyLine("delete", a.get(i++)));
			}
			else {
				out.add(new BodyLine("insert", b.get(j++)));
			}
		}
		while (i < a.size()) {
			out.add(new BodyLine("delete", a.get(i++)));
		}
		while (j < b.size()) {
			out.add(new BodyLine("insert", b.get(j++)));
		}
		return out;
	}

}
