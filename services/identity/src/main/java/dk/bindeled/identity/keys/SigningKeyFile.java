package dk.bindeled.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token signing key: an RSA 2048 key pair kept as one JWK file. Made on the first start and read on every
 * later one, so its {@code kid} stays the same and tokens issued before a restart still verify after it.
 */
public final class SigningKeyFile {

    public static final String FILE_NAME = "signing-key.jwk.json";
    private static final int KEY_SIZE = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFile.class);

    private SigningKeyFile() {
    }

    public static RSAKey loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(directory);
            RSAKey key = new RSAKeyGenerator(KEY_SIZE)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            // Written beside and moved into place, so a crash mid-write never leaves half a key to be read next time.
            Path temporary = Files.createTempFile(directory, "signing-key", ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
            LOG.info("Made a new signing key {} in {}", key.getKeyID(), file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the signing key in " + file.toAbsolutePath(), e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make an RSA signing key", e);
        }
    }

    private static RSAKey read(Path file) throws IOException {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate() || key.getKeyID() == null || key.size() < KEY_SIZE) {
                throw new IllegalStateException(file.toAbsolutePath() + " is not a private RSA key of at least "
                        + KEY_SIZE + " bits with a kid; delete it to make a new one (tokens issued with it stop verifying)");
            }
            LOG.info("Signing with key {} from {}", key.getKeyID(), file.toAbsolutePath());
            return key;
        } catch (ParseException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not a JWK: " + e.getMessage()
                    + "; delete it to make a new one", e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the directory's own permissions are all there is.
        }
    }
}
