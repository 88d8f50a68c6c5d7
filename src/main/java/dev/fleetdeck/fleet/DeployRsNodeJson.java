package dev.fleetdeck.fleet;

import java.util.List;

/**
 * One node of a deploy-rs {@code deploy.nodes} attribute set. Every field deploy-rs knows is accepted so a real
 * nodes file binds; only the connection fields are used (see {@link DeployRsNodes}).
 */
record DeployRsNodeJson(
        String hostname,
        String sshUser,
        String user,
        List<String> sshOpts,
        ProfileNames profiles,
        List<String> profilesOrder,
        Boolean fastConnection,
        Boolean autoRollback,
        Boolean magicRollback,
        Integer confirmTimeout,
        Integer activationTimeout,
        String tempPath,
        Boolean remoteBuild,
        Boolean interactiveSudo,
        String sudo,
        String sudoFile,
        String sudoSecret) {
}
