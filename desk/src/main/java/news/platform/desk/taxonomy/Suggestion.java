package news.platform.desk.taxonomy;

/**
 * One option of a tag or author field's suggestions.
 *
 * @param value what choosing it puts into the field (a tag's name; an author's name, or their
 * profile slug when two suggested profiles share that name)
 * @param label what the option shows
 * @param detail shown beside it, quieter (the slug)
 */
public record Suggestion(String value, String label, String detail) {
}
