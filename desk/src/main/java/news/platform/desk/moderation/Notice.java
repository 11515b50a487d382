package news.platform.desk.moderation;

/**
 * What a page says about the last action: done ({@code ok}), refused by the service or by the
 * desk's own checks, or a conflict. {@code key} is a bundle key; {@code detail} the service's own
 * sentence (English), or null; {@code field} the field it names, for marking it.
 */
public record Notice(String kind, String key, String detail, String field) {

	static Notice ok(String key) {
		return new Notice("ok", key, null, null);
	}

	static Notice problem(String key, String field) {
		return new Notice("problem", key, null, field);
	}

	public boolean ok() {
		return "ok".equals(this.kind);
	}

	public boolean marks(String name) {
		return name.equals(this.field);
	}

}
