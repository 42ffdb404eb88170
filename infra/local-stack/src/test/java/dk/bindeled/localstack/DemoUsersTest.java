package dk.bindeled.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the launcher prints is the identity service's own file: every user, with the password that works. */
class DemoUsersTest {

    private final DemoUsers users = DemoUsers.load(Path.of("").toAbsolutePath().getParent().getParent());

    @Test
    void everyRoleHasAUserAndThePrintedTableNamesEachWithPasswordAndOrganisation() {
        assertThat(users.users()).extracting(DemoUsers.User::roles).flatExtracting(r -> r)
                .contains("admin", "centre-manager", "centre-staff", "caseworker", "partner-admin", "partner-member",
                        "coordinator", "viewer");
        String table = users.table();
        for (DemoUsers.User user : users.users()) {
            assertThat(table).contains(user.username()).contains(user.password());
            assertThat(user.password()).isEqualTo("demo-" + user.username());
        }
        // Organisations are shown by name, not by key.
        assertThat(table).contains("Café Sumak").doesNotContain(" cafe-sumak ");
    }

    @Test
    void theSeedersClientIsListedWithItsSecret() {
        assertThat(users.clients()).anySatisfy(c -> {
            assertThat(c.clientId()).isEqualTo(LocalStack.SEEDER_CLIENT);
            assertThat(c.secret()).isEqualTo(LocalStack.SEEDER_SECRET);
            assertThat(c.grants()).contains("client_credentials");
        });
        assertThat(users.table()).contains("script-cafe-sumak");
    }
}
