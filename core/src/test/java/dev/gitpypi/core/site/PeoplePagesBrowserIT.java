package dev.gitpypi.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.testing.StaticSiteServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The pages for people in a real browser (issue 12): Debian's chromium, driven by Selenium through chromedriver,
 * loads a site served under a base path ({@code /team/index/}, as GitHub Pages serves a project site) and from
 * {@code file://}. The filter narrows the list as one types, every link resolves inside the base path, the install
 * line carries the address the page was loaded from, the page works without JavaScript, and a README's script
 * never runs. One browser for the class; {@code -DskipBrowserTests=true} skips it where no chromium is installed
 * ({@code .ci/run} installs {@code chromium} and {@code chromium-driver}).
 */
class PeoplePagesBrowserIT {
    @TempDir
    static Path tmp;
    static Path site;
    static StaticSiteServer server;
    static WebDriver browser;
    static WebDriver noScript;

    @BeforeAll
    static void buildServeAndStart() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("skipBrowserTests"),
                "browser tests skipped by -DskipBrowserTests");
        site = tmp.resolve("root/team/index");
        SiteWriter.builder().title("Team packages").build().write(index(), site);
        server = StaticSiteServer.start(tmp.resolve("root"), false);
        browser = chrome(true);
        noScript = chrome(false);
    }

    @AfterAll
    static void stop() {
        for (WebDriver d : new WebDriver[] {browser, noScript}) {
            if (d != null) {
                d.quit();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriver chrome(boolean javascript) {
        Path binary = executable("chromium");
        Path driver = executable("chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary(binary.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1200,900", "--allow-file-access-from-files");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    private static Path executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(name + " is not installed: install Debian's chromium and chromium-driver (.ci/run"
                + " does), or skip these tests with -DskipBrowserTests=true");
    }

    /** Thirty projects; one with a README that tries to run script in every way a README can. */
    private static Index index() {
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String name = String.format(java.util.Locale.ROOT, "tool-%02d", i);
            projects.add(Project.builder(ProjectName.of(name)).add(Distribution.builder("https://files.example/"
                    + name + "-1.0.tar.gz", name + "-1.0.tar.gz").size(10)
                    .uploadTime(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * i))
                    .metadata(CoreMetadata.builder(name, "1.0").set(CoreMetadata.Field.SUMMARY, "Tool number " + i)
                            .build()).build()).build());
        }
        String readme = String.join("\n", "# Hello", "",
                "<script>window.pwned = 'script'</script>",
                "<img src=\"x\" onerror=\"window.pwned = 'onerror'\">",
                "<a id=\"jslink\" href=\"javascript:window.pwned = 'href'\">click</a>",
                "<svg onload=\"window.pwned = 'svg'\"></svg>",
                "<iframe src=\"javascript:parent.pwned = 'iframe'\"></iframe>",
                "<details open ontoggle=\"window.pwned = 'toggle'\"><summary>s</summary></details>",
                "", "[markdown](javascript:window.pwned='md')", "");
        CoreMetadata m = CoreMetadata.builder("Hello.World", "1.10").set(CoreMetadata.Field.SUMMARY, "Says hello")
                .set(CoreMetadata.Field.DESCRIPTION_CONTENT_TYPE, "text/markdown")
                .set(CoreMetadata.Field.DESCRIPTION, readme).build();
        projects.add(Project.builder(ProjectName.of("Hello.World"))
                .add(Distribution.builder("../../files/hello-world/hello_world-1.10.tar.gz", "hello_world-1.10.tar.gz")
                        .metadata(m).size(2000).uploadTime(Instant.parse("2024-03-01T00:00:00Z")).build())
                .add(Distribution.builder("https://files.example/hello_world-1.9.tar.gz", "hello_world-1.9.tar.gz")
                        .size(1900).uploadTime(Instant.parse("2024-02-01T00:00:00Z")).build())
                .build());
        return Index.of(projects);
    }

    private static List<WebElement> visibleRows(WebDriver d) {
        return d.findElements(By.cssSelector("#projects tbody tr")).stream().filter(WebElement::isDisplayed).toList();
    }

    private static void screenshot(WebDriver d, String name) throws IOException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theFilterNarrowsTheListAsOneTypes() throws IOException {
        browser.get(server.baseUrl() + "team/index/");
        assertThat(visibleRows(browser)).hasSize(31);
        WebElement box = browser.findElement(By.id("filter-input"));
        assertThat(box.isDisplayed()).isTrue();
        box.sendKeys("tool-1");
        assertThat(visibleRows(browser)).hasSize(10).allSatisfy(r -> assertThat(r.getText()).startsWith("tool-1"));
        box.sendKeys("7");
        assertThat(visibleRows(browser)).singleElement().satisfies(r -> assertThat(r.getText()).contains("tool-17"));
        assertThat(browser.findElement(By.id("filter-status")).getText()).isEqualTo("1 project matches");
        // names match however they are spelled: hello_world, Hello.World, hello-world
        box.clear();
        box.sendKeys("hello_world");
        assertThat(visibleRows(browser)).singleElement().satisfies(r -> assertThat(r.getText())
                .startsWith("Hello.World"));
        box.clear();
        box.sendKeys("number 2");
        assertThat(visibleRows(browser)).hasSize(11); // summaries too: 2, 20..29
        screenshot(browser, "front-page-filtered");
        box.clear();
        box.sendKeys(" ");
        assertThat(visibleRows(browser)).hasSize(31);
    }

    @Test
    void everyLinkResolvesUnderTheBasePathAndTheInstallLineHasThePagesAddress() throws IOException {
        String base = server.baseUrl() + "team/index/";
        browser.get(base + "index.html");
        assertThat(browser.findElement(By.cssSelector(".install .index-url")).getText()).isEqualTo(base + "simple/");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.styleSheets.length"))
                .isEqualTo(1L);
        browser.findElement(By.linkText("Hello.World")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "project/hello-world/index.html");
        assertThat(browser.getTitle()).isEqualTo("Hello.World · Team packages");
        assertThat(browser.findElement(By.cssSelector("pre[data-index-url]")).getText())
                .isEqualTo("pip install --index-url " + base + "simple/ hello-world");
        // every link of the page resolves under the base path or to the files' own hosts
        for (WebElement a : browser.findElements(By.cssSelector("a[href]"))) {
            String href = a.getDomProperty("href");
            assertThat(href).as(a.getText()).satisfiesAnyOf(h -> assertThat(h).startsWith(base),
                    h -> assertThat(h).startsWith("https://files.example/"));
        }
        assertThat(browser.findElement(By.linkText("hello_world-1.10.tar.gz")).getDomProperty("href"))
                .startsWith(base + "files/hello-world/hello_world-1.10.tar.gz");
        screenshot(browser, "project-page");
        browser.findElement(By.linkText("Team packages")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "index.html");
        browser.findElement(By.linkText("simple API")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "simple/");
        assertThat(browser.findElement(By.linkText("Hello.World")).getDomProperty("href"))
                .isEqualTo(base + "simple/hello-world/");
        assertThat(server.requests()).contains("GET /team/index/style.css", "GET /team/index/site.js")
                .noneMatch(r -> r.startsWith("GET /style.css") || r.startsWith("GET /project/"));
    }

    @Test
    void theReadmesScriptNeverRuns() {
        browser.get(server.baseUrl() + "team/index/project/hello-world/index.html");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(browser.findElement(By.cssSelector(".readme h2")).getText()).isEqualTo("Hello");
        for (WebElement e : browser.findElements(By.cssSelector(".readme *"))) {
            if (e.isDisplayed() && e.isEnabled()) {
                try {
                    e.click();
                } catch (org.openqa.selenium.WebDriverException notClickable) {
                    // covered or not interactable: nothing to run either way
                }
            }
        }
        assertThat(js.executeScript("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.getCurrentUrl()).endsWith("/project/hello-world/index.html");
        assertThatNoAlert(browser);
        assertThat(js.executeScript("return document.querySelectorAll('.readme script, .readme iframe, .readme svg')"
                + ".length")).isEqualTo(0L);
    }

    @Test
    void withoutJavaScriptThePageIsThePlainListAndSaysWhereTheIndexIs() throws IOException {
        noScript.get(server.baseUrl() + "team/index/index.html");
        assertThat(noScript.findElement(By.id("filter")).isDisplayed()).isFalse();
        assertThat(visibleRows(noScript)).hasSize(31);
        assertThat(noScript.findElement(By.cssSelector("pre[data-index-url]")).isDisplayed()).isFalse();
        assertThat(noScript.findElement(By.cssSelector(".install p")).getText())
                .contains("its address is that of the simple/ folder of this site");
        screenshot(noScript, "front-page-without-javascript");
    }

    @Test
    void theSiteWorksFromAFileUrl() {
        String base = site.toUri().toString();
        browser.get(base + "index.html");
        browser.findElement(By.id("filter-input")).sendKeys("hello");
        assertThat(visibleRows(browser)).hasSize(1);
        browser.findElement(By.linkText("Hello.World")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "project/hello-world/index.html");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Hello.World 1.10");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.styleSheets.length"))
                .isEqualTo(1L);
    }

    private static void assertThatNoAlert(WebDriver d) {
        try {
            d.switchTo().alert();
            throw new AssertionError("an alert is open");
        } catch (NoAlertPresentException expected) {
            // good
        }
    }
}
