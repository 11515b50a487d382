package news.platform.media.library;

import java.time.Instant;
import java.util.List;

import news.platform.media.item.MediaItem;

/**
 * What the photo library index holds of an item: the text people search (caption, alt text,
 * credit, tags, the uploaded file's name) and the fields they filter and sort by.
 */
record LibraryDocument(String id, Instant createdAt, String uploadedBy, String type, List<String> tags,
		List<String> text, int usageCount) {

	static LibraryDocument of(MediaItem item, int usageCount) {
		List<String> text = new java.util.ArrayList<>();
		add(text, item.caption());
		add(text, item.alt());
		add(text, item.credit());
		item.tags().forEach(tag -> add(text, tag));
		add(text, fileNameWords(item.fileName()));
		return new LibraryDocument(item.id(), item.createdAt(), item.uploadedBy(), item.typeName(), item.tags(),
				List.copyOf(text), usageCount);
	}

	/**
	 * {@code most_cacak-2024.jpg} as words ({@code most cacak 2024 jpg}): the tokenizer keeps
	 * letters joined by dots and underscores together, people type the words.
	 */
	static String fileNameWords(String fileName) {
		if (fileName == null) {
			return null;
		}
		StringBuilder words = new StringBuilder(fileName.length());
		fileName.codePoints().forEach(c -> words.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
		return words.toString();
	}

	private static void add(List<String> text, String value) {
		if (value != null && !value.isBlank()) {
			text.add(value);
		}
	}

}
