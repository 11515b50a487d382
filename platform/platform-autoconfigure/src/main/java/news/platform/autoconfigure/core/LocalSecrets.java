package news.platform.autoconfigure.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code local} generates on first start and must keep across restarts (identity's signing
 * keys, client secrets and seeded passwords, a web application's session key), in owner-only files
 * under the process's data folder, never in the repository. Files of {@code KEY=value} lines can be sourced by a shell (the run command hands the
 * secrets to the other processes this way). Each file is written to a temporary file and moved into
 * place, so no reader sees half of it.
 */
public final class LocalSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private LocalSecrets() {
	}

	/** A random secret of {@code bytes} bytes, base64url without padding: safe in a shell and a URL. */
	public static String randomSecret(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * The {@code KEY=value} pairs of {@code file}; keys in {@code wanted} that it lacks are
	 * generated and the file rewritten (owner-only). Existing values are never changed.
	 */
	public static synchronized Map<String, String> readOrAdd(Path file, Map<String, Supplier<String>> wanted) {
		Map<String, String> values = read(file);
		boolean added = false;
		for (Map.Entry<String, Supplier<String>> entry : wanted.entrySet()) {
			if (!values.containsKey(entry.getKey())) {
				values.put(entry.getKey(), entry.getValue().get());
				added = true;
			}
		}
		if (added) {
			StringBuilder content = new StringBuilder(
					"# generated on first start (local profile only); keep it private\n");
			values.forEach((key, value) -> content.append(key).append('=').append(value).append('\n'));
			writeOwnerOnly(file, content.toString());
		}
		return values;
	}

	public static Map<String, String> read(Path file) {
		Map<String, String> values = new LinkedHashMap<>();
		if (!Files.isRegularFile(file)) {
			return values;
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (String line : lines) {
				int equals = line.indexOf('=');
				if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
					values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
				}
			}
			return values;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** Writes {@code content} readable and writable by the owner alone (where the file system knows POSIX modes). */
	public static void writeOwnerOnly(Path file, String content) {
		try {
			Path folder = file.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
				// the folder too: the embedded MongoDB keeps the password hashes beside these files
				Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
			}
			Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
			try {
				if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
					Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
				}
				Files.writeString(temporary, content, StandardCharsets.UTF_8);
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

}
