package news.platform.article.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a list item shows, packed into one doc-values entry per article. Doc values sit apart
 * from the stored article text, so reading twenty list items never decompresses their bodies.
 */
final class ListItemCodec {

	// 2: status, owner, times of change and schedule, returned; publishedAt may be absent
	private static final byte VERSION = 2;

	private ListItemCodec() {
	}

	static BytesRef encode(SearchDocument document) {
		try {
			return write(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ArticleIndex.Hit decode(BytesRef bytes, Map<String, String> highlights) {
		try {
			return read(bytes, highlights);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// byte-array streams never fail; the IOException is the DataOutput signature's
	private static BytesRef write(SearchDocument document) throws IOException {
		byte[] buffer = new byte[estimate(document)];
		ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
		out.writeByte(VERSION);
		out.writeString(document.id());
		writeNullable(out, document.slug());
		writeNullable(out, document.headline());
		writeNullable(out, document.standfirst());
		writeNullable(out, document.section());
		writeNullable(out, document.language());
		writeNullable(out, document.heroMediaId());
		writeInstant(out, document.publishedAt());
		writeNullable(out, document.status());
		writeNullable(out, document.ownerId());
		writeInstant(out, document.updatedAt());
		writeInstant(out, document.scheduledAt());
		out.writeByte((byte) (document.returned() ? 1 : 0));
		out.writeVInt(document.tags().size());
		for (String tag : document.tags()) {
			writeNullable(out, tag);
		}
		out.writeVInt(document.authors().size());
		for (SearchDocument.Author author : document.authors()) {
			writeNullable(out, author == null ? null : author.id());
			writeNullable(out, author == null ? null : author.name());
		}
		return new BytesRef(buffer, 0, out.getPosition());
	}

	private static ArticleIndex.Hit read(BytesRef bytes, Map<String, String> highlights) throws IOException {
		ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
		if (in.readByte() != VERSION) {
			throw new IllegalStateException("list item written by another version; rebuild the search index");
		}
		String id = in.readString();
		String slug = readNullable(in);
		String headline = readNullable(in);
		String standfirst = readNullable(in);
		String section = readNullable(in);
		String language = readNullable(in);
		String heroMediaId = readNullable(in);
		Instant publishedAt = readInstant(in);
		String status = readNullable(in);
		String ownerId = readNullable(in);
		Instant updatedAt = readInstant(in);
		Instant scheduledAt = readInstant(in);
		boolean returned = in.readByte() == 1;
		int tagCount = in.readVInt();
		List<String> tags = new ArrayList<>(tagCount);
		for (int i = 0; i < tagCount; i++) {
			tags.add(readNullable(in));
		}
		int authorCount = in.readVInt();
		List<SearchDocument.Author> authors = new ArrayList<>(authorCount);
		for (int i = 0; i < authorCount; i++) {
			authors.add(new SearchDocument.Author(readNullable(in), readNullable(in)));
		}
		return new ArticleIndex.Hit(id, slug, headline, standfirst, section, tags, authors, language, publishedAt,
				heroMediaId, highlights, status, ownerId, updatedAt, scheduledAt, returned);
	}

	private static void writeInstant(ByteArrayDataOutput out, Instant value) throws IOException {
		out.writeByte((byte) (value == null ? 0 : 1));
		if (value != null) {
			out.writeZLong(value.toEpochMilli());
		}
	}

	private static Instant readInstant(ByteArrayDataInput in) throws IOException {
		return in.readByte() == 0 ? null : Instant.ofEpochMilli(in.readZLong());
	}

	private static void writeNullable(ByteArrayDataOutput out, String value) throws IOException {
		out.writeByte((byte) (value == null ? 0 : 1));
		if (value != null) {
			out.writeString(value);
		}
	}

	private static String readNullable(ByteArrayDataInput in) throws IOException {
		return in.readByte() == 0 ? null : in.readString();
	}

	// UTF-8 takes at most 3 bytes per UTF-16 char; 5 bytes of length prefix each, worst case
	private static int estimate(SearchDocument document) {
		int chars = length(document.id()) + length(document.slug()) + length(document.headline())
				+ length(document.standfirst()) + length(document.section()) + length(document.language())
				+ length(document.heroMediaId()) + length(document.status()) + length(document.ownerId());
		int strings = 9;
		for (String tag : document.tags()) {
			chars += length(tag);
			strings++;
		}
		for (SearchDocument.Author author : document.authors()) {
			if (author != null) {
				chars += length(author.id()) + length(author.name());
			}
			strings += 2;
		}
		return 64 + chars * 3 + strings * 6;
	}

	private static int length(String value) {
		return value == null ? 0 : value.length();
	}

}
