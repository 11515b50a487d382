package news.platform.media.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import net.coobird.thumbnailator.Thumbnails;

/**
 * What a client paints before the picture arrives: a BlurHash and the dominant colour, both from
 * a decode that keeps about one pixel in every {@code side/100}. Decoding the whole file also
 * proves it is not corrupt.
 */
public record Placeholder(String blurHash, String dominantColour) {

	public static Placeholder compute(Path file, ImageFiles.Header header, int orientation) {
		int subsampling = Math.max(1, Math.max(header.width(), header.height()) / 100);
		BufferedImage small = Orientation.apply(ImageFiles.decode(file, header.format(), subsampling), orientation);
		BufferedImage tiny = small;
		int longSide = Math.max(small.getWidth(), small.getHeight());
		if (longSide > 32) {
			try {
				tiny = Thumbnails.of(small).size(32, 32).asBufferedImage();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		boolean portrait = tiny.getHeight() > tiny.getWidth();
		String hash = BlurHash.encode(tiny, portrait ? 3 : 4, portrait ? 4 : 3);
		return new Placeholder(hash, DominantColour.of(small));
	}

}
