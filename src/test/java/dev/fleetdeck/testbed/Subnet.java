package dev.fleetdeck.testbed;

import dev.fleetdeck.demo.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A /30 out of 10.250.0.0/16 for one veth pair: .1 in the root namespace, .2 in the host's namespace.
 * Blocks are shared by every JVM on the machine, so allocation happens under a file lock and "free" means
 * "no interface has an address in it".
 *
 * @param index block number, 0..16383
 */
record Subnet(int index) {
    static final int BLOCKS = 1 << 14;
    private static final Pattern ADDRESS = Pattern.compile("inet 10\\.250\\.(\\d+)\\.(\\d+)/");
    private static final Pattern UNREACHABLE = Pattern.compile("unreachable (10\\.250\\.\\d+\\.\\d+/30)");
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "fleetdeck-testbed.netns.lock");
    private static final Object JVM_LOCK = new Object();

    /** Runs {@code action} while holding the machine-wide netns lock (a FileLock alone does not exclude threads). */
    static <T> T underLock(Supplier<T> action) {
        synchronized (JVM_LOCK) {
            try (FileChannel channel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // Closing the channel releases the lock, even when the action throws.
                channel.lock();
                return action.get();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + LOCK_FILE, e);
            }
        }
    }

    /** The lowest block no interface uses. Call under the lock and assign the address before releasing it. */
    static Subnet free() {
        BitSet used = usedBlocks();
        int index = used.nextClearBit(0);
        if (index >= BLOCKS) throw new IllegalStateException("all of 10.250.0.0/16 is in use");
        return new Subnet(index);
    }

    /**
     * Removes the fallback routes of blocks whose veth is gone (left by a killed JVM). Call under the lock:
     * a live block always has its address while it has its route.
     */
    static void dropStaleRoutes() {
        BitSet used = usedBlocks();
        Matcher m = UNREACHABLE.matcher(Exec.check("ip", "-4", "route", "show", "type", "unreachable"));
        while (m.find()) {
            Subnet subnet = parse(m.group(1));
            if (!used.get(subnet.index)) Exec.run(List.of("ip", "route", "del", "unreachable", m.group(1)));
        }
    }

    String cidr() {
        return address(0) + "/30";
    }

    String rootAddress() {
        return address(1);
    }

    String nsAddress() {
        return address(2);
    }

    /** A fixed, locally administered MAC for the namespace side, so the root side can pin it (see Netns). */
    String nsMac() {
        return String.format("02:fd:00:00:%02x:%02x", index >> 8, index & 0xff);
    }

    private String address(int offset) {
        return "10.250." + (index / 64) + "." + ((index % 64) * 4 + offset);
    }

    private static Subnet parse(String cidr) {
        String[] octets = cidr.substring(0, cidr.indexOf('/')).split("\\.");
        return new Subnet(Integer.parseInt(octets[2]) * 64 + Integer.parseInt(octets[3]) / 4);
    }

    private static BitSet usedBlocks() {
        BitSet used = new BitSet(BLOCKS);
        Matcher m = ADDRESS.matcher(Exec.check("ip", "-4", "-o", "addr", "show"));
        while (m.find()) used.set(Integer.parseInt(m.group(1)) * 64 + Integer.parseInt(m.group(2)) / 4);
        return used;
    }
}
