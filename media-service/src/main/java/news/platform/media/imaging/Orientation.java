package news.platform.media.imaging;

import java.awt.image.BufferedImage;

/**
 * EXIF orientation (1–8): how the stored pixels must be turned to show the picture upright.
 * Applied to decoded pixels, so every rendition is upright and carries no orientation tag.
 */
public final class Orientation {

	private Orientation() {
	}

	/** Orientations 5–8 swap width and height. */
	public static boolean swapsAxes(int orientation) {
		return orientation >= 5 && orientation <= 8;
	}

	public static BufferedImage apply(BufferedImage source, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return source;
		}
		int w = source.getWidth();
		int h = source.getHeight();
		boolean swap = swapsAxes(orientation);
		int outW = swap ? h : w;
		int outH = swap ? w : h;
		int[] in = source.getRGB(0, 0, w, h, null, 0, w);
		int[] out = new int[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int tx;
				int ty;
				switch (orientation) {
					case 2 -> { tx = w - 1 - x; ty = y; }
					case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
					case 4 -> { tx = x; ty = h - 1 - y; }
					case 5 -> { tx = y; ty = x; }
					case 6 -> { tx = h - 1 - y; ty = x; }
					case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
					default -> { tx = y; ty = w - 1 - x; } // 8
				}
				out[ty * outW + tx] = in[y * w + x];
			}
		}
		BufferedImage result = new BufferedImage(outW, outH,
				source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		result.setRGB(0, 0, outW, outH, out, 0, outW);
		return result;
	}

}
