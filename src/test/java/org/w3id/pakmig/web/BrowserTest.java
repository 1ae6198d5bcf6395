package org.w3id.pakmig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.query.QueryCatalogue;
import org.w3id.pakmig.serve.ServerSettings;
import org.w3id.pakmig.serve.SparqlServer;

/**
 * The analyst's path through the pages in a real Chromium: open the workbench, load a named
 * query with a parameter, run it, see the result table, click a result, land on its page;
 * search for "dunky", reach the dunki land route and see its diagram. Needs Debian's
 * {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); without them
 * the test is skipped. With {@code -Dpakmig.screenshots=DIR} it saves the pictures used in docs/.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static FusekiServer server;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
            "No browser: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver) to run the browser test");
        server = SparqlServer.start(RealGraph.dataset(), new ServerSettings(0, ServerSettings.DEFAULT_TIMEOUT, false, true),
                                    QueryCatalogue.from(RealGraph.sources()));
        base = "http://localhost:" + server.getPort() + "/";
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-background-networking", "--disable-extensions", "--no-first-run",
                             "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static void screenshot(String name) throws IOException {
        String dir = System.getProperty("pakmig.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void namedQueryThenResultThenEntityPage() throws IOException {
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.get(base);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        assertTrue(browser.getTitle().contains("Query workbench"));

        WebElement named = browser.findElement(By.cssSelector("li.named-query[data-name='find-by-name']"));
        named.findElement(By.cssSelector("button.load")).click();
        WebElement words = waiting().until(ExpectedConditions.visibilityOf(named.findElement(By.cssSelector("input[name='words']"))));
        assertEquals("dunky", words.getAttribute("value"), "the parameter's default fills the field");
        words.clear();
        words.sendKeys("Gujarat");
        named.findElement(By.cssSelector("button.run")).click();

        // The bound query (from the server, as the CLI binds it) is in the editor and its results in the table.
        waiting().until(d -> String.valueOf(((ChromeDriver) d).executeScript(
            "return window.pakmigWorkbench.getTab().getQuery()")).contains("\"Gujarat\""));
        WebElement link = waiting().until(ExpectedConditions.elementToBeClickable(
            By.cssSelector(".yasr table.dataTable a[data-iri='https://w3id.org/pakmig/id/place/gujrat-district']")));
        assertEquals("Gujrat District", link.getText(), "result IRIs show as labels");
        screenshot("workbench");
        link.click();

        waiting().until(ExpectedConditions.urlContains("/id/place/gujrat-district"));
        assertEquals("Gujrat District", browser.findElement(By.tagName("h1")).getText());
        assertFalse(browser.findElements(By.cssSelector("table.statements")).isEmpty());
        screenshot("entity-page");
    }

    @Test
    void searchReachesTheDunkiRouteAndItsDiagram() throws IOException {
        browser.get(base + "pictures");
        WebElement box = browser.findElement(By.cssSelector("header form.search input[name='q']"));
        box.sendKeys("dunky");
        box.submit();
        waiting().until(ExpectedConditions.urlContains("search?q=dunky"));
        List<WebElement> results = browser.findElements(By.cssSelector("ol.results a.result"));
        assertFalse(results.isEmpty());
        assertEquals("Dunki land route", results.get(0).getText());
        screenshot("search-results");
        results.get(0).click();

        waiting().until(ExpectedConditions.urlContains("/id/route/dunki-land-route"));
        WebElement diagram = browser.findElement(By.cssSelector("figure.route-diagram svg"));
        assertTrue(diagram.isDisplayed());
        String text = diagram.getText();
        for (String place : List.of("Gujrat District", "Quetta", "Taftan", "Iran", "Turkey", "Greece")) {
            assertTrue(text.contains(place), place + " in the diagram: " + text);
        }
        screenshot("route-page");
    }
}
