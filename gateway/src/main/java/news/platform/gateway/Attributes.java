package news.platform.gateway;

/** Exchange attributes that one feature package sets and another reads. */
public final class Attributes {

	/** The validated token's subject; absent for anonymous requests. */
	public static final String USER_ID = "platform.userId";

	private Attributes() {
	}

}
