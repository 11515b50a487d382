package news.platform.media.item;

/**
 * Longest accepted text per metadata field (characters): the editing rules refuse longer text, and
 * the upload cuts what a picture says about itself to the same lengths.
 */
public final class MetadataLimits {

	public static final int ALT = 500;

	public static final int CAPTION = 2000;

	public static final int CREDIT = 300;

	public static final int COPYRIGHT = 500;

	public static final int SOURCE = 300;

	public static final int TAG = 64;

	public static final int TAGS = 30;

	/** The uploaded file's name, as kept (longer names are cut). */
	public static final int FILE_NAME = 255;

	private MetadataLimits() {
	}

}
