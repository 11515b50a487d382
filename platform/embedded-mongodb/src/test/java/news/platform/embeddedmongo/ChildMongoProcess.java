package news.platform.embeddedmongo;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A real child JVM running {@link EmbeddedMongoChild} on a file; stdout and stderr go to a log file. */
final class ChildMongoProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ChildMongoProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ChildMongoProcess start(Path file, Path log, String... extraArgs) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), EmbeddedMongoChild.class.getName(), file.toString()));
        command.addAll(List.of(extraArgs));
        Process process;
        try {
            Files.deleteIfExists(log);
            process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int port = await("child JVM prints its port")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .failFast("child JVM exited, see " + log, () -> !process.isAlive())
                .until(() -> readPort(log), Optional::isPresent)
                .orElseThrow();
            return new ChildMongoProcess(process, log, port);
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static Optional<Integer> readPort(Path log) throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        return Files.readAllLines(log).stream()
            .filter(line -> line.startsWith(EmbeddedMongoChild.PORT_PREFIX))
            .map(line -> Integer.valueOf(line.substring(EmbeddedMongoChild.PORT_PREFIX.length()).trim()))
            .findFirst();
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** SIGKILL, then wait until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
