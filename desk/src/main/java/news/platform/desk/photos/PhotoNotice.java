package news.platform.desk.photos;

/** What the photo page says about the last action; {@code field} is the field it marks, or null. */
public record PhotoNotice(boolean ok, String key, String detail, String field) {

	public boolean marks(String name) {
		return name.equals(this.field);
	}

}
