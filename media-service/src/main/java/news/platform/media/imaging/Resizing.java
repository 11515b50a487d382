package news.platform.media.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Where a rendition comes from in the (upright) original and how large it is. Never enlarges:
 * a box larger than the original shrinks to the original's scale, keeping its aspect ratio.
 */
public final class Resizing {

	private Resizing() {
	}

	/** Crop rectangle in upright original pixels, and the output size. */
	public record Plan(int cropX, int cropY, int cropWidth, int cropHeight, int width, int height) {

		/** How many source pixels to skip while decoding, leaving 1.5× the output resolution or more. */
		public int subsampling() {
			double ratio = Math.min(this.cropWidth / (double) this.width, this.cropHeight / (double) this.height);
			return Math.max(1, (int) Math.floor(ratio / 1.5));
		}

	}

	/**
	 * @param width requested width (1 or more)
	 * @param height requested height; 0 keeps the aspect ratio
	 * @param cover crop to fill the box around the focal point; otherwise fit inside it whole
	 */
	public static Plan plan(int originalWidth, int originalHeight, int width, int height, boolean cover,
			double focalX, double focalY) {
		if (!cover || height == 0) {
			double scale = Math.min(1.0, width / (double) originalWidth);
			if (height > 0) {
				scale = Math.min(scale, height / (double) originalHeight);
			}
			int outW = Math.max(1, (int) Math.round(originalWidth * scale));
			int outH = Math.max(1, (int) Math.round(originalHeight * scale));
			return new Plan(0, 0, originalWidth, originalHeight, outW, outH);
		}
		double scale = Math.max(width / (double) originalWidth, height / (double) originalHeight);
		int outW = width;
		int outH = height;
		if (scale > 1) {
			outW = Math.max(1, (int) Math.floor(width / scale));
			outH = Math.max(1, (int) Math.floor(height / scale));
			scale = 1;
		}
		int cropW = Math.min(originalWidth, Math.max(1, (int) Math.round(outW / scale)));
		int cropH = Math.min(originalHeight, Math.max(1, (int) Math.round(outH / scale)));
		int x = clamp((int) Math.round(focalX * originalWidth - cropW / 2.0), 0, originalWidth - cropW);
		int y = clamp((int) Math.round(focalY * originalHeight - cropH / 2.0), 0, originalHeight - cropH);
		return new Plan(x, y, cropW, cropH, outW, outH);
	}

	/**
	 * Cuts the plan's rectangle out of an upright image decoded at {@code decoded.width /
	 * originalWidth} of full size and scales it to the output size.
	 */
	public static BufferedImage apply(BufferedImage decoded, int originalWidth, int originalHeight, Plan plan) {
		double rx = decoded.getWidth() / (double) originalWidth;
		double ry = decoded.getHeight() / (double) originalHeight;
		int x = clamp((int) Math.floor(plan.cropX() * rx), 0, decoded.getWidth() - 1);
		int y = clamp((int) Math.floor(plan.cropY() * ry), 0, decoded.getHeight() - 1);
		int w = clamp((int) Math.round(plan.cropWidth() * rx), 1, decoded.getWidth() - x);
		int h = clamp((int) Math.round(plan.cropHeight() * ry), 1, decoded.getHeight() - y);
		BufferedImage crop = (x == 0 && y == 0 && w == decoded.getWidth() && h == decoded.getHeight()) ? decoded
				: decoded.getSubimage(x, y, w, h);
		if (crop.getWidth() == plan.width() && crop.getHeight() == plan.height()) {
			return crop;
		}
		try {
			return Thumbnails.of(crop).forceSize(plan.width(), plan.height()).asBufferedImage();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

}
