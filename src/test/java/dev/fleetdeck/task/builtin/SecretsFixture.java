package dev.fleetdeck.task.builtin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The owner's secrets layout on the operator's machine: a secrets git repo (the remote), a flake whose
 * flake.lock pins it (written exactly as nix pretty-prints it), and a local clone with an upstream.
 */
final class SecretsFixture {
    final Path remote;
    final Path flake;
    final Path clone;

    private SecretsFixture(Path dir) {
        remote = dir.resolve("nixos-secrets.git");
        flake = dir.resolve("nix-config");
        clone = dir.resolve("nixos-secrets");
    }

    /** Two commits in the secrets repo, a clone of it, and a flake.lock pinning its newest commit. */
    static SecretsFixture create(Path dir) {
        SecretsFixture f = new SecretsFixture(dir);
        git(dir, "init", "-q", "-b", "main", f.remote.toString());
        f.commit("secrets.yaml", "one");
        String rev = f.commit("secrets.yaml", "two");
        git(dir, "clone", "-q", f.remote.toString(), f.clone.toString());
        f.lock("file://" + f.remote, rev);
        return f;
    }

    /** Commits a change in the secrets repo; returns the new rev. */
    String commit(String file, String content) {
        try {
            Files.writeString(remote.resolve(file), content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(remote, "add", file);
        git(remote, "commit", "-q", "-m", "update " + file);
        return git(remote, "rev-parse", "HEAD").trim();
    }

    String head() {
        return git(remote, "rev-parse", "HEAD").trim();
    }

    /** Writes flake.lock as `nix flake lock` does for a git input with ref main, next to a github nixpkgs. */
    void lock(String url, String rev) {
        String lock = """
                {
                  "nodes": {
                    "nixos-secrets": {
                      "flake": false,
                      "locked": {
                        "lastModified": 1764100000,
                        "narHash": "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
                        "ref": "refs/heads/main",
                        "rev": "%s",
                        "revCount": 2,
                        "type": "git",
                        "url": "%s"
                      },
                      "original": {
                        "ref": "refs/heads/main",
                        "type": "git",
                        "url": "%s"
                      }
                    },
                    "nixpkgs": {
                      "locked": {
                        "lastModified": 1732014248,
                        "narHash": "sha256-y/MEyuJ5oBWrWAic/14LaIr/u5E0wRVzyYsouYY3W6w=",
                        "owner": "NixOS",
                        "repo": "nixpkgs",
                        "rev": "23e89b7da85c3640bbc2173fe04f4bd114342367",
                        "type": "github"
                      },
                      "original": {
                        "owner": "NixOS",
                        "ref": "nixos-24.11",
                        "repo": "nixpkgs",
                        "type": "github"
                      }
                    },
                    "root": {
                      "inputs": {
                        "nixos-secrets": "nixos-secrets",
                        "nixpkgs": "nixpkgs"
                      }
                    }
                  },
                  "root": "root",
                  "version": 7
                }
                """.formatted(rev, url, url);
        try {
            Files.createDirectories(flake);
            Files.writeString(flake.resolve("flake.lock"), lock, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String git(Path dir, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=Test",
                "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
