package dk.bindeled.referrals.command;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dk.bindeled.referrals.api.Sealed;
import dk.bindeled.referrals.domain.PersonalDataVault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The vault on Google Tink's AES256-GCM, with the keys in a table of their own ({@code resident_keys}) on the command's
 * connection, so a key made or deleted commits or rolls back with the event that needed it. Locally the keysets are
 * stored as they are; in production the same interface sits on a KMS (the keys wrapped by a key that never leaves it).
 */
@Component
public class TinkVault implements PersonalDataVault {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD cannot be registered", e);
        }
    }

    private final JdbcClient jdbc;

    public TinkVault(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Sealed seal(String residentId, String controller, byte[] plaintext) {
        try {
            Aead aead = key(residentId, controller).orElseGet(() -> create(residentId, controller));
            byte[] ciphertext = aead.encrypt(plaintext, associated(residentId, controller));
            return new Sealed(controller, Base64.getEncoder().encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    @Override
    public Optional<byte[]> open(String residentId, Sealed sealed) {
        Optional<Aead> aead = key(residentId, sealed.controller());
        if (aead.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(aead.get().decrypt(Base64.getDecoder().decode(sealed.ciphertext()), associated(residentId, sealed.controller())));
        } catch (GeneralSecurityException e) {
            // Not sealed under this resident's and controller's key: never shown as theirs.
            return Optional.empty();
        }
    }

    @Override
    public boolean forget(String residentId, String controller) {
        return jdbc.sql("DELETE FROM resident_keys WHERE resident_id = ? AND controller = ?").params(residentId, controller).update() > 0;
    }

    @Override
    public boolean holds(String residentId, String controller) {
        return jdbc.sql("SELECT COUNT(*) FROM resident_keys WHERE resident_id = ? AND controller = ?").params(residentId, controller)
                .query(Long.class).single() > 0;
    }

    private Optional<Aead> key(String residentId, String controller) {
        return jdbc.sql("SELECT keyset FROM resident_keys WHERE resident_id = ? AND controller = ?")
                .params(residentId, controller)
                .query((rs, row) -> rs.getBytes(1))
                .optional()
                .map(TinkVault::aead);
    }

    private Aead create(String residentId, String controller) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] keyset = TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            // Two requests may make the first key at once: the first insert wins and both use it.
            jdbc.sql("INSERT INTO resident_keys (resident_id, controller, keyset, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING")
                    .params(residentId, controller, keyset).update();
            return key(residentId, controller).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A key could not be made", e);
        }
    }

    private static Aead aead(byte[] keyset) {
        try {
            return TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored key cannot be read", e);
        }
    }

    private static byte[] associated(String residentId, String controller) {
        return (residentId + "|" + controller).getBytes(StandardCharsets.UTF_8);
    }
}
