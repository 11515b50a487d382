package news.platform.desk.story;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * article-service's revision diff ({@code fields} and the block-level {@code body} lines) as rows
 * side by side: a run of removed lines followed by added ones pairs up as changed lines.
 */
final class Diffs {

	private Diffs() {
	}

	static List<EditorPage.DiffRow> rows(JsonNode diff) {
		List<EditorPage.DiffRow> rows = new ArrayList<>();
		for (JsonNode field : diff.path("fields")) {
			rows.add(new EditorPage.DiffRow(field.path("field").asString(""), value(field.get("from")),
					value(field.get("to")), "changed"));
		}
		List<String> removed = new ArrayList<>();
		List<String> added = new ArrayList<>();
		for (JsonNode line : diff.path("body")) {
			String op = line.path("op").asString("");
			String text = line.path("text").asString("");
			switch (op) {
				case "delete" -> {
					if (!added.isEmpty()) {
						flush(rows, removed, added);
					}
					removed.add(text);
				}
				case "insert" -> added.add(text);
				default -> {
					flush(rows, removed, added);
					rows.add(new EditorPage.DiffRow("body", text, text, "equal"));
				}
			}
		}
		flush(rows, removed, added);
		return rows;
	}

	private static void flush(List<EditorPage.DiffRow> rows, List<String> removed, List<String> added) {
		int n = Math.max(removed.size(), added.size());
		for (int i = 0; i < n; i++) {
			String left = i < removed.size() ? removed.get(i) : "";
			String right = i < added.size() ? added.get(i) : "";
			String kind = left.isEmpty() ? "added" : right.isEmpty() ? "removed" : "changed";
			rows.add(new EditorPage.DiffRow("body", left, right, kind));
		}
		removed.clear();
		added.clear();
	}

	private static String value(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

}
