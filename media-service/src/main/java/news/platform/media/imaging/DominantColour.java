package news.platform.media.imaging;

import java.awt.image.BufferedImage;

/**
 * The most common colour of a small image: pixels are counted in 4096 buckets (4 bits a
 * channel) and the fullest bucket's pixels are averaged, so a large uniform area (sky, wall)
 * wins over a mean that no pixel has.
 */
public final class DominantColour {

	private DominantColour() {
	}

	public static String of(BufferedImage image) {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		int[] counts = new int[4096];
		long[] sumR = new long[4096];
		long[] sumG = new long[4096];
		long[] sumB = new long[4096];
		for (int pixel : pixels) {
			if (((pixel >>> 24) & 0xFF) < 128 && image.getColorModel().hasAlpha()) {
				continue;
			}
			int r = (pixel >> 16) & 0xFF;
			int g = (pixel >> 8) & 0xFF;
			int b = pixel & 0xFF;
			int bucket = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
			counts[bucket]++;
			sumR[bucket] += r;
			sumG[bucket] += g;
			sumB[bucket] += b;
		}
		int best = 0;
		for (int i = 1; i < counts.length; i++) {
			if (counts[i] > counts[best]) {
				best = i;
			}
		}
		if (counts[best] == 0) {
			return "#000000";
		}
		return String.format("#%02x%02x%02x", sumR[best] / counts[best], sumG[best] / counts[best],
				sumB[best] / counts[best]);
	}

}
