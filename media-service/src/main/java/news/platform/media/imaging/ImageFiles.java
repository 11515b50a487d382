package news.platform.media.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import news.platform.media.imaging.ImageRejected.Reason;

/**
 * Reads image files with the ImageIO plugins on the class path (TwelveMonkeys for JPEG and WebP,
 * the JDK's for PNG and GIF): the size from the header alone, a check that the file is complete,
 * and a decode that skips pixels at the source ({@link ImageReadParam#setSourceSubsampling}) so a
 * 1200-wide rendition of a 4000-wide photo never holds the whole photo in memory.
 */
public final class ImageFiles {

	private ImageFiles() {
	}

	/** Width and height as stored (before EXIF orientation). */
	public record Header(ImageFormat format, int width, int height) {

		public long pixels() {
			return (long) this.width * this.height;
		}

	}

	public static Header header(Path file, ImageFormat format) {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			ImageReader reader = reader(format);
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0) {
					throw new ImageRejected(Reason.CORRUPT, "The image header gives no size.");
				}
				return new Header(format, width, height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImageRejected rejected) {
				throw rejected;
			}
			throw new ImageRejected(Reason.CORRUPT, "The image header cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A decoder may paint a cut-off image grey and carry on; the end of each format is checked
	 * explicitly instead: JPEG ends with EOI, PNG with IEND, GIF with its trailer, and a WebP's
	 * RIFF size covers the file.
	 */
	public static void requireComplete(Path file, ImageFormat format) {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			int tailLength = (int) Math.min(length, 4096);
			byte[] tail = new byte[tailLength];
			raf.seek(length - tailLength);
			raf.readFully(tail);
			boolean complete = switch (format) {
				case JPEG -> containsFrom(tail, new byte[] { (byte) 0xFF, (byte) 0xD9 });
				case PNG -> containsFrom(tail, new byte[] { 'I', 'E', 'N', 'D' });
				case GIF -> lastNonZero(tail) == 0x3B;
				case WEBP -> {
					raf.seek(4);
					long riffSize = Integer.toUnsignedLong(Integer.reverseBytes(raf.readInt()));
					yield riffSize + 8 <= length;
				}
			};
			if (!complete) {
				throw new ImageRejected(Reason.CORRUPT, "The " + format.name() + " file is cut short (truncated).");
			}
		}
		catch (IOException ex) {
			throw new ImageRejected(Reason.CORRUPT, "The file cannot be read: " + ex.getMessage(), ex);
		}
	}

	/** Decodes frame 0 keeping every {@code subsampling}-th pixel in each direction. */
	public static BufferedImage decode(Path file, ImageFormat format, int subsampling) {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			ImageReader reader = reader(format);
			try {
				reader.setInput(in, true, true);
				ImageReadParam param = reader.getDefaultReadParam();
				if (subsampling > 1) {
					param.setSourceSubsampling(subsampling, subsampling, 0, 0);
				}
				BufferedImage image = reader.read(0, param);
				if (image == null) {
					throw new ImageRejected(Reason.CORRUPT, "The image has no pixels.");
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IIOException ex) {
			throw new ImageRejected(Reason.CORRUPT, "The image cannot be decoded: " + ex.getMessage(), ex);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImageRejected rejected) {
				throw rejected;
			}
			// broken data makes some decoders fail with index or state errors rather than IIOException
			throw new ImageRejected(Reason.CORRUPT, "The image cannot be decoded: " + ex, ex);
		}
	}

	/**
	 * The largest subsampling that still leaves at least {@code minimum} pixels on the side that
	 * needs them: the later downscale then averages, so skipped pixels do not show as aliasing.
	 */
	public static int subsamplingFor(int sourceWidth, int sourceHeight, int neededWidth, int neededHeight) {
		double ratio = Math.min(sourceWidth / (double) Math.max(1, neededWidth),
				sourceHeight / (double) Math.max(1, neededHeight));
		return Math.max(1, (int) Math.floor(ratio / 1.5));
	}

	private static ImageReader reader(ImageFormat format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerFormat());
		ImageReader first = null;
		while (readers.hasNext()) {
			ImageReader candidate = readers.next();
			// the WebP writer's library brings a native reader too; the pure-Java one reads headers
			// without decoding and fails cleanly on bad input
			if (format != ImageFormat.WEBP || candidate.getClass().getName().startsWith("com.twelvemonkeys")) {
				return candidate;
			}
			if (first == null) {
				first = candidate;
			}
		}
		if (first == null) {
			throw new IllegalStateException("No ImageIO reader for " + format);
		}
		return first;
	}

	private static boolean containsFrom(byte[] data, byte[] needle) {
		outer: for (int i = data.length - needle.length; i >= 0; i--) {
			for (int j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static int lastNonZero(byte[] data) {
		for (int i = data.length - 1; i >= 0; i--) {
			if (data[i] != 0) {
				return data[i] & 0xFF;
			}
		}
		return -1;
	}

}
