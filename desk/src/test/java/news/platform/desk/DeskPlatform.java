package news.platform.desk;

import news.platform.testsupport.launcher.PlatformLauncher;

/**
 * One launch of the platform for every browser test class of the desk: launching identity, the
 * services, the site, the desk and the gateway as jars takes about a minute, so four classes each
 * launching their own spent most of the module's build time. The classes share the databases, so
 * each one makes the stories, pictures and comments it looks for and never counts what others made.
 * The processes stop when the test JVM exits.
 */
final class DeskPlatform {

	private static PlatformLauncher platform;

	private DeskPlatform() {
	}

	static synchronized PlatformLauncher get() {
		if (platform == null) {
			// the desk is told media-service's per-file limit of its test profile (PhotosIT uploads one over it)
			platform = PlatformLauncher
				.configure("identity", "article-service", "media-service", "comment-service", "site", "desk", "gateway")
				.with("desk", "desk.photos.max-file-size", "1MB")
				.launch();
			PlatformLauncher launched = platform;
			Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "desk-platform-stop"));
		}
		return platform;
	}

}
