package org.iep.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.app.IepApplication;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.iep.app.demo.DemoData;
import org.iep.app.dev.DevMailbox;
import org.iep.core.wiring.IepCore;
import org.iep.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.Select;

/** The individual's journey in headless Chromium, on the portal's embedded defaults and demo data. */
class BrowserJourneyTest {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/a/([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private IepApplication app;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        browser = Chromium.start(profile);
        app = IepApplication.start(AppConfig.from(Settings.of(Map.of("iep.http.port", "0",
                "iep.dataDir", data.toString()))), clock);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void linkPasscodeDashboardForwardAndDecline() throws Exception {
        openLinkAndAskForCode("journey");
        type("code", mailed(DemoData.PATIENT.passcodeEmail(), CODE));
        click("verify");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard").doesNotContain("/a/");
        assertThat(text()).contains("Your images").contains("St Elsewhere Hospital");
        browser.findElement(By.cssSelector("details.entry summary")).click();
        assertThat(text()).contains("CT head").contains("Your CT scan, as you asked.");
        Chromium.screenshot(browser, "journey-3-dashboard");

        String[] forwardees = {"gp", "lawyer", "sister"};
        for (int i = 0; i < forwardees.length; i++) {
            forward(forwardees[i], i == 0);
            assertThat(mailed(forwardees[i] + "@demo.example.org", LINK)).isNotBlank();
        }
        // after three forwards the button is gone, and a forged fourth is refused by the core
        browser.get(base() + "/dashboard");
        browser.findElement(By.cssSelector("details.entry summary")).click();
        assertThat(browser.findElements(By.name("forward"))).isEmpty();
        WebElement dashboard = browser.findElement(By.tagName("html"));
        ((JavascriptExecutor) browser).executeScript("var f = document.querySelector('form[action=\"/decline\"]');"
                + " f.action = '/forward'; f.submit();");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> gone(dashboard));
        assertThat(text()).contains("not possible").contains("the most allowed");
        Chromium.screenshot(browser, "journey-4b-fourth-forward-refused");

        browser.get(base() + "/dashboard");
        browser.findElement(By.cssSelector("details.entry summary")).click();
        submit(browser.findElement(By.name("decline")));
        type("reason", "These are not my images");
        click("confirm-decline");
        assertThat(text()).contains("You have declined");
        Chromium.screenshot(browser, "journey-5-declined");
        browser.get(base() + "/dashboard");
        assertThat(text()).contains("You are signed out").doesNotContain("CT head");
    }

    @Test
    void tenWrongPasscodesLockTheLinkAndTheResendDoesNotResetTheCount() throws Exception {
        openLinkAndAskForCode("lockout");
        for (int i = 0; i < 5; i++) {
            type("code", "000000");
            click("verify");
        }
        assertThat(text()).containsAnyOf("expired or was replaced", "0 more tries");
        click("resend");
        for (int i = 0; i < 4; i++) {
            type("code", "000000");
            click("verify");
        }
        assertThat(text()).contains("1 more tries");
        type("code", "000000");
        click("verify");
        assertThat(text()).contains("Access is locked for now");
        assertThat(browser.findElements(By.id("code"))).as("no passcode box while locked").isEmpty();
        Chromium.screenshot(browser, "lockout-locked");
    }

    @Test
    void anExpiredLinkSaysSoAndSendsNothing() throws Exception {
        String token = mailed(DemoData.PATIENT.email(), LINK);
        clock.advance(Duration.ofDays(15));
        browser.get(base() + "/a/" + token);
        click("send");
        assertThat(text()).contains("These images have expired").contains("imaging@stee.example.org");
        Chromium.screenshot(browser, "expired-link");
    }

    @Test
    void theViewerShowsTheDemoSeriesOverDicomWeb() throws Exception {
        openLinkAndAskForCode("viewer");
        type("code", mailed(DemoData.PATIENT.passcodeEmail(), CODE));
        click("verify");
        browser.findElement(By.cssSelector("details.entry summary")).click();
        click("view-STEE0000001");
        assertThat(browser.getCurrentUrl()).contains("/view?t=");
        assertThat(text()).contains("Not for diagnostic use");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> "1".equals(d.findElement(By.id("image")).getAttribute("data-shown")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Image 1 of 8");
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        long lit = (Long) js.executeScript("var c = document.querySelector('#image canvas');"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
                + "for (var i = 0; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;");
        assertThat(lit).as("pixels drawn").isGreaterThan(1000);
        Chromium.screenshot(browser, "viewer-1-first-image");

        browser.findElement(By.id("next")).click();
        wait.until(d -> "2".equals(d.findElement(By.id("image")).getAttribute("data-shown")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Image 2 of 8");
        double before = ((Number) js.executeScript(
                "return cornerstone.getViewport(document.getElementById('image')).voi.windowWidth;")).doubleValue();
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(browser.findElement(By.id("image")))
                .clickAndHold().moveByOffset(80, 40).release().perform();
        double after = ((Number) js.executeScript(
                "return cornerstone.getViewport(document.getElementById('image')).voi.windowWidth;")).doubleValue();
        assertThat(after).as("dragging changes the window").isGreaterThan(before);
        Chromium.screenshot(browser, "viewer-2-windowed");
    }

    @Test
    void theDashboardDownloadsThePackageThenAPasswordProtectedOne() throws Exception {
        Path downloads = java.nio.file.Files.createDirectories(data.resolve("downloads"));
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toAbsolutePath().toString()));
        openLinkAndAskForCode("download");
        type("code", mailed(DemoData.PATIENT.passcodeEmail(), CODE));
        click("verify");
        browser.findElement(By.cssSelector("details.entry summary")).click();
        Chromium.screenshot(browser, "download-1-dashboard");
        browser.findElement(By.id("download-STEE0000001")).click(); // a download: the page stays
        Path plain = awaitDownloads(downloads, 1).get(0);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(plain.toFile())) {
            assertThat(zip.getEntry("DICOMDIR")).isNotNull();
            assertThat(zip.getEntry("README.TXT")).isNotNull();
            assertThat(zip.stream().filter(e -> e.getName().startsWith("DICOM/"))).hasSize(8);
        }
        // moved aside, so the protected package (same name) is seen arriving
        java.nio.file.Files.move(plain, data.resolve("plain.zip"));

        // a fresh page (Chromium holds back a second download from one page); downloaded, it is under All
        browser.get(base() + "/dashboard?tab=all");
        browser.findElement(By.cssSelector("details.entry summary")).click();
        type("password-STEE0000001", "correct horse battery");
        browser.findElement(By.name("download-protected")).click();
        Path locked = awaitDownloads(downloads, 1).get(0);
        net.lingala.zip4j.ZipFile wrong = new net.lingala.zip4j.ZipFile(locked.toFile(), "not the password"
                .toCharArray());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.extractAll(data.resolve("x").toString()))
                .isInstanceOf(net.lingala.zip4j.exception.ZipException.class);
        net.lingala.zip4j.ZipFile right = new net.lingala.zip4j.ZipFile(locked.toFile(), "correct horse battery"
                .toCharArray());
        right.extractAll(data.resolve("opened").toString());
        assertThat(data.resolve("opened").resolve("DICOMDIR")).exists();
        try (var files = java.nio.file.Files.walk(data.resolve("opened").resolve("DICOM"))) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile)).hasSize(8);
        }
    }

    /** Waits until the download folder holds {@code n} finished files (Chromium writes *.crdownload first). */
    private static java.util.List<Path> awaitDownloads(Path dir, int n) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try (var files = java.nio.file.Files.list(dir)) {
                java.util.List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(".zip")).sorted()
                        .toList();
                boolean busy;
                try (var all = java.nio.file.Files.list(dir)) {
                    busy = all.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
                }
                if (done.size() >= n && !busy) {
                    return done;
                }
            }
            Thread.sleep(100);
        }
        try (var files = java.nio.file.Files.list(dir)) {
            throw new AssertionError("Chromium did not finish " + n + " download(s) into " + dir + ": "
                    + files.map(f -> f.getFileName() + " " + f.toFile().length()).toList());
        }
    }

    @Test
    void anUploadInAnswerToARequestShowsProgressAndAMixedPatientUploadIsRefused() throws Exception {
        IepCore core = app.injector().getInstance(IepCore.class);
        var admin = app.injector().getInstance(org.iep.api.spi.UserStore.class).findByEmail("admin@stee.example.org")
                .orElseThrow();
        var request = core.transactions().createRequest(new org.iep.core.transaction.NewRequest(admin.id(),
                admin.institution(), new org.iep.core.transaction.PatientDetails("DEMO0001", "STEE", "Jones",
                        "Patricia", java.time.LocalDate.of(1970, 1, 31), org.iep.api.patient.Sex.FEMALE,
                        "9434765919", "", org.iep.api.recipient.PostalAddress.NONE),
                DemoData.PATIENT, "Please send the CT you had at St Mary's.", org.iep.api.transaction.Priority.NORMAL,
                java.util.Optional.empty()), org.iep.core.audit.ClientInfo.INTERNAL);
        Path own1 = java.nio.file.Files.write(data.resolve("IM0001.dcm"), image("DEMO0001", "Jones^Patricia", 1));
        Path own2 = java.nio.file.Files.write(data.resolve("IM0002.dcm"), image("DEMO0001", "Jones^Patricia", 2));
        Path other = java.nio.file.Files.write(data.resolve("IM0003.dcm"), image("X999", "Smith^John", 3));

        openLinkAndAskForCode("upload");
        type("code", mailed(DemoData.PATIENT.passcodeEmail(), CODE));
        click("verify");
        browser.get(base() + "/dashboard?tab=all");
        browser.findElements(By.cssSelector("details.entry summary")).forEach(WebElement::click);
        browser.findElement(By.id("upload-" + request.tracking().value())).click();
        assertThat(text()).contains("Send your images").contains(request.tracking().value());
        browser.findElement(By.id("files")).sendKeys(own1 + "\n" + own2);
        assertThat(browser.findElements(By.cssSelector("#file-list li"))).hasSize(2);
        type("message", "These are from the CD St Mary's gave me.");
        Chromium.screenshot(browser, "upload-1-chosen");
        click("send-upload");
        assertThat(text()).contains("Your images were sent").contains("2 images and 0 documents were received");
        assertThat(app.injector().getInstance(org.iep.api.spi.TransactionStore.class).find(request.id())
                .orElseThrow().messages()).extracting(m -> m.text())
                .contains("These are from the CD St Mary's gave me.");
        Chromium.screenshot(browser, "upload-2-sent");
        assertThat(mailed(DemoData.PATIENT.email(), Pattern.compile("(" + request.tracking().value() + ")")))
                .as("the receipt").isNotBlank();

        browser.get(base() + "/upload?t=" + request.id().value());
        browser.findElement(By.id("files")).sendKeys(other.toString());
        click("send-upload");
        assertThat(browser.findElement(By.id("patients-found")).getText()).contains("Jones Patricia")
                .contains("Smith John");
        Chromium.screenshot(browser, "upload-3-mixed-patients-refused");
        assertThat(app.injector().getInstance(org.iep.api.spi.InstanceIndex.class).byTransaction(request.id()))
                .hasSize(2);
    }

    /** A small CT-like instance of the given patient. */
    private static byte[] image(String patientId, String name, int n) {
        var ds = new org.iep.dicom.data.Attributes();
        ds.setString(0x00080016, org.iep.dicom.data.VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(0x00080018, org.iep.dicom.data.VR.UI, "2.25.555" + n);
        ds.setString(0x00080060, org.iep.dicom.data.VR.CS, "OT");
        ds.setString(0x00100010, org.iep.dicom.data.VR.PN, name);
        ds.setString(0x00100020, org.iep.dicom.data.VR.LO, patientId);
        ds.setString(0x0020000D, org.iep.dicom.data.VR.UI, "2.25.5550");
        ds.setString(0x0020000E, org.iep.dicom.data.VR.UI, "2.25.5551");
        ds.setInt(0x00280002, org.iep.dicom.data.VR.US, 1);
        ds.setString(0x00280004, org.iep.dicom.data.VR.CS, "MONOCHROME2");
        ds.setInt(0x00280010, org.iep.dicom.data.VR.US, 64);
        ds.setInt(0x00280011, org.iep.dicom.data.VR.US, 64);
        ds.setInt(0x00280100, org.iep.dicom.data.VR.US, 8);
        ds.setInt(0x00280101, org.iep.dicom.data.VR.US, 8);
        ds.setInt(0x00280102, org.iep.dicom.data.VR.US, 7);
        ds.setInt(0x00280103, org.iep.dicom.data.VR.US, 0);
        byte[] pixels = new byte[64 * 64];
        new java.util.Random(n).nextBytes(pixels);
        ds.setBytes(0x7FE00010, org.iep.dicom.data.VR.OB, pixels);
        return new org.iep.dicom.io.DicomWriter().toBytes(new org.iep.dicom.data.Attributes(), ds,
                org.iep.dicom.dict.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private void openLinkAndAskForCode(String shot) throws InterruptedException {
        String token = mailed(DemoData.PATIENT.email(), LINK);
        browser.get(base() + "/a/" + token);
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        Chromium.screenshot(browser, shot + "-1-login");
        click("send");
        assertThat(text()).contains("We have sent a 6-digit passcode by e-mail to pa");
        Chromium.screenshot(browser, shot + "-2-passcode");
    }

    /** The four-step wizard from the dashboard, to {@code name}@demo.example.org. */
    private void forward(String name, boolean screenshot) {
        browser.get(base() + "/dashboard");
        browser.findElement(By.cssSelector("details.entry summary")).click();
        submit(browser.findElement(By.name("forward")));
        assertThat(text()).contains("Step 1 of 4");
        type("givenName", name);
        type("familyName", "Demo");
        type("email", name + "@demo.example.org");
        new Select(browser.findElement(By.id("language"))).selectByValue("sv");
        click("next");
        browser.findElement(By.id("ch-email")).click();
        type("passcodeEmail", name + ".codes@demo.example.org");
        click("next");
        type("message", "For your records");
        click("next");
        assertThat(text()).contains("Step 4 of 4").contains(name + " Demo");
        if (screenshot) {
            Chromium.screenshot(browser, "journey-4-forward-confirm");
        }
        browser.findElement(By.id("disclaimer")).click();
        click("send-forward");
        assertThat(text()).contains("Images forwarded");
    }

    private String base() {
        return "http://127.0.0.1:" + app.httpPort();
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void type(String id, String value) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks a control that submits a form, and waits for the next page to replace this one. */
    private void click(String id) {
        submit(browser.findElement(By.id(id)));
    }

    private void submit(WebElement control) {
        WebElement page = browser.findElement(By.tagName("html"));
        control.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> gone(page));
    }

    /** Whether the element's document was replaced; Chromium reports that as stale or as a foreign node. */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException replaced) {
            return true;
        }
    }

    private String mailed(String to, Pattern pattern) throws InterruptedException {
        DevMailbox mailbox = app.injector().getInstance(DevMailbox.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            app.injector().getInstance(IepCore.class).outboxWorker().runOnce(clock.instant());
            for (DevMailbox.Entry e : mailbox.entries()) {
                Matcher m = pattern.matcher(e.body());
                if (e.to().equalsIgnoreCase(to) && m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing matching " + pattern + " was sent to " + to);
    }
}
