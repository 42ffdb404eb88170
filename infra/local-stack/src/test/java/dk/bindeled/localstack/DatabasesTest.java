package dk.bindeled.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabasesTest {

    @Test
    void buildsEachDatabaseUrlFromTheServerPart() {
        assertThat(new Databases("jdbc:postgresql://127.0.0.1:5432/", "u", "p").url("bindeled_dashboard"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/bindeled_dashboard");
        assertThat(new Databases("jdbc:postgresql://db:5432", "u", "p").url("x")).isEqualTo("jdbc:postgresql://db:5432/x");
        assertThat(new Databases("jdbc:postgresql://db:5432/postgres?sslmode=require", "u", "p").url("x"))
                .isEqualTo("jdbc:postgresql://db:5432/x?sslmode=require");
    }
}
