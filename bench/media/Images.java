import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.File;
import java.io.IOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generates the benchmark's images with the JDK alone:
 * <pre>
 *   java bench/media/Images.java photo out.jpg 4000 3000 SEED       a photo-like JPEG (Q90)
 *   java bench/media/Images.java big out.jpg MEGABYTES SEED           a JPEG of about that size
 * </pre>
 * "Photo-like": a sky gradient, hills, shapes and fine grain, so JPEG and WebP encoders have
 * the kind of work a news photo gives them (about 0.2 bytes a pixel at Q90, not a flat colour).
 */
public final class Images {

	public static void main(String[] args) throws IOException {
		switch (args[0]) {
			case "photo" -> write(photo(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]), 6),
					new File(args[1]), 0.9f);
			case "big" -> big(new File(args[1]), Double.parseDouble(args[2]), Long.parseLong(args[3]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	/** Grain amplitude decides the size: searched so the file lands near the target. */
	static void big(File out, double megabytes, long seed) throws IOException {
		long target = (long) (megabytes * 1024 * 1024);
		int width = 6000;
		int height = 4000;
		int grain = 40;
		for (int attempt = 0; attempt < 6; attempt++) {
			write(photo(width, height, seed, grain), out, 0.95f);
			long size = out.length();
			if (Math.abs(size - target) < target / 50) {
				break;
			}
			grain = (int) Math.max(2, Math.min(255, grain * (double) target / size));
		}
	}

	static BufferedImage photo(int width, int height, long seed, int grain) {
		Random random = new Random(seed);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, new Color(70 + random.nextInt(60), 120 + random.nextInt(60), 200), 0,
				height * 0.6f, new Color(220, 230, 240)));
		g.fillRect(0, 0, width, height);
		for (int layer = 0; layer < 3; layer++) {
			int[] xs = new int[42];
			int[] ys = new int[42];
			for (int i = 0; i < 40; i++) {
				xs[i] = i * width / 39;
				ys[i] = (int) (height * (0.5 + 0.12 * layer) + random.nextGaussian() * height * 0.04);
			}
			xs[40] = width;
			ys[40] = height;
			xs[41] = 0;
			ys[41] = height;
			g.setColor(new Color(40 + random.nextInt(60), 80 + random.nextInt(80), 30 + random.nextInt(50)));
			g.fillPolygon(xs, ys, 42);
		}
		for (int i = 0; i < 60; i++) {
			g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 160));
			int x = random.nextInt(width);
			int y = random.nextInt(height);
			int s = 20 + random.nextInt(width / 8);
			if (random.nextBoolean()) {
				g.fillOval(x, y, s, s);
			}
			else {
				g.setStroke(new BasicStroke(2 + random.nextInt(12)));
				g.drawLine(x, y, x + random.nextInt(s) - s / 2, y + random.nextInt(s) - s / 2);
			}
		}
		g.dispose();
		int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < pixels.length; i++) {
			int n = random.nextInt(grain * 2 + 1) - grain;
			int p = pixels[i];
			int r = clamp(((p >> 16) & 0xFF) + n);
			int gr = clamp(((p >> 8) & 0xFF) + n);
			int b = clamp((p & 0xFF) + n);
			pixels[i] = (r << 16) | (gr << 8) | b;
		}
		return image;
	}

	static int clamp(int v) {
		return v < 0 ? 0 : Math.min(255, v);
	}

	static void write(BufferedImage image, File out, float quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(quality);
		out.delete();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		writer.dispose();
	}

}
