package dk.bindeled.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @Test
    void theFirstLoadMakesAKeyAndEveryLaterLoadReadsTheSameOne(@TempDir Path dir) throws Exception {
        Path keyDir = dir.resolve("not/yet/there");
        RSAKey made = SigningKeyFile.loadOrCreate(keyDir);
        assertThat(made.size()).isEqualTo(2048);
        assertThat(made.isPrivate()).isTrue();
        assertThat(made.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(made.getKeyID()).isNotBlank();
        Path file = keyDir.resolve(SigningKeyFile.FILE_NAME);
        assertThat(file).exists();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        try (var leftovers = Files.list(keyDir)) {
            assertThat(leftovers).as("no temporary file left behind").containsExactly(file);
        }

        RSAKey read = SigningKeyFile.loadOrCreate(keyDir);
        assertThat(read.getKeyID()).isEqualTo(made.getKeyID());
        assertThat(read.toRSAPrivateKey()).isEqualTo(made.toRSAPrivateKey());
    }

    @Test
    void aDamagedFileStopsTheStartAndSaysWhatToDo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(SigningKeyFile.FILE_NAME), "{\"kty\":");
        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a JWK").hasMessageContaining("delete it");
    }

    @Test
    void aPublicKeyAloneCannotSign(@TempDir Path dir) throws Exception {
        RSAKey key = SigningKeyFile.loadOrCreate(dir.resolve("a"));
        Files.writeString(dir.resolve(SigningKeyFile.FILE_NAME), key.toPublicJWK().toJSONString());
        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a private RSA key");
    }
}
