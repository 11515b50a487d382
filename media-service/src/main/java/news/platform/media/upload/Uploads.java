package news.platform.media.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.media.MediaMetrics;
import news.platform.media.MediaProperties;
import news.platform.media.imaging.ImageFiles;
import news.platform.media.imaging.ImageFormat;
import news.platform.media.imaging.ImageRejected;
import news.platform.media.imaging.ImageWork;
import news.platform.media.imaging.Orientation;
import news.platform.media.imaging.Placeholder;
import news.platform.media.item.Caller;
import news.platform.media.item.MediaChangeListener;
import news.platform.media.item.MediaItem;
import news.platform.media.item.MediaItems;
import news.platform.media.original.Originals;

/**
 * Takes an upload from a stream: the bytes go to a temp file while SHA-256 and the size are
 * counted (never the whole upload in heap), the type is decided from the first bytes, the pixel
 * count from the header before anything is decoded, and the picture is decoded once (subsampled,
 * on the bounded image pool) for its placeholder, which also proves it is complete. Only then is
 * anything written: the original (once per hash), then the item, the commit point.
 */
@Service
public class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	private final MediaProperties properties;

	private final Originals originals;

	private final MediaItems items;

	private final ImageWork work;

	private final MediaMetrics metrics;

	private final Clock clock;

	private final List<MediaChangeListener> listeners;

	Uploads(MediaProperties properties, Originals originals, MediaItems items, ImageWork work, MediaMetrics metrics,
			Clock clock, List<MediaChangeListener> listeners) {
		this.properties = properties;
		this.originals = originals;
		this.items = items;
		this.work = work;
		this.metrics = metrics;
		this.clock = clock;
		this.listeners = listeners;
	}

	public long maxBytes() {
		return this.properties.upload().maxSize().toBytes();
	}

	/**
	 * @param declaredLength the Content-Length or part size, -1 when unknown
	 * @param fileName the name the client gave the file (multipart filename or Content-Disposition), or null
	 */
	public MediaItem upload(InputStream body, long declaredLength, String fileName, Caller caller) {
		if (declaredLength > maxBytes()) {
			throw tooLarge();
		}
		Path temp = null;
		try {
			byte[] head = body.readNBytes(ImageFormat.SNIFF_LENGTH);
			if (head.length == 0) {
				this.metrics.upload("empty", 0);
				throw new ApiProblem(ProblemType.EMPTY_UPLOAD, "The upload has no bytes.")
					.withFieldError("file", "empty");
			}
			ImageFormat format = ImageFormat.sniff(head, head.length);
			if (format == null) {
				this.metrics.upload("unsupported-type", 0);
				throw unsupported();
			}
			temp = Files.createTempFile("media-upload-", ".bin");
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
				out.write(head);
				size = head.length + copyAtMost(body, out, maxBytes() - head.length);
			}
			String hash = HexFormat.of().formatHex(sha256.digest());
			MediaItem item = accept(temp, format, size, hash, FileNames.clean(fileName), caller);
			this.listeners.forEach(listener -> listener.changed(item.id()));
			return item;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					log.warn("Could not delete upload temp file {}", temp, ex);
				}
			}
		}
	}

	private MediaItem accept(Path file, ImageFormat format, long size, String hash, String fileName, Caller caller) {
		Placeholder placeholder;
		ImageFiles.Header header;
		EmbeddedMetadata embedded;
		try {
			ImageFiles.requireComplete(file, format);
			header = ImageFiles.header(file, format);
			if (header.pixels() > this.properties.upload().maxPixels()) {
				this.metrics.upload("too-many-pixels", 0);
				throw new ApiProblem(ProblemType.TOO_MANY_PIXELS, "The image is " + header.width() + "×"
						+ header.height() + " pixels; at most " + this.properties.upload().maxPixels()
						+ " pixels are accepted.")
					.withFieldError("file", "more than " + this.properties.upload().maxPixels() + " pixels");
			}
			embedded = EmbeddedMetadata.read(file);
			ImageFiles.Header decoded = header;
			int orientation = embedded.orientation();
			placeholder = this.work.run(() -> Placeholder.compute(file, decoded, orientation));
		}
		catch (ImageRejected ex) {
			this.metrics.upload("corrupt", 0);
			throw new ApiProblem(ProblemType.CORRUPT_IMAGE,
					"The " + format.name() + " image is damaged or incomplete: " + ex.getMessage())
				.withFieldError("file", "damaged or incomplete image");
		}
		catch (ImageWork.Busy ex) {
			this.metrics.upload("busy", 0);
			throw ex;
		}
		Instant now = this.clock.instant();
		Originals.Stored stored = this.originals.store(hash, file, size, format.mediaType(), now);
		boolean swap = Orientation.swapsAxes(embedded.orientation());
		MediaItem item = new MediaItem(new ObjectId().toHexString(), 1, hash, format.mediaType(),
				swap ? header.height() : header.width(), swap ? header.width() : header.height(), size,
				embedded.orientation(), null, embedded.caption(), embedded.credit(), embedded.copyright(),
				embedded.source(), 0.5, 0.5, List.of(), caller.subject(), now, now, placeholder.blurHash(),
				placeholder.dominantColour(), fileName, 0);
		this.items.insert(item);
		this.metrics.upload(stored.created() ? "stored" : "deduplicated", size);
		return item;
	}

	/** Copies at most {@code limit} bytes; one more byte in the stream means the upload is too large. */
	private long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			total += read;
			if (total > limit) {
				throw tooLarge();
			}
			out.write(buffer, 0, read);
		}
		return total;
	}

	private ApiProblem tooLarge() {
		this.metrics.upload("too-large", 0);
		return new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "The upload is larger than " + maxBytes() + " bytes.")
			.withFieldError("file", "larger than " + maxBytes() + " bytes");
	}

	private static ApiProblem unsupported() {
		return new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
				"The bytes are not a JPEG, PNG, WebP or GIF image (the type is decided from the content, not the name).")
			.withFieldError("file", "not a JPEG, PNG, WebP or GIF image");
	}

}
