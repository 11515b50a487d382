package news.platform.desk.photos;

/**
 * What became of one file of an upload: the picture made ({@code id}), or why not in the desk's
 * words ({@code key}, a bundle key) with media-service's own sentence ({@code detail}).
 */
public record Upload(String fileName, String id, String key, String detail) {

	public boolean ok() {
		return this.id != null;
	}

}
