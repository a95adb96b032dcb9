package org.iep.dicom;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An external oracle program (dcmtk's dcmdump, dicom3tools' dciodvfy). Tests that use one skip
 * when it is not on the PATH, except on CI (environment variable CI=true), where a missing
 * program fails the test: CI installs dcmtk and dicom3tools.
 */
public final class ExternalTool {

    /** Exit status and combined output lines of one run. */
    public record Result(int exitCode, List<String> lines) {
    }

    private final Path binary;

    private ExternalTool(Path binary) {
        this.binary = binary;
    }

    /** The tool, or a skipped (locally) / failed (CI=true) test if it is not installed. */
    public static ExternalTool require(String name) {
        return require(name, System.getenv());
    }

    /** As {@link #require(String)} with an explicit environment (PATH, CI), for testing the guard. */
    static ExternalTool require(String name, java.util.Map<String, String> env) {
        Path found = find(name, env.getOrDefault("PATH", "/usr/bin:/bin"));
        if (found == null) {
            if ("true".equalsIgnoreCase(env.get("CI"))) {
                fail(name + " is not on the PATH but CI=true: install it (dcmtk / dicom3tools)");
            }
            assumeTrue(false, name + " not on the PATH; skipped outside CI");
        }
        return new ExternalTool(found);
    }

    private static Path find(String name, String path) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs the tool with arguments; stdout and stderr merged. */
    public Result run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timeout: " + cmd);
            }
            return new Result(p.exitValue(), List.of(new String(out, StandardCharsets.ISO_8859_1).split("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
