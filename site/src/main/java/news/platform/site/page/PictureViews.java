package news.platform.site.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.site.content.Picture;

/**
 * {@code <picture>} data from media-service's presets: the 16:9 cover crops around the focal point
 * ({@code thumb} 320, {@code card} 640, {@code hero} 1200 wide) as WebP and JPEG {@code srcset}s,
 * the intrinsic size for {@code width}/{@code height} (nothing moves while it loads), and the
 * dominant colour as the placeholder.
 */
final class PictureViews {

	/** A preset and its box. */
	private record Preset(String name, int width, int height) {
	}

	private static final List<Preset> COVER_16_9 = List.of(new Preset("thumb", 320, 180), new Preset("card", 640, 360),
			new Preset("hero", 1200, 675));

	/** The article's column: full width on phones, 720 CSS pixels from tablets up. */
	static final String SIZES_COLUMN = "(min-width: 760px) 720px, 100vw";

	/** The home page's lead story: the whole content width. */
	static final String SIZES_LEAD = "(min-width: 1100px) 1040px, 100vw";

	/** A teaser's small picture. */
	static final String SIZES_TEASER = "(min-width: 760px) 240px, 34vw";

	private final PublicUrls urls;

	PictureViews(PublicUrls urls) {
		this.urls = urls;
	}

	/**
	 * @param largest the largest preset worth sending (a teaser never needs the hero crop)
	 * @param styles collects the page's {@code style} attribute values (for its CSP)
	 */
	Views.PictureView view(Picture picture, String alt, String caption, String credit, String sizes, int largest,
			boolean eager, Set<String> styles) {
		List<String> webp = new ArrayList<>();
		List<String> jpeg = new ArrayList<>();
		String src = null;
		// never enlarged: a small original makes renditions at its own scale, 16:9 kept
		double scale = picture.width() > 0 && picture.height() > 0
				? Math.min(1.0, Math.min(picture.width() / 1200.0, picture.height() / 675.0)) : 1.0;
		int width = 0;
		int height = 0;
		int lastWidth = 0;
		for (Preset preset : COVER_16_9) {
			if (preset.width() > largest) {
				break;
			}
			int w = (int) Math.min(preset.width(), Math.round(1200 * scale));
			if (w <= lastWidth) {
				continue;
			}
			lastWidth = w;
			String url = rendition(picture, preset.name());
			webp.add(format(url, "webp") + " " + w + "w");
			jpeg.add(format(url, "jpeg") + " " + w + "w");
			src = format(url, "jpeg");
			width = w;
			height = (int) Math.round(w * 9.0 / 16.0);
		}
		String placeholder = null;
		if (picture.dominantColour() != null) {
			placeholder = "background-color:" + picture.dominantColour().toLowerCase(java.util.Locale.ROOT);
			styles.add(placeholder);
		}
		return new Views.PictureView(String.join(", ", webp), String.join(", ", jpeg), src, sizes, width, height,
				alt == null ? "" : alt, eager, placeholder, blankToNull(caption), blankToNull(credit));
	}

	/**
	 * The preset's URL from the item's own links (they carry the current focal point), absolute, its
	 * commas escaped: {@code srcset} separates candidates with commas, and the focal point
	 * ({@code fp=0.3,0.6}) would otherwise read as two to any parser less careful than a browser's.
	 */
	private String rendition(Picture picture, String preset) {
		String path = picture.renditions().get(preset);
		if (path == null) {
			path = "/api/v1/media/" + picture.id() + "/rendition?preset=" + preset + "&format=auto";
		}
		path = path.replace(",", "%2C");
		if (path.startsWith("http://") || path.startsWith("https://")) {
			return path;
		}
		String relative = path.startsWith("/api/v1") ? path.substring("/api/v1".length()) : path;
		return this.urls.api(relative).toString();
	}

	private static String format(String url, String format) {
		if (url.contains("format=")) {
			return url.replaceAll("format=[a-z]+", "format=" + format);
		}
		return url + (url.contains("?") ? "&" : "?") + "format=" + format;
	}

	/** The CSP source of a {@code style} attribute's value: {@code 'sha256-…'}. */
	static String hashSource(String style) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
			return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
