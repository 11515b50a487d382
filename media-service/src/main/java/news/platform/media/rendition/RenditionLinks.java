package news.platform.media.rendition;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import news.platform.media.MediaProperties;
import news.platform.media.item.MediaItem;
import news.platform.media.item.RenditionUrls;

/** Rendition URLs as clients should use them: everything that changes the bytes is in the URL. */
@Component
class RenditionLinks implements RenditionUrls {

	private final MediaProperties.Renditions config;

	RenditionLinks(MediaProperties properties) {
		this.config = properties.renditions();
	}

	/** preset name → URL with the current focal point and {@code format=auto}. */
	@Override
	public Map<String, String> presets(MediaItem item) {
		Map<String, String> links = new LinkedHashMap<>();
		this.config.presets().keySet().forEach(name -> links.put(name, "/api/v1/media/" + item.id()
				+ "/rendition?preset=" + name + "&fp=" + focal(item.focalX(), item.focalY()) + "&format=auto"));
		return links;
	}

	static String canonical(String id, RenditionSpec spec, double focalX, double focalY) {
		StringBuilder url = new StringBuilder("/api/v1/media/").append(id).append("/rendition?");
		if (spec.preset() != null) {
			url.append("preset=").append(spec.preset());
		}
		else {
			url.append("w=").append(spec.width());
			if (spec.height() > 0) {
				url.append("&h=").append(spec.height());
			}
			url.append("&fit=").append(spec.fit());
			if (spec.signature() != null) {
				url.append("&sig=").append(spec.signature());
			}
		}
		url.append("&fp=").append(focal(focalX, focalY));
		url.append("&format=").append(spec.format() == null ? "auto" : spec.format().token());
		return url.toString();
	}

	static String focal(double x, double y) {
		return plain(x) + "," + plain(y);
	}

	private static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
