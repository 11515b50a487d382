package news.platform.media.original;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;

import static com.mongodb.client.model.Filters.eq;

/**
 * Original bytes, stored once per content: GridFS (bucket {@code original_files}) holds the
 * bytes, and {@code originals} maps the SHA-256 (its {@code _id}, so unique by key) to the GridFS
 * file. The {@code originals} insert is the commit point: two uploads of the same bytes racing
 * each other both write GridFS, one insert wins, and the loser removes its own GridFS file.
 */
@Component
public class Originals {

	static final String COLLECTION = "originals";

	static final String BUCKET = "original_files";

	private final MongoCollection<Document> originals;

	private final GridFSBucket files;

	private final MongoCollection<Document> fileDocuments;

	public Originals(MongoDatabase database, QueryShapes shapes) {
		this.originals = database.getCollection(COLLECTION);
		this.files = GridFSBuckets.create(database, BUCKET);
		this.fileDocuments = database.getCollection(BUCKET + ".files");
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		// the driver reads chunks by (files_id, n); declared here with the driver's own name
		shapes.createIndexes(database.getCollection(BUCKET + ".chunks"),
				DeclaredIndex.unique("files_id_1_n_1", "files_id", "n"));
		shapes.register(BUCKET + ".chunks", List.of("files_id", "n"), List.of(), "files_id_1_n_1");
		shapes.register(BUCKET + ".files", List.of("_id"), List.of(), "_id_");
	}

	/** An original as stored. */
	public record Original(String hash, ObjectId fileId, long length, String mediaType, Instant createdAt) {
	}

	public Original find(String hash) {
		Document document = this.originals.find(eq("_id", hash)).first();
		return document == null ? null : fromDocument(document);
	}

	/** Stores the file unless the same bytes are there already; answers the stored original and whether it was new. */
	public Stored store(String hash, Path file, long length, String mediaType, Instant now) {
		Original existing = find(hash);
		if (existing != null) {
			return new Stored(existing, false);
		}
		ObjectId fileId = new ObjectId();
		try (InputStream in = Files.newInputStream(file)) {
			this.files.uploadFromStream(new org.bson.BsonObjectId(fileId), hash, in,
					new GridFSUploadOptions().chunkSizeBytes(255 * 1024).metadata(new Document("contentType", mediaType)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Original original = new Original(hash, fileId, length, mediaType, now);
		try {
			this.originals.insertOne(new Document("_id", hash).append("fileId", fileId)
				.append("length", length)
				.append("mediaType", mediaType)
				.append("createdAt", Date.from(now)));
			return new Stored(original, true);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			this.files.delete(fileId);
			return new Stored(find(hash), false);
		}
	}

	public record Stored(Original original, boolean created) {
	}

	/** A stream of the bytes from {@code offset}; the caller closes it. */
	public InputStream open(Original original, long offset) throws IOException {
		GridFSDownloadStream stream = this.files.openDownloadStream(original.fileId());
		if (offset > 0) {
			long skipped = 0;
			while (skipped < offset) {
				long step = stream.skip(offset - skipped);
				if (step <= 0) {
					break;
				}
				skipped += step;
			}
		}
		return stream;
	}

	/** Whole original into a temp file, for decoding with random access. */
	public void copyTo(Original original, Path target) throws IOException {
		try (InputStream in = open(original, 0)) {
			Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Batch work of the clean-up job, first step: the original {@code hash} is no longer found by
	 * anyone (its {@code originals} entry goes); its bytes stay until {@link #deleteFile}. Null when
	 * it was not there.
	 */
	public Original detach(String hash) {
		Document document = this.originals.findOneAndDelete(eq("_id", hash));
		return document == null ? null : fromDocument(document);
	}

	/**
	 * Undoes {@link #detach}: an upload of the same bytes raced the clean-up and uses it again.
	 * False when that upload stored the bytes anew meanwhile (the detached file is then nobody's).
	 */
	public boolean restore(Original original) {
		try {
			this.originals.insertOne(new Document("_id", original.hash()).append("fileId", original.fileId())
				.append("length", original.length())
				.append("mediaType", original.mediaType())
				.append("createdAt", Date.from(original.createdAt())));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			return false;
		}
	}

	/** Second step: the bytes of a detached original go. */
	public void deleteFile(Original original) {
		try {
			this.files.delete(original.fileId());
		}
		catch (com.mongodb.MongoGridFSException ex) {
			// the file was gone already (a crash between the two steps of an earlier run)
		}
	}

	public long count() {
		return this.originals.countDocuments();
	}

	/** GridFS files, including any a lost race or a crash left behind (tests and admin checks). */
	public long fileCount() {
		return this.fileDocuments.countDocuments();
	}

	private static Original fromDocument(Document d) {
		return new Original(d.getString("_id"), d.getObjectId("fileId"), ((Number) d.get("length")).longValue(),
				d.getString("mediaType"), d.getDate("createdAt").toInstant());
	}

}
