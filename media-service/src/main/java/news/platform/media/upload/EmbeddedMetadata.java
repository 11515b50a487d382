package news.platform.media.upload;

import java.nio.file.Path;
import java.util.function.Supplier;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import news.platform.media.item.MetadataLimits;

/**
 * What the picture says about itself (metadata-extractor): the EXIF orientation, and caption,
 * credit, copyright and source as defaults for the editable metadata. XMP is preferred, then
 * IIM (IPTC), then EXIF, as the IPTC Photo Metadata guidance orders them. Metadata is optional:
 * unreadable metadata yields defaults, never a refused upload.
 */
record EmbeddedMetadata(int orientation, String caption, String credit, String copyright, String source) {

	static final EmbeddedMetadata NONE = new EmbeddedMetadata(1, null, null, null, null);

	static EmbeddedMetadata read(Path file) {
		Metadata metadata;
		try {
			metadata = ImageMetadataReader.readMetadata(file.toFile());
		}
		catch (Exception ex) {
			return NONE;
		}
		ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
		XmpDirectory xmpDirectory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
		XMPMeta xmp = xmpDirectory == null ? null : xmpDirectory.getXMPMeta();
		int orientation = 1;
		if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
			Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
			if (value != null && value >= 1 && value <= 8) {
				orientation = value;
			}
		}
		String caption = first(() -> xmpLocalized(xmp, XMPConst.NS_DC, "description"),
				() -> string(iptc, IptcDirectory.TAG_CAPTION),
				() -> string(exif, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION));
		String credit = first(() -> xmpProperty(xmp, XMPConst.NS_PHOTOSHOP, "Credit"),
				() -> string(iptc, IptcDirectory.TAG_CREDIT), () -> xmpArrayItem(xmp, XMPConst.NS_DC, "creator"),
				() -> string(iptc, IptcDirectory.TAG_BY_LINE), () -> string(exif, ExifIFD0Directory.TAG_ARTIST));
		String copyright = first(() -> xmpLocalized(xmp, XMPConst.NS_DC, "rights"),
				() -> string(iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE),
				() -> string(exif, ExifIFD0Directory.TAG_COPYRIGHT));
		String source = first(() -> xmpProperty(xmp, XMPConst.NS_PHOTOSHOP, "Source"),
				() -> string(iptc, IptcDirectory.TAG_SOURCE));
		return new EmbeddedMetadata(orientation, clean(caption, MetadataLimits.CAPTION),
				clean(credit, MetadataLimits.CREDIT), clean(copyright, MetadataLimits.COPYRIGHT),
				clean(source, MetadataLimits.SOURCE));
	}

	@SafeVarargs
	private static String first(Supplier<String>... candidates) {
		for (Supplier<String> candidate : candidates) {
			try {
				String value = candidate.get();
				if (value != null && !value.isBlank()) {
					return value;
				}
			}
			catch (RuntimeException ex) {
				// a malformed entry is skipped like a missing one
			}
		}
		return null;
	}

	private static String string(Directory directory, int tag) {
		return directory == null ? null : directory.getString(tag);
	}

	private static String xmpLocalized(XMPMeta xmp, String namespace, String property) {
		if (xmp == null) {
			return null;
		}
		try {
			var text = xmp.getLocalizedText(namespace, property, null, XMPConst.X_DEFAULT);
			return text == null ? null : text.getValue();
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static String xmpProperty(XMPMeta xmp, String namespace, String property) {
		if (xmp == null) {
			return null;
		}
		try {
			return xmp.getPropertyString(namespace, property);
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static String xmpArrayItem(XMPMeta xmp, String namespace, String property) {
		if (xmp == null) {
			return null;
		}
		try {
			var item = xmp.getArrayItem(namespace, property, 1);
			return item == null ? null : item.getValue();
		}
		catch (Exception ex) {
			return null;
		}
	}

	/** Control characters out, whitespace collapsed, cut to the field's limit. */
	static String clean(String value, int limit) {
		if (value == null) {
			return null;
		}
		String cleaned = value.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ").replaceAll("[ \\t]+", " ").strip();
		if (cleaned.isEmpty()) {
			return null;
		}
		return cleaned.length() > limit ? cleaned.substring(0, limit) : cleaned;
	}

}
