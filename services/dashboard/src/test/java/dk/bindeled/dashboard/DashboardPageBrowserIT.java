package dk.bindeled.dashboard;

import dk.bindeled.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The Danish pages in a real headless Chromium: the overview and a centre's info screen show their data and
 * follow the stream without reloading. The clock stands still where a test puts it; info screens ask again
 * every second instead of every minute, so a test sees them follow the clock.
 */
@Import(MutableClock.Configuration.class)
@TestPropertySource(properties = "bindeled.dashboard.screen.refresh=1s")
class DashboardPageBrowserIT extends DashboardIntegrationTest {

    /** Tuesday 24 November 2026, 10.15 in Copenhagen. */
    private static final Instant NOW = Instant.parse("2026-11-24T09:15:00Z");

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MutableClock clock;

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

    @Test
    void theInfoScreenIsFoundFromTheOverviewAndFollowsBookingsAndTheClockWithoutReloading() {
        clock.set(NOW);
        TestHouse house = TestHouse.create(this);

        // Overview → the centres page → this centre's info screen.
        browser.get("http://localhost:" + port + "/");
        byTestId("centres-link").click();
        await().atMost(WAIT).until(() -> "ready".equals(browser.findElement(By.tagName("body")).getAttribute("data-state")));
        WebElement centre = browser.findElement(By.cssSelector("[data-testid='centre'][data-centre-id='" + house.centreId + "']"));
        assertThat(centre.findElement(By.tagName("h2")).getText()).isEqualTo(house.centreName);
        assertThat(centre.findElement(By.tagName("caption")).getText()).isEqualTo("Udnyttelse af lokaler, uge 48");
        assertThat(byTestId("week-label").getText()).isEqualTo("Uge 48 (23.–29. november 2026)");
        assertThat(centre.findElements(By.cssSelector("[data-testid='utilisation-row'] td")).stream().map(WebElement::getText).toList())
                .containsExactly("Salen", "Lokale", "0 t", "40 t", "0,0 %");
        centre.findElement(By.cssSelector("[data-testid='screen-link']")).click();

        await().atMost(WAIT).until(() -> "live".equals(byTestId("connection-status").getAttribute("data-state")));
        assertThat(browser.getCurrentUrl()).endsWith("/skaerm/" + house.centreId);
        assertThat(browser.getTitle()).isEqualTo("I dag i " + house.centreName);
        assertThat(byTestId("screen-heading").getText()).isEqualTo("I dag i " + house.centreName);
        assertThat(byTestId("screen-date").getText()).isEqualTo("tirsdag 24. november");
        assertThat(byTestId("screen-clock").getText()).isEqualTo("10.15");
        assertThat(byTestId("opening-hours").getText()).isEqualTo("Åbent i dag 09.00–17.00");
        assertThat(bookings("now")).isEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-empty-for='now']")).isDisplayed()).isTrue();
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'yes';");

        BookingConfirmed babycafe = house.confirmed("2026-11-24T10:00", "2026-11-24T11:30", Visibility.PUBLIC, "Babycafé");
        String secret = "Samtale med familien " + UUID.randomUUID().toString().substring(0, 8);
        BookingConfirmed meeting = house.confirmed("2026-11-24T10:30", "2026-11-24T12:00", Visibility.TITLE_ONLY, secret);
        publish(babycafe);
        publish(meeting);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(bookings("now")).containsExactly("10.00–11.30|Babycafé|Salen|" + house.partner.name());
            assertThat(bookings("later")).containsExactly("10.30–12.00|Optaget|Salen|");
        });
        assertThat(browser.findElement(By.cssSelector("[data-empty-for='now']")).isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).doesNotContain(secret);

        // Half past ten: the meeting has begun, without anyone reloading the screen.
        clock.set(NOW.plus(Duration.ofMinutes(20)));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(bookings("now")).containsExactly("10.00–11.30|Babycafé|Salen|" + house.partner.name(), "10.30–12.00|Optaget|Salen|");
            assertThat(bookings("later")).isEmpty();
        });
        assertThat(byTestId("screen-clock").getText()).isEqualTo("10.35");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument;")).isEqualTo("yes");
        assertThat(browser.getPageSource()).doesNotContain(secret);
    }

    /** The bookings of a list as "time|title|room|organiser", read in one go (the list may be re-rendered meanwhile). */
    @SuppressWarnings("unchecked")
    private List<String> bookings(String list) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const text = (item, css) => (item.querySelector(css) || { textContent: '' }).textContent;
                return [...document.querySelectorAll(`[data-testid="${arguments[0]}"] [data-testid="booking"]`)]
                    .map((item) => [text(item, '.slot-time'), text(item, '.slot-title'), text(item, '.slot-room'),
                                    text(item, '.slot-organiser')].join('|'));""", list);
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
