package dev.fleetdeck.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about the local OpenSSH server binary, looked up once per JVM. */
public final class Sshd {
    private static final Path DEFAULT = Path.of("/usr/sbin/sshd");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

    private static Path binary;
    private static int[] version;

    private Sshd() {
    }

    /** sshd re-executes itself for every connection and insists on being started by an absolute path. */
    public static synchronized Path binary() {
        if (binary == null) binary = locate();
        return binary;
    }

    /** OpenSSH major/minor version, e.g. {9, 2}; {0, 0} when sshd does not say. */
    public static synchronized int[] version() {
        if (version == null) {
            // sshd has no real -V before 9.x, but any sshd prints "OpenSSH_x.y" in its usage message.
            Exec.Result r = Exec.run(List.of(binary().toString(), "-V"));
            Matcher m = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)").matcher(r.stderr() + r.stdout());
            version = m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[2];
        }
        return version.clone();
    }

    public static boolean atLeast(int major, int minor) {
        int[] v = version();
        return v[0] > major || (v[0] == major && v[1] >= minor);
    }

    /** Run as root, sshd refuses to start without its privilege separation directory (normally made by systemd). */
    public static synchronized void ensurePrivsepDir() {
        if (!Os.isRoot() || Files.isDirectory(PRIVSEP_DIR)) return;
        try {
            Files.createDirectories(PRIVSEP_DIR);
            Files.setPosixFilePermissions(PRIVSEP_DIR, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + PRIVSEP_DIR, e);
        }
    }

    private static Path locate() {
        if (Files.isExecutable(DEFAULT)) return DEFAULT;
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "sshd");
            if (Files.isExecutable(candidate)) {
                try {
                    return candidate.toRealPath();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no OpenSSH sshd at " + DEFAULT + " or on PATH; the test bed needs a real sshd");
    }
}
