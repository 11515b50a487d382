package news.platform.article.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The service compresses its own responses once, so each representation keeps a stable ETag;
 * the reader and the list/search endpoints negotiate and compress the same way.
 */
public final class ContentCoding {

	private ContentCoding() {
	}

	/** Whether {@code Accept-Encoding} allows gzip (RFC 9110: by name or {@code *}, unless q=0). */
	public static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String part : acceptEncoding.split(",")) {
			String[] pieces = part.trim().split(";");
			String coding = pieces[0].trim();
			if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
				for (int i = 1; i < pieces.length; i++) {
					String parameter = pieces[i].trim().replace(" ", "");
					if (parameter.startsWith("q=") && parameter.substring(2).matches("0(\\.0*)?")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

	public static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
		try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
			zip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
