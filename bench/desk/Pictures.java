import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * COUNT PNG pictures of about SIZE_MB megabytes each (random pixels do not compress, so the
 * file is as large as its pixels), for the desk's upload benchmark:
 * <pre>
 *   java bench/desk/Pictures.java OUT_DIR COUNT SIZE_MB
 * </pre>
 * Deterministic (a fixed seed per picture). JDK only.
 */
public final class Pictures {

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]);
		int count = Integer.parseInt(args[1]);
		double megabytes = Double.parseDouble(args[2]);
		// 3 bytes a pixel, a 4:3 picture
		int pixels = (int) (megabytes * 1024 * 1024 / 3);
		int width = (int) Math.sqrt(pixels * 4.0 / 3);
		int height = pixels / width;
		Files.createDirectories(out);
		for (int n = 1; n <= count; n++) {
			BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			Random random = new Random(n);
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					image.setRGB(x, y, random.nextInt(0x1000000));
				}
			}
			Path file = out.resolve(String.format("upload-%02d.png", n));
			ImageIO.write(image, "png", file.toFile());
			System.out.println(file + " " + Files.size(file) + " bytes, " + width + "×" + height);
		}
	}

}
