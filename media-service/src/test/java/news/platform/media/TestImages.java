package news.platform.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import news.platform.media.imaging.Encoders;
import news.platform.media.imaging.OutputFormat;

/** Real image files made in the tests: plain pictures, pictures with EXIF/XMP, and broken ones. */
public final class TestImages {

	private TestImages() {
	}

	/** A picture with a gradient and some texture, so encoders have something to do. */
	public static BufferedImage picture(int width, int height, long seed) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(seed);
		int base = random.nextInt(0xFFFFFF);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int r = ((base >> 16) & 0xFF) * x / Math.max(1, width) + random.nextInt(16);
				int g = ((base >> 8) & 0xFF) * y / Math.max(1, height) + random.nextInt(16);
				int b = (base & 0xFF) + random.nextInt(16);
				image.setRGB(x, y, (Math.min(255, r) << 16) | (Math.min(255, g) << 8) | Math.min(255, b));
			}
		}
		return image;
	}

	/** Left half {@code left}, right half {@code right}: shows where a crop was taken. */
	public static BufferedImage halves(int width, int height, Color left, Color right) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(left);
		g.fillRect(0, 0, width / 2, height);
		g.setColor(right);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		return image;
	}

	public static BufferedImage solid(int width, int height, Color colour) {
		return halves(width, height, colour, colour);
	}

	public static byte[] jpeg(BufferedImage image) {
		return write(image, "jpeg");
	}

	public static byte[] png(BufferedImage image) {
		return write(image, "png");
	}

	public static byte[] gif(BufferedImage image) {
		return write(image, "gif");
	}

	public static byte[] webp(BufferedImage image) {
		return Encoders.encode(image, OutputFormat.WEBP, 0.8f);
	}

	public static BufferedImage read(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
			if (image == null) {
				throw new IllegalStateException("not an image");
			}
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] write(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** EXIF as a camera writes it: orientation, description, artist, copyright, make/model and a GPS position. */
	public record Exif(int orientation, String description, String artist, String copyright, boolean gps) {
	}

	/** The JPEG with an EXIF APP1 segment inserted after its JFIF header. */
	public static byte[] withExif(byte[] jpeg, Exif exif) {
		return insertSegment(jpeg, exifSegment(exif));
	}

	/** The JPEG with an XMP APP1 packet carrying dc:description, dc:rights and photoshop:Credit. */
	public static byte[] withXmp(byte[] jpeg, String description, String credit, String rights) {
		String xmp = """
				<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
				<x:xmpmeta xmlns:x="adobe:ns:meta/">
				 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				  <rdf:Description rdf:about=""
				    xmlns:dc="http://purl.org/dc/elements/1.1/"
				    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
				    photoshop:Credit="%s">
				   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
				   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:rights>
				  </rdf:Description>
				 </rdf:RDF>
				</x:xmpmeta>
				<?xpacket end="w"?>""".formatted(credit, description, rights);
		byte[] header = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
		byte[] body = xmp.getBytes(StandardCharsets.UTF_8);
		ByteBuffer segment = ByteBuffer.allocate(4 + header.length + body.length);
		segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + header.length + body.length));
		segment.put(header).put(body);
		return insertSegment(jpeg, segment.array());
	}

	private static byte[] insertSegment(byte[] jpeg, byte[] segment) {
		int at = 2;
		if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
			at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		}
		byte[] out = new byte[jpeg.length + segment.length];
		System.arraycopy(jpeg, 0, out, 0, at);
		System.arraycopy(segment, 0, out, at, segment.length);
		System.arraycopy(jpeg, at, out, at + segment.length, jpeg.length - at);
		return out;
	}

	/** A big-endian TIFF structure: IFD0 (+ GPS IFD), strings after the directories. */
	private static byte[] exifSegment(Exif exif) {
		byte[] description = ascii(exif.description());
		byte[] make = ascii("SecretCam");
		byte[] model = ascii("Model X-1 serial 12345");
		byte[] artist = ascii(exif.artist());
		byte[] copyright = ascii(exif.copyright());
		int ifd0Entries = exif.gps() ? 7 : 6;
		int ifd0Offset = 8;
		int ifd0Size = 2 + ifd0Entries * 12 + 4;
		int gpsOffset = ifd0Offset + ifd0Size;
		int gpsSize = exif.gps() ? 2 + 3 * 12 + 4 : 0;
		int dataOffset = gpsOffset + gpsSize;
		ByteBuffer data = ByteBuffer.allocate(1024);
		ByteBuffer tiff = ByteBuffer.allocate(2048);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(ifd0Offset);
		tiff.putShort((short) ifd0Entries);
		int[] next = { dataOffset };
		entryAscii(tiff, data, 0x010E, description, next);
		entryAscii(tiff, data, 0x010F, make, next);
		entryAscii(tiff, data, 0x0110, model, next);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) exif.orientation()).putShort((short) 0);
		entryAscii(tiff, data, 0x013B, artist, next);
		entryAscii(tiff, data, 0x8298, copyright, next);
		if (exif.gps()) {
			tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
		}
		tiff.putInt(0);
		if (exif.gps()) {
			tiff.putShort((short) 3);
			tiff.putShort((short) 0x0000).putShort((short) 1).putInt(4).put(new byte[] { 2, 2, 0, 0 });
			tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
			tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(next[0]);
			data.putInt(45).putInt(1).putInt(48).putInt(1).putInt(3000).putInt(100);
			next[0] += 24;
			tiff.putInt(0);
		}
		tiff.put(data.array(), 0, data.position());
		byte[] tiffBytes = new byte[tiff.position()];
		tiff.flip();
		tiff.get(tiffBytes);
		byte[] exifHeader = { 'E', 'x', 'i', 'f', 0, 0 };
		ByteBuffer segment = ByteBuffer.allocate(4 + exifHeader.length + tiffBytes.length);
		segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exifHeader.length + tiffBytes.length));
		segment.put(exifHeader).put(tiffBytes);
		return segment.array();
	}

	private static void entryAscii(ByteBuffer tiff, ByteBuffer data, int tag, byte[] value, int[] next) {
		tiff.putShort((short) tag).putShort((short) 2).putInt(value.length);
		if (value.length <= 4) {
			tiff.put(java.util.Arrays.copyOf(value, 4));
		}
		else {
			tiff.putInt(next[0]);
			data.put(value);
			next[0] += value.length;
		}
	}

	private static byte[] ascii(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
		return java.util.Arrays.copyOf(bytes, bytes.length + 1);
	}

	/** A valid PNG structure whose header claims {@code width} × {@code height} pixels (a decompression bomb). */
	public static byte[] pngClaiming(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
		ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[64 * 1024]);
		deflater.finish();
		byte[] compressed = new byte[64 * 1024];
		int length = deflater.deflate(compressed);
		chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/** The PNG with the middle of its compressed pixel data overwritten with noise (IEND kept). */
	public static byte[] corruptPng(byte[] png) {
		byte[] broken = png.clone();
		int idat = indexOf(broken, "IDAT".getBytes(StandardCharsets.US_ASCII));
		Random random = new Random(7);
		for (int i = idat + 20; i < Math.min(broken.length - 20, idat + 2000); i++) {
			broken[i] = (byte) random.nextInt(256);
		}
		return broken;
	}

	private static int indexOf(byte[] data, byte[] needle) {
		outer: for (int i = 0; i <= data.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
