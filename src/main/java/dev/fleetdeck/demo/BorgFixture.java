package dev.fleetdeck.demo;

import dev.fleetdeck.fleet.Backup;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A real Borg 1.2 repository (repokey, passphrase through {@code BORG_PASSCOMMAND}) on a {@link SimulatedNixos}
 * host, with the NixOS units of its job ({@code borgbackup-job-<job>.timer/.service}). Archives are backdated
 * with {@code borg create --timestamp}; {@link #corruptSegment()} damages a data segment the way a bad disk
 * does, so {@code borg check --repository-only} exits 1. Borg runs here with the same {@code BORG_BASE_DIR}
 * as the host's {@code borg} wrapper, so the host sees a cache and security dir that agree with the repo.
 */
public final class BorgFixture {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final SimulatedNixos host;
    private final String job;
    private final Path repo;
    private final Path passFile;
    private final Path data;

    private BorgFixture(SimulatedNixos host, String job) {
        this.host = host;
        this.job = job;
        this.repo = host.path("/srv/borg/" + job);
        this.passFile = host.path("/run/keys/borgbackup-" + job);
        this.data = host.path("/home/alice/work");
    }

    /** An empty repository plus the job's units (timer active, last run successful). */
    public static BorgFixture create(SimulatedNixos host, String job) {
        BorgFixture f = new BorgFixture(host, job);
        f.files();
        SimulatedNixos.mkdirs(f.repo.getParent());
        f.borg("init", "--encryption=repokey", f.repo.toString());
        f.units();
        return f;
    }

    /** A byte-for-byte copy of {@code template}'s repository on another host (same repo id, own cache). */
    public static BorgFixture copyOf(BorgFixture template, SimulatedNixos host) {
        BorgFixture f = new BorgFixture(host, template.job);
        f.files();
        copyTree(template.repo, f.repo);
        f.units();
        return f;
    }

    /** Creates an archive dated {@code at} (UTC), named like NixOS names them: {@code <host>-<job>-<date>}. */
    public BorgFixture archive(Instant at) {
        String name = "sim-" + job + "-" + TS.format(at.truncatedTo(ChronoUnit.SECONDS));
        borg("create", "--timestamp", TS.format(at), repo + "::" + name, data.toString());
        return this;
    }

    /** Overwrites bytes in the middle of the biggest data segment: chunk data no longer matches its CRC. */
    public void corruptSegment() {
        Path segment;
        try (Stream<Path> files = Files.walk(repo.resolve("data"))) {
            segment = files.filter(Files::isRegularFile).max(Comparator.comparingLong(BorgFixture::size))
                    .orElseThrow(() -> new IllegalStateException("no segment in " + repo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write("fleetdeck test bed: this segment is corrupt".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String repository() {
        return repo.toString();
    }

    /** What fleet.json's backup.passCommand would say; the passphrase never appears in a command line. */
    public String passCommand() {
        return "cat " + passFile;
    }

    public String job() {
        return job;
    }

    public Backup backup(Duration maxAge, int keepDaily, int keepWeekly, int keepMonthly) {
        return new Backup(repository(), passCommand(), job, maxAge, keepDaily, keepWeekly, keepMonthly);
    }

    /** Runs the real borg as the host's wrapper does; returns stdout, throws with the output on failure. */
    public String borg(String... args) {
        List<String> argv = Stream.concat(Stream.of("borg"), Stream.of(args)).toList();
        ProcessBuilder b = new ProcessBuilder(argv);
        b.environment().put("BORG_PASSCOMMAND", passCommand());
        b.environment().put("BORG_BASE_DIR", host.path("/var/lib/fleetdeck-sim/borg-base").toString());
        b.environment().put("BORG_RELOCATED_REPO_ACCESS_IS_OK", "no");
        b.environment().put("TZ", "UTC");
        Exec.Result r = Exec.run(b, null, Exec.DEFAULT_TIMEOUT);
        if (!r.ok()) throw new IllegalStateException(r.describe());
        return r.stdout();
    }

    private void files() {
        SimulatedNixos.write(passFile, "correct horse battery staple\n");
        Random random = new Random(42);
        byte[] bytes = new byte[48 * 1024];
        for (String name : List.of("notes.txt", "thesis.pdf", "photos/cat.jpg")) {
            random.nextBytes(bytes);
            try {
                Files.createDirectories(data.resolve(name).getParent());
                Files.write(data.resolve(name), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void units() {
        host.unit("borgbackup-job-" + job + ".timer", "active", "success");
        host.unit("borgbackup-job-" + job + ".service", "inactive", "success");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
