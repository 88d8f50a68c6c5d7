package dev.fleetdeck.task;

import dev.fleetdeck.fleet.HealthCheck;
import dev.fleetdeck.transport.Command;
import dev.fleetdeck.transport.ExecResult;
import dev.fleetdeck.transport.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Runs one of a host's own health checks once: a command on the host (healthy on exit 0) or an HTTP GET from
 * this machine (healthy on the expected status), as morph has them.
 */
final class HealthProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HealthProbe() {
    }

    /** @return null when healthy, else what was wrong */
    static String once(HealthCheck check, Transport host) throws InterruptedException {
        if (check instanceof HealthCheck.Cmd cmd) {
            ExecResult r = host.exec(Command.shell(cmd.command()).withTimeout(cmd.timeout()),
                    line -> { }).await();
            return r.ok() ? null : r.describe();
        }
        HealthCheck.Http http = (HealthCheck.Http) check;
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(http.url())).timeout(http.timeout()).GET().build();
            int status = HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == http.expectStatus() ? null : "status " + status + " (expected " + http.expectStatus() + ")";
        } catch (java.io.IOException | IllegalArgumentException e) {
            return e.getClass() == java.net.http.HttpTimeoutException.class ? "no answer within "
                    + http.timeout().toSeconds() + " s" : "request failed: " + e.getMessage();
        }
    }
}
