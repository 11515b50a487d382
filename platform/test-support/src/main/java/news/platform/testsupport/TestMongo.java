package news.platform.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

import news.platform.embeddedmongo.EmbeddedMongoServer;

/**
 * One MongoDB per test JVM: a real {@code mongo:8} from Testcontainers when a Docker engine
 * answers, else the embedded wire-compatible server in memory. Every module's tests share it
 * through {@link ServiceIntegrationTest}; the log says which one ran.
 */
public final class TestMongo {

	private static final Logger log = LoggerFactory.getLogger(TestMongo.class);

	private static volatile String connectionString;

	private static volatile String kind;

	private TestMongo() {
	}

	/** The connection string without a database; each service picks its own database. */
	public static String connectionString() {
		if (connectionString == null) {
			synchronized (TestMongo.class) {
				if (connectionString == null) {
					start();
				}
			}
		}
		return connectionString;
	}

	/** {@code mongo:8 (Testcontainers)} or {@code embedded (in memory)}. */
	public static String kind() {
		connectionString();
		return kind;
	}

	public static boolean isRealMongo() {
		return kind().startsWith("mongo:");
	}

	private static void start() {
		long started = System.nanoTime();
		boolean docker = dockerAvailable();
		if (docker) {
			MongoDBContainer container = new MongoDBContainer("mongo:8");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-mongo-stop"));
			connectionString = container.getConnectionString();
			kind = "mongo:8 (Testcontainers)";
		}
		else {
			EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-mongo-stop"));
			connectionString = server.connectionString();
			kind = "embedded (in memory; no Docker engine found)";
		}
		log.info("Tests run against MongoDB {} at {} (ready in {} ms)", kind, connectionString,
				(System.nanoTime() - started) / 1_000_000);
	}

	private static boolean dockerAvailable() {
		if (Boolean.getBoolean("platform.test.mongo.embedded")) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
