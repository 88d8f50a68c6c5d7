package dev.fleetdeck.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The connection settings hidden in a deploy-rs {@code sshOpts} list: {@code -p 2222}, {@code -p2222},
 * {@code -l user}, {@code -i key}, {@code -J jump}, {@code -o Port=2222} (or {@code -o "Port 2222"}),
 * {@code -o User=}, {@code -o IdentityFile=}, {@code -o ProxyJump=}, {@code -o ProxyCommand=}.
 * Like ssh itself, the first value given wins; identity files accumulate. Other options are skipped.
 */
record SshOptions(Integer port, String user, List<String> identityFiles, String proxyJump, String proxyCommand) {

    /** ssh options that take an argument; their argument must not be mistaken for an option. */
    private static final String WITH_ARGUMENT = "BbcDEeFIiJLlmOopQRSWw";

    /** An option deploy-rs would pass to ssh that cannot be understood; {@code index} is its place in the list. */
    static final class BadOption extends Exception {
        final int index;

        BadOption(int index, String predicate) {
            super(predicate);
            this.index = index;
        }
    }

    SshOptions {
        identityFiles = List.copyOf(identityFiles);
    }

    static SshOptions parse(List<String> args) throws BadOption {
        Builder b = new Builder();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.length() < 2 || arg.charAt(0) != '-' || WITH_ARGUMENT.indexOf(arg.charAt(1)) < 0) continue;
            char flag = arg.charAt(1);
            int at = i;
            String value;
            if (arg.length() > 2) {
                value = arg.substring(2);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
                at = i;
            } else {
                throw new BadOption(i, "\"" + arg + "\" is missing its value");
            }
            switch (flag) {
                case 'p' -> b.port(value, at);
                case 'l' -> b.user(value);
                case 'i' -> b.identityFiles.add(value);
                case 'J' -> b.proxyJump(value);
                case 'o' -> b.option(value, at);
                default -> { } // an option we do not need, e.g. -F or -L, with its argument
            }
        }
        return new SshOptions(b.port, b.user, b.identityFiles, b.proxyJump, b.proxyCommand);
    }

    private static final class Builder {
        Integer port;
        String user;
        final List<String> identityFiles = new ArrayList<>();
        String proxyJump;
        String proxyCommand;

        void port(String value, int at) throws BadOption {
            int parsed;
            try {
                parsed = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                parsed = -1;
            }
            if (parsed < 1 || parsed > 65535) {
                throw new BadOption(at, "port \"" + value + "\" is not a number between 1 and 65535");
            }
            if (port == null) port = parsed;
        }

        void user(String value) {
            if (user == null) user = value;
        }

        void proxyJump(String value) {
            if (proxyJump == null && !value.equalsIgnoreCase("none")) proxyJump = value;
        }

        /** {@code Key=Value} or {@code Key Value}, keys case-insensitive as in ssh_config. */
        void option(String option, int at) throws BadOption {
            String text = option.strip();
            int split = indexOfSeparator(text);
            if (split < 0) throw new BadOption(at, "\"" + option + "\" is not of the form Key=Value");
            String key = text.substring(0, split).strip().toLowerCase(Locale.ROOT);
            String value = text.substring(split + 1).strip();
            switch (key) {
                case "port" -> port(value, at);
                case "user" -> user(value);
                case "identityfile" -> identityFiles.add(value);
                case "proxyjump" -> proxyJump(value);
                case "proxycommand" -> {
                    if (proxyCommand == null && !value.equalsIgnoreCase("none")) proxyCommand = value;
                }
                default -> { } // StrictHostKeyChecking and friends: ssh's business, not ours
            }
        }

        private static int indexOfSeparator(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '=' || Character.isWhitespace(c)) return i;
            }
            return -1;
        }
    }
}
