import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Makes the development key pair of the {@code local} profile, with the JDK alone (no openssl):
 * <pre>
 *   java tools/dev-issuer/DevIssuerKeys.java ./data/dev-issuer
 * </pre>
 * Writes {@code private.pem} (PKCS#8, {@code -----BEGIN PRIVATE KEY-----}, mode 600 where the file
 * system has POSIX permissions) and {@code public.pem} (X.509 SubjectPublicKeyInfo,
 * {@code -----BEGIN PUBLIC KEY-----}), RSA 2048. The services validate development tokens with the
 * public key; the gateway signs them with the private key (local profile only).
 * <p>
 * Idempotent: an existing, readable pair is kept. A private key without its public key gets the
 * public key derived from it again. A public key without its private key is useless (nobody can
 * sign for it), so the pair is made anew. Each file is written to a temporary file in the same
 * folder and moved into place, so a reader never sees half a key.
 * <p>
 * Exit codes: 0 pair present or made, 1 failure (reason on stderr), 2 usage.
 */
public final class DevIssuerKeys {

    private static final int KEY_BITS = 2048;

    private DevIssuerKeys() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println("usage: java tools/dev-issuer/DevIssuerKeys.java <folder>   (e.g. ./data/dev-issuer)");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        try {
            System.out.println(ensurePair(folder));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            System.err.println("DevIssuerKeys: cannot make the key pair in " + folder.toAbsolutePath().normalize() + ": " + e);
            System.exit(1);
        }
    }

    static String ensurePair(Path folder) throws IOException, GeneralSecurityException {
        Path privateFile = folder.resolve("private.pem");
        Path publicFile = folder.resolve("public.pem");
        Files.createDirectories(folder);
        KeyFactory rsa = KeyFactory.getInstance("RSA");

        if (Files.exists(privateFile)) {
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(readPem(privateFile, "PRIVATE KEY")));
            RSAPublicKey derived = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            if (Files.exists(publicFile)) {
                RSAPublicKey existing = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(readPem(publicFile, "PUBLIC KEY")));
                if (!existing.getModulus().equals(derived.getModulus())
                    || !existing.getPublicExponent().equals(derived.getPublicExponent())) {
                    throw new IllegalArgumentException(publicFile + " does not belong to " + privateFile
                        + "; delete both files to make a new pair");
                }
                restrict(privateFile);
                return "kept the existing key pair in " + folder;
            }
            writeAtomically(publicFile, pem("PUBLIC KEY", derived.getEncoded()), false);
            restrict(privateFile);
            return "derived " + publicFile + " from the existing private key";
        }

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_BITS);
        KeyPair pair = generator.generateKeyPair();
        // private first: a folder holding only a private key is repaired by the next run
        writeAtomically(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        writeAtomically(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
        return "made a new RSA " + KEY_BITS + " key pair in " + folder;
    }

    private static byte[] readPem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file + " is not a PEM file of type '" + type + "'");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = posix()
            ? Files.createTempFile(folder, ".key-", ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")))
            : Files.createTempFile(folder, ".key-", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        if (secret) {
            restrict(target);
        }
    }

    private static void restrict(Path privateFile) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
