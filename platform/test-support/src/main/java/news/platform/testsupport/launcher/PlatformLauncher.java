package news.platform.testsupport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.platform.embeddedmongo.EmbeddedMongoServer;

/**
 * Starts the platform's built jars as child processes for tests that need several Boot
 * applications at once (a sign-in through identity, a token used through the gateway, a browser
 * test of the site): random ports, a temporary data folder, one embedded MongoDB in memory (each
 * process in its own database), client secrets made for this run and handed to identity and to
 * each process, the shared configuration read from {@code config/} in the {@code test} profile.
 * Runs in a module's integration-test phase, after {@code package}; the module declares the
 * modules it starts (so {@code ./mvnw -pl <module> -am verify} builds them).
 *
 * <pre>{@code
 * try (PlatformLauncher platform = PlatformLauncher.start("identity", "article-service", "gateway")) {
 *     String gateway = platform.url("gateway");
 * }
 * }</pre>
 */
public final class PlatformLauncher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PlatformLauncher.class);

	/** The clients identity registers in every launch, with a secret made for the launch. */
	private static final List<String> SERVICE_CLIENTS = List.of("article-service", "media-service", "comment-service");

	private static final List<String> BROWSER_CLIENTS = List.of("site", "desk");

	private static final List<String> UPSTREAMS = List.of("article-service", "media-service", "comment-service",
			"identity", "site", "desk", "gateway");

	private static final Map<String, String> ARTIFACTS = Map.of("config", "config-server");

	/**
	 * How long one launched process may take to become ready: 3 minutes, enough on an idle 2-core
	 * machine many times over; a machine shared with other builds can raise it with
	 * {@code -Dplatform.launcher.ready-within=PT6M}.
	 */
	private static final Duration READY_WITHIN = Duration
		.parse(System.getProperty("platform.launcher.ready-within", "PT3M"));

	private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private static final java.util.Random RANDOM = new SecureRandom();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Path root;

	private final Path data;

	private final Path logs;

	private final EmbeddedMongoServer mongo;

	private final Map<String, Child> children = new LinkedHashMap<>();

	private final Map<String, String> secrets = new LinkedHashMap<>();

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, Integer> managementPorts = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> extraArguments = new LinkedHashMap<>();

	/** The site's public base URL in this launch: the gateway's address, or an address nobody serves. */
	private final String publicSite;

	private record Child(String name, Process process, Path log) {
	}

	private PlatformLauncher(List<String> modules) {
		this.root = repositoryRoot();
		try {
			this.data = Files.createTempDirectory("platform-launch-");
			this.logs = Path.of(System.getProperty("platform.build.directory", "target")).resolve("launcher");
			Files.createDirectories(this.logs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.mongo = EmbeddedMongoServer.startInMemory();
		for (String module : modules) {
			this.ports.put(module, freePort());
			this.managementPorts.put(module, freePort());
		}
		Stream.concat(SERVICE_CLIENTS.stream(), BROWSER_CLIENTS.stream())
			.forEach(client -> this.secrets.put(client, secret()));
		this.publicSite = this.ports.containsKey("gateway") ? url("gateway") : "http://localhost:" + freePort();
	}

	/** Starts {@code modules} (identity first when named) and waits until every one is ready. */
	public static PlatformLauncher start(String... modules) {
		return configure(modules).launch();
	}

	/** To add arguments of one process before {@link #launch()}. */
	public static PlatformLauncher configure(String... modules) {
		return new PlatformLauncher(List.of(modules));
	}

	/** {@code --key=value} for {@code module}, before {@link #launch()}. */
	public PlatformLauncher with(String module, String key, String value) {
		this.extraArguments.computeIfAbsent(module, name -> new LinkedHashMap<>()).put(key, value);
		return this;
	}

	public PlatformLauncher launch() {
		Instant started = Instant.now();
		try {
			for (String module : this.ports.keySet()) {
				this.children.put(module, spawn(module));
			}
			for (String module : this.ports.keySet()) {
				awaitReady(module, READY_WITHIN);
			}
		}
		catch (RuntimeException | Error ex) {
			close();
			throw ex;
		}
		log.info("Launched {} in {} ms (logs in {})", this.ports.keySet(),
				Duration.between(started, Instant.now()).toMillis(), this.logs.toAbsolutePath());
		return this;
	}

	/** The application URL of a launched module: {@code http://localhost:<port>}. */
	public String url(String module) {
		return "http://localhost:" + port(module);
	}

	/** The site's public base URL every process was given ({@code platform.public-urls.site}). */
	public String publicSite() {
		return this.publicSite;
	}

	public String managementUrl(String module) {
		return "http://localhost:" + this.managementPorts.get(module);
	}

	public int port(String module) {
		Integer port = this.ports.get(module);
		if (port == null) {
			throw new IllegalArgumentException(module + " is not part of this launch");
		}
		return port;
	}

	/** The client secret made for this launch ({@code site}, {@code desk}, a service's name). */
	public String clientSecret(String client) {
		return this.secrets.get(client);
	}

	/** The seeded accounts' passwords by user name (one account per role, named after its role). */
	public Map<String, String> accounts() {
		Path file = this.data.resolve("identity").resolve("accounts.env");
		Map<String, String> accounts = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(file)) {
				if (line.startsWith("PASSWORD_")) {
					int equals = line.indexOf('=');
					accounts.put(line.substring(9, equals).toLowerCase(java.util.Locale.ROOT), line.substring(equals + 1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No seeded accounts at " + file + " (is identity part of the launch?)", ex);
		}
		return accounts;
	}

	/**
	 * An access token of a seeded account ({@code journalist}, {@code editor}…), taken as a person
	 * takes one: the authorization code flow with PKCE through identity's sign-in form, as the site.
	 * For tests that set data up through the API before a browser looks at it.
	 */
	public String accessToken(String username) {
		String identity = url("identity");
		String redirect = this.publicSite + "/login/oauth2/code/identity";
		SignInSession browser = new SignInSession();
		SignInSession.Pkce pkce = SignInSession.Pkce.create();
		String authorize = identity + "/oauth2/authorize?response_type=code&client_id=site&scope=openid%20profile"
				+ "&state=t&redirect_uri=" + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8)
				+ "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
		browser.get(authorize, "Accept", "text/html");
		SignInSession.Answer signedIn = browser.signIn(identity, username, accounts().get(username));
		SignInSession.Answer back = browser.get(signedIn.location(), "Accept", "text/html");
		String code = back.location() == null ? null : back.query("code");
		if (code == null) {
			throw new IllegalStateException("No authorization code for " + username + " (" + back.status() + "): "
					+ back.body());
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", redirect);
		form.put("code_verifier", pkce.verifier());
		SignInSession.Answer tokens = browser.postForm(identity + "/oauth2/token", form, "Authorization",
				SignInSession.basic("site", clientSecret("site")));
		if (tokens.status() != 200) {
			throw new IllegalStateException("Token exchange for " + username + " answered " + tokens.status() + ": "
					+ tokens.body());
		}
		return tokens.json().path("access_token").asString();
	}

	/** The tail of a module's log, for a failing test's message. */
	public String logTail(String module, int lines) {
		Child child = this.children.get(module);
		if (child == null) {
			return "";
		}
		try {
			List<String> all = Files.readAllLines(child.log(), StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** Stops one module (SIGTERM, then a kill), to start it again with {@link #restart}. */
	public void stop(String module) {
		Child child = this.children.remove(module);
		if (child != null) {
			stop(child);
		}
	}

	/** Starts a stopped module again on its ports, with these extra arguments, and waits until it is ready. */
	public void restart(String module, Map<String, String> arguments) {
		stop(module);
		this.extraArguments.put(module, new LinkedHashMap<>(arguments));
		this.children.put(module, spawn(module));
		awaitReady(module, READY_WITHIN);
	}

	/** The data folder identity keeps its keys, secrets and seeded passwords in. */
	public Path identityData() {
		return this.data.resolve("identity");
	}

	/**
	 * Starts another replica of a launched module: the same jar and arguments (the same MongoDB
	 * URI, so the same database; the same issuer and client secret), its own ports and log
	 * ({@code <module>-<n>.log}). Returns at once, so a test can let it start while it does other
	 * work; {@link Replica#ready()} waits. Not in {@link #url}'s table: nothing else is pointed at
	 * it, the test calls it by {@link Replica#url()}. {@link #close()} stops it too.
	 */
	public synchronized Replica startReplica(String module) {
		port(module);
		long others = this.children.keySet().stream().filter(name -> name.startsWith(module + "#")).count();
		String name = module + "#" + (others + 2);
		int port = freePort();
		int management = freePort();
		Map<String, String> arguments = arguments(module, ARTIFACTS.getOrDefault(module, module));
		arguments.put("server.port", String.valueOf(port));
		arguments.put("management.server.port", String.valueOf(management));
		Child child = spawn(module, arguments, this.logs.resolve(module + "-" + (others + 2) + ".log"));
		this.children.put(name, child);
		return new Replica(name, port, management);
	}

	/** A second (third…) process of a launched module, from {@link #startReplica}. */
	public final class Replica implements AutoCloseable {

		private final String name;

		private final int port;

		private final int managementPort;

		private Replica(String name, int port, int managementPort) {
			this.name = name;
			this.port = port;
			this.managementPort = managementPort;
		}

		/** Waits until it is ready (as the launch waits for each module). */
		public Replica ready() {
			awaitReady(this.name, URI.create(managementUrl() + "/actuator/health/readiness"), READY_WITHIN);
			return this;
		}

		public String url() {
			return "http://localhost:" + this.port;
		}

		public String managementUrl() {
			return "http://localhost:" + this.managementPort;
		}

		/** Stops it (SIGTERM, then a kill). */
		@Override
		public void close() {
			PlatformLauncher.this.stop(this.name);
		}

	}

	private Child spawn(String module) {
		return spawn(module, arguments(module, ARTIFACTS.getOrDefault(module, module)),
				this.logs.resolve(module + ".log"));
	}

	private Child spawn(String module, Map<String, String> arguments, Path logFile) {
		Path jar = jar(module);
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Xss512k", "-Xmx320m", "-Djava.security.egd=file:/dev/urandom", "-jar", jar.toString()));
		arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logFile.toFile())
				.directory(this.data.toFile());
			builder.environment().remove("MONGODB_URI");
			builder.environment().remove("SPRING_PROFILES_ACTIVE");
			return new Child(module, builder.start(), logFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + module, ex);
		}
	}

	private Map<String, String> arguments(String module, String application) {
		Path config = this.root.resolve("config/src/main/resources/config-repo");
		String issuer = this.ports.containsKey("identity") ? url("identity") : "http://localhost:1";
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("spring.profiles.active", "test");
		arguments.put("spring.cloud.config.enabled", "false");
		arguments.put("spring.config.import", "optional:file:" + config.resolve("application.yml") + ",optional:file:"
				+ config.resolve(applicationName(module) + ".yml"));
		arguments.put("server.port", String.valueOf(port(module)));
		arguments.put("management.server.port", String.valueOf(this.managementPorts.get(module)));
		arguments.put("spring.mongodb.uri", this.mongo.connectionString());
		arguments.put("platform.public-urls.site", this.publicSite);
		arguments.put("platform.security.issuer", issuer);
		arguments.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer + "/oauth2/jwks");
		arguments.put("spring.security.oauth2.resourceserver.jwt.audiences", "news-platform");
		arguments.put("platform.service-tokens.token-uri", issuer + "/oauth2/token");
		arguments.put("platform.service-tokens.client-id", applicationName(module));
		arguments.put("platform.service-tokens.client-secret",
				this.secrets.getOrDefault(applicationName(module), "none"));
		// every upstream a process may name; those not launched point at a closed port
		for (String other : UPSTREAMS) {
			arguments.put("platform.upstreams." + other, this.ports.containsKey(other) ? url(other) : "http://127.0.0.1:9");
		}
		if (module.equals("identity")) {
			arguments.put("platform.identity.issuer", issuer);
			arguments.put("platform.identity.data-directory", identityData().toString());
			arguments.put("platform.identity.seed-accounts", "true");
			this.secrets.forEach((client, secret) -> arguments.put("platform.identity.clients." + client + ".secret",
					secret));
		}
		arguments.putAll(this.extraArguments.getOrDefault(module, Map.of()));
		return arguments;
	}

	private static String applicationName(String module) {
		return module.equals("config") ? "config-server" : module;
	}

	private void awaitReady(String module, Duration timeout) {
		awaitReady(module, URI.create(managementUrl(module) + "/actuator/health/readiness"), timeout);
	}

	private void awaitReady(String module, URI readiness, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		Child child = this.children.get(module);
		while (Instant.now().isBefore(deadline)) {
			if (!child.process().isAlive()) {
				throw new IllegalStateException(module + " stopped while starting (exit " + child.process().exitValue()
						+ "):\n" + logTail(module, 40));
			}
			try {
				HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			child.process().onExit().completeOnTimeout(null, 250, TimeUnit.MILLISECONDS).join();
		}
		throw new IllegalStateException(module + " was not ready within " + timeout + ":\n" + logTail(module, 40));
	}

	private Path jar(String module) {
		String buildDirectory = System.getProperty("platform.build.dir", "target");
		Path folder = this.root.resolve(module).resolve(buildDirectory);
		String artifact = ARTIFACTS.getOrDefault(module, module);
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.getFileName().toString().startsWith(artifact + "-"))
				.filter(file -> file.getFileName().toString().endsWith(".jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar of " + module + " in " + folder
						+ ": build it first (the module's tests declare it, so ./mvnw -pl <module> -am verify does)"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No build folder " + folder + ": build " + module + " first", ex);
		}
	}

	private static Path repositoryRoot() {
		String configured = System.getProperty("platform.repository.root");
		Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
		for (Path folder = start.toAbsolutePath(); folder != null; folder = folder.getParent()) {
			if (Files.isDirectory(folder.resolve("config/src/main/resources/config-repo"))
					&& Files.isRegularFile(folder.resolve("pom.xml"))) {
				return folder;
			}
		}
		throw new IllegalStateException("Not inside the repository: " + start);
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * A port nobody listens on, below the kernel's ephemeral range. A port the kernel picks for
	 * {@code new ServerSocket(0)} comes from the range it also gives outgoing connections and
	 * other processes' port-0 listeners, so between choosing it and the child binding it another
	 * launched process could take it (seen: a gateway failing with "port already in use"); a port
	 * below that range is only ever taken by a process that asks for it by number. Ports handed out
	 * in this JVM are not handed out again.
	 */
	private static int freePort() {
		int below = ephemeralRangeStart();
		int from = Math.max(1024, below - 12_000);
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = from + RANDOM.nextInt(below - from);
			if (!HANDED_OUT.add(port)) {
				continue;
			}
			try (ServerSocket socket = new ServerSocket(port)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				// in use: try another
			}
		}
		throw new IllegalStateException("no free port between " + from + " and " + below);
	}

	private static int ephemeralRangeStart() {
		// read line by line: Files.readString trusts the size /proc reports and returns a fragment
		try (var lines = Files.lines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
			int start = Integer.parseInt(lines.findFirst().orElse("").strip().split("\\s+")[0]);
			if (start >= 16_384 && start <= 65_535) {
				return start;
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or unreadable: as below
		}
		// Linux's default start of the range (the IANA dynamic range starts at 49152, above it)
		return 32_768;
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void stop(Child child) {
		child.process().destroy();
		try {
			if (!child.process().waitFor(15, TimeUnit.SECONDS)) {
				child.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		new ArrayList<>(this.children.values()).forEach(PlatformLauncher::stop);
		this.children.clear();
		this.mongo.close();
	}


}
