package news.platform.media.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes pixels only: the writers get no metadata, so nothing of the original's EXIF, XMP or
 * IPTC (GPS position, camera serial, owner) can reach a rendition. JPEG and PNG use the JDK's
 * writers; WebP uses webp-imageio (libwebp bundled).
 */
public final class Encoders {

	private Encoders() {
	}

	public static byte[] encode(BufferedImage image, OutputFormat format, float quality) {
		return switch (format) {
			case JPEG -> write(opaque(image), "image/jpeg", null, quality);
			case PNG -> write(image, "image/png", null, -1);
			case WEBP -> write(rgb(image), "image/webp", "com.luciad", quality);
		};
	}

	private static byte[] write(BufferedImage image, String mediaType, String writerPackage, float quality) {
		ImageWriter writer = writer(mediaType, writerPackage);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (quality > 0 && param.canWriteCompressed()) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				String[] types = param.getCompressionTypes();
				if (types != null && types.length > 0) {
					// webp-imageio lists "Lossy" first
					param.setCompressionType(types[0]);
				}
				param.setCompressionQuality(quality);
			}
			if ("image/jpeg".equals(mediaType) && param.canWriteProgressive()) {
				param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			}
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static ImageWriter writer(String mediaType, String writerPackage) {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(mediaType);
		while (writers.hasNext()) {
			ImageWriter candidate = writers.next();
			if (writerPackage == null || candidate.getClass().getName().startsWith(writerPackage)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No ImageIO writer for " + mediaType);
	}

	/**
	 * libwebp's writer reads three or four colour bands: a grey-scale photograph (one band, as
	 * newsroom archives are full of) or an indexed GIF is drawn into RGB(A) first.
	 */
	static BufferedImage rgb(BufferedImage image) {
		int type = image.getType();
		if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB
				|| type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR) {
			return image;
		}
		boolean alpha = image.getColorModel().hasAlpha();
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(),
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	/** JPEG has no alpha: transparent areas become white, as a page behind them usually is. */
	static BufferedImage opaque(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

}
