package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.events.partner.v1.PartnerRegistered;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/** The Danish page in a real headless Chromium: it shows the overview and follows the stream without reloading. */
class DashboardPageBrowserIT extends DashboardIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ChromeDriverService service;
    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("""
                    The browser test needs Chromium and its driver at %s and %s. Install them with:
                      apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver"""
                    .formatted(CHROMIUM, CHROMEDRIVER));
        }
        profile = Files.createTempDirectory("dashboard-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(profile.toFile(), "chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profile.resolve("user-data"));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                FileSystemUtils.deleteRecursively(profile);
            }
        }
    }

    @Test
    void thePageFollowsTheStreamWithoutReloading() {
        awaitCaughtUp();
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).isEqualTo("Bindeled – overblik");
        await().atMost(WAIT).until(() -> "live".equals(byTestId("connection-status").getAttribute("data-state")));
        long before = overview().get("activePartners").asLong();
        await().atMost(WAIT).until(() -> number("active-partners") == before);
        assertThat(texts("by-sector-item", ".bar-label"))
                .containsExactly("Offentlig", "Privat", "Civilsamfund (tredje sektor)", "Uformel");
        // A reload would lose this marker.
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'yes';");

        PartnerRegistered partner = newPartner("Babycafé-venner Morsø " + UUID.randomUUID().toString().substring(0, 8));
        publish(partner);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(number("active-partners")).isEqualTo(before + 1);
            assertThat(changeSummaries()).contains("Ny aktør: " + partner.name());
        });
        assertThat(changeSummaries().get(0)).isEqualTo("Ny aktør: " + partner.name());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument;")).isEqualTo("yes");
        assertThat(byTestId("by-sector").findElement(By.cssSelector("[data-key='THIRD_SECTOR'] .bar-value")).getText())
                .isEqualTo(String.valueOf(overview().get("bySector").get(2).get("activePartners").asLong()));
    }

    private WebElement byTestId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private long number(String id) {
        String value = byTestId(id).getAttribute("data-value");
        return value == null ? -1 : Long.parseLong(value);
    }

    private List<String> changeSummaries() {
        return texts("change", ".summary");
    }

    private List<String> texts(String itemTestId, String css) {
        return browser.findElements(By.cssSelector("[data-testid='" + itemTestId + "'] " + css)).stream()
                .map(WebElement::getText)
                .toList();
    }
}
