package dk.bindeled.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium with a profile of its own (so each person signs in separately),
 * signing in at the identity provider, screenshots under {@code target/staff-web-journeys/}, and axe-core run on every
 * page it is asked to check, its serious and critical violations collected.
 */
final class JourneyBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path ARTIFACTS = Path.of("target", "staff-web-journeys");
    static final Path AXE = Path.of("target", "npm", "node_modules", "axe-core", "axe.min.js");
    static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriverService service;
    final ChromeDriver driver;
    private final Path profile;
    private final String gateway;
    private final String who;

    JourneyBrowser(String gateway, String who) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("""
                    The journeys need Chromium and its driver at %s and %s. Install them with:
                      apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver"""
                    .formatted(CHROMIUM, CHROMEDRIVER));
        }
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException(AXE + " is missing: the build installs axe-core with npm before the integration tests "
                    + "(run them with ./mvnw verify, and have npm on the PATH)");
        }
        this.gateway = gateway;
        this.who = who;
        try {
            profile = Files.createTempDirectory("journey-chromium-");
            Files.createDirectories(ARTIFACTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(new File(profile.toFile(), "chromedriver.log")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=da-DK", "--window-size=1280,1000", "--user-data-dir=" + profile.resolve("user-data"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    /** Opens the app, is sent to the identity provider's Danish sign-in page, signs in, and lands on "Min dag". */
    JourneyBrowser signIn(String username) {
        open("/app/");
        waitUntil(() -> driver.findElements(By.id("username")).size() == 1);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo-" + username);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(() -> driver.getCurrentUrl().startsWith(gateway + "/app/") && heading().startsWith("Min dag"));
        return this;
    }

    void open(String path) {
        driver.get(gateway + path);
    }

    String heading() {
        List<WebElement> h1 = driver.findElements(By.tagName("h1"));
        return h1.isEmpty() ? "" : h1.get(0).getText();
    }

    String html() {
        return driver.getPageSource();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits for the condition; on a timeout leaves the page as it was (screenshot and HTML) and names it in the failure.
     * A condition that reads the page may find an element of the page being left and read it after the next one has
     * replaced it (after a form is sent, say): that attempt counts as not yet, and the condition is asked again.
     */
    void waitUntil(java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            String name = "failed-" + who + "-" + System.currentTimeMillis();
            screenshot(name);
            try {
                Files.writeString(ARTIFACTS.resolve(name + ".html"), html(), StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // The screenshot is there.
            }
            throw new AssertionError("Waited " + WAIT.toSeconds() + " s in vain at " + driver.getCurrentUrl() + " (\"" + heading()
                    + "\"); the page is in " + ARTIFACTS.resolve(name + ".png"), e);
        }
    }

    void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        if ("date".equals(field.getAttribute("type")) || "time".equals(field.getAttribute("type"))) {
            // Chromium's date and time inputs take keystrokes in the locale's order; the value is set as the form sends it.
            driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                    field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    void screenshot(String name) {
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), ARTIFACTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * axe-core on the page as it is now, WCAG 2.0/2.1 A and AA rules: the serious and critical violations, one line
     * each. Every run is written to {@code axe-report.txt}.
     */
    @SuppressWarnings("unchecked")
    List<String> axe(String page) {
        String script;
        try {
            script = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeScript(script);
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})), passes: r.passes.length}))
                   .catch(e => done({error: String(e)}));""");
        assertThat(result.get("error")).as("axe on " + page).isNull();
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result.get("violations")) {
            String impact = String.valueOf(violation.get("impact"));
            String line = impact + " " + violation.get("id") + ": " + violation.get("help") + " " + violation.get("nodes");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(line);
            }
            report(page + " – " + line);
        }
        report(page + " – " + result.get("passes") + " rules passed, " + serious.size() + " serious or critical violations ("
                + who + ", " + driver.getCurrentUrl() + ")");
        return serious;
    }

    /**
     * Phone width: what sticks out to the right of the screen (tag, class and right edge), apart from what lies inside
     * a scroller of its own (the calendar); empty when the page fits.
     */
    List<String> overflowAt(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        try {
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) driver.executeScript("""
                    const limit = window.innerWidth + 1;
                    if (document.documentElement.scrollWidth <= limit) { return []; }
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > limit && !e.closest('.calendar-scroll, .table-scroll'))
                      .slice(0, 5).map(e => e.tagName + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right));""");
            return wide;
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private static synchronized void report(String line) {
        try {
            Files.writeString(ARTIFACTS.resolve("axe-report.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
