package dev.fleetdeck.fleet;

import java.time.Duration;

/**
 * Borg backup settings of a host.
 *
 * @param repository   Borg repository URL or path, as {@code borg} takes it
 * @param passCommand  command printing the passphrase ({@code BORG_PASSCOMMAND}); never the passphrase itself
 * @param job          NixOS job name: units are {@code borgbackup-job-<job>.service/.timer}
 * @param maxAge       newest archive must be younger than this
 * @param keepDaily    prune rule --keep-daily (0 = not set)
 * @param keepWeekly   prune rule --keep-weekly (0 = not set)
 * @param keepMonthly  prune rule --keep-monthly (0 = not set)
 */
public record Backup(String repository, String passCommand, String job, Duration maxAge,
                     int keepDaily, int keepWeekly, int keepMonthly) {
}
