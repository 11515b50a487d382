package news.platform.media.imaging;

import java.awt.image.BufferedImage;

/**
 * BlurHash encoder, written from the published algorithm (github.com/woltapp/blurhash,
 * Algorithm.md): a DCT of the picture in linear light, quantised into a short base-83 string that
 * clients decode into a blurred placeholder. Run on a small, already downscaled image.
 */
public final class BlurHash {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

	private BlurHash() {
	}

	public static String encode(BufferedImage image, int componentsX, int componentsY) {
		if (componentsX < 1 || componentsX > 9 || componentsY < 1 || componentsY > 9) {
			throw new IllegalArgumentException("components must be 1..9");
		}
		int width = image.getWidth();
		int height = image.getHeight();
		int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
		double[] linearR = new double[pixels.length];
		double[] linearG = new double[pixels.length];
		double[] linearB = new double[pixels.length];
		for (int i = 0; i < pixels.length; i++) {
			linearR[i] = srgbToLinear((pixels[i] >> 16) & 0xFF);
			linearG[i] = srgbToLinear((pixels[i] >> 8) & 0xFF);
			linearB[i] = srgbToLinear(pixels[i] & 0xFF);
		}
		double[][] factors = new double[componentsX * componentsY][3];
		double[] cosX = new double[width];
		double[] cosY = new double[height];
		for (int j = 0; j < componentsY; j++) {
			for (int y = 0; y < height; y++) {
				cosY[y] = Math.cos(Math.PI * j * y / height);
			}
			for (int i = 0; i < componentsX; i++) {
				for (int x = 0; x < width; x++) {
					cosX[x] = Math.cos(Math.PI * i * x / width);
				}
				double normalisation = (i == 0 && j == 0) ? 1 : 2;
				double r = 0;
				double g = 0;
				double b = 0;
				for (int y = 0; y < height; y++) {
					for (int x = 0; x < width; x++) {
						double basis = normalisation * cosX[x] * cosY[y];
						int p = y * width + x;
						r += basis * linearR[p];
						g += basis * linearG[p];
						b += basis * linearB[p];
					}
				}
				double scale = 1.0 / (width * height);
				factors[j * componentsX + i] = new double[] { r * scale, g * scale, b * scale };
			}
		}
		StringBuilder hash = new StringBuilder();
		encode83((componentsX - 1) + (componentsY - 1) * 9, 1, hash);
		double maximumValue;
		if (factors.length > 1) {
			double actualMaximum = 0;
			for (int k = 1; k < factors.length; k++) {
				for (double v : factors[k]) {
					actualMaximum = Math.max(actualMaximum, Math.abs(v));
				}
			}
			int quantisedMaximum = (int) Math.max(0, Math.min(82, Math.floor(actualMaximum * 166 - 0.5)));
			maximumValue = (quantisedMaximum + 1) / 166.0;
			encode83(quantisedMaximum, 1, hash);
		}
		else {
			maximumValue = 1;
			encode83(0, 1, hash);
		}
		double[] dc = factors[0];
		encode83((linearToSrgb(dc[0]) << 16) + (linearToSrgb(dc[1]) << 8) + linearToSrgb(dc[2]), 4, hash);
		for (int k = 1; k < factors.length; k++) {
			double[] ac = factors[k];
			int quantR = quantiseAc(ac[0], maximumValue);
			int quantG = quantiseAc(ac[1], maximumValue);
			int quantB = quantiseAc(ac[2], maximumValue);
			encode83(quantR * 19 * 19 + quantG * 19 + quantB, 2, hash);
		}
		return hash.toString();
	}

	/** The average colour a hash encodes (its DC component), as {@code #rrggbb}. */
	public static String averageColour(String hash) {
		int value = 0;
		for (int i = 2; i < 6; i++) {
			value = value * 83 + ALPHABET.indexOf(hash.charAt(i));
		}
		return String.format("#%06x", value);
	}

	private static int quantiseAc(double value, double maximumValue) {
		return (int) Math.max(0, Math.min(18, Math.floor(signPow(value / maximumValue, 0.5) * 9 + 9.5)));
	}

	private static double signPow(double value, double exponent) {
		return Math.copySign(Math.pow(Math.abs(value), exponent), value);
	}

	private static double srgbToLinear(int value) {
		double v = value / 255.0;
		return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
	}

	private static int linearToSrgb(double value) {
		double v = Math.max(0, Math.min(1, value));
		return v <= 0.0031308 ? (int) (v * 12.92 * 255 + 0.5) : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
	}

	private static void encode83(int value, int length, StringBuilder out) {
		for (int i = 1; i <= length; i++) {
			int digit = (value / (int) Math.pow(83, length - i)) % 83;
			out.append(ALPHABET.charAt(digit));
		}
	}

}
