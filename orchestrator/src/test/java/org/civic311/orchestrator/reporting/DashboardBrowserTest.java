package org.civic311.orchestrator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff dashboard in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs): it
 * loads with its charts, shows the fixed data set's numbers, filters, and refuses an anonymous visitor. Without the
 * browser the test fails: it is no optional extra.
 */
@ReportingTestApplication
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SummaryRefresh refresh;

    Path profile;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        ReportMeasuresTest.prepare(jdbc, refresh);
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
        profile = Files.createTempDirectory("civic311-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void showsTheNumbersAndFilters() {
        browser.get("http://director:" + ReportingTestApplication.DIRECTOR_PASSWORD + "@localhost:" + port
                + "/staff/?from=2026-03-01&to=2026-03-31&period=week");
        assertThat(browser.getTitle()).contains("Civic311");
        assertThat(cell("summary", "All", "Received")).isEqualTo("8");
        assertThat(cell("summary", "All", "On time (%)")).isEqualTo("83.3");
        assertThat(cell("summary", "All", "Median days to close")).isEqualTo("1.5");
        assertThat(cell("by-area", "ZIP 60601", "Overdue now")).isEqualTo("1");
        // Chart.js, served from the jar, drew the charts.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                        "return typeof Chart !== 'undefined' && !!Chart.getChart('chart-time')"
                                + " && !!Chart.getChart('chart-type') && !!Chart.getChart('chart-area')")));

        new Select(browser.findElement(By.name("area"))).selectByVisibleText("Ward 1");
        browser.findElement(By.cssSelector("#filters button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("area=Ward"));
        assertThat(cell("summary", "All", "Received")).isEqualTo("4");
        assertThat(new Select(browser.findElement(By.name("area"))).getFirstSelectedOption().getText())
                .isEqualTo("Ward 1");
        assertThat(browser.findElement(By.id("shown-from")).getText()).isEqualTo("2026-03-01");

        browser.get("http://localhost:" + port + "/staff/?from=2026-03-01&to=2026-03-31&service_code=nosuch");
        assertThat(browser.findElement(By.id("messages")).getText())
                .contains("No request type \"nosuch\" has any request; nothing matches.");
        assertThat(browser.findElement(By.id("no-data")).getText()).contains("No requests match this selection.");
    }

    @Test
    void readableOnAPhone() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get("http://director:" + ReportingTestApplication.DIRECTOR_PASSWORD + "@localhost:" + port
                + "/staff/?from=2026-03-01&to=2026-03-31");
        Object pageWidth = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        // Wide tables scroll inside their own box; the page itself fits the screen.
        assertThat(((Number) pageWidth).intValue()).isLessThanOrEqualTo(390);
        assertThat(cell("summary", "All", "Received")).isEqualTo("8");
    }

    @Test
    void refusesAnAnonymousVisitor() {
        browser.get("http://localhost:" + port + "/staff/?from=2026-03-01&to=2026-03-31");
        assertThat(browser.findElements(By.id("filters"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Civic311 performance");
    }

    String cell(String table, String rowLabel, String header) {
        WebElement section = browser.findElement(By.id(table));
        List<String> headers = section.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText)
                .toList();
        int column = headers.indexOf(header);
        assertThat(column).as(headers.toString()).isNotNegative();
        for (WebElement row : section.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.get(0).getText().equals(rowLabel)) {
                return cells.get(column).getText();
            }
        }
        throw new AssertionError("No row " + rowLabel + " in " + table);
    }
}
