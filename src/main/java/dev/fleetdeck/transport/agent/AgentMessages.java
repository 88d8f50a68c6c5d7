package dev.fleetdeck.transport.agent;

import dev.fleetdeck.transport.agent.AgentException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ssh-agent wire format (draft-miller-ssh-agent): every message is {@code uint32 length} followed by
 * {@code byte type} and a payload built from SSH {@code uint32}/{@code string} encodings (RFC 4251 §5).
 */
final class AgentMessages {

    /** Largest message we accept; OpenSSH's own client uses the same bound, and real answers are far smaller. */
    static final int MAX_MESSAGE = 256 * 1024;

    static final int SSH_AGENT_FAILURE = 5;
    static final int SSH2_AGENTC_REQUEST_IDENTITIES = 11;
    static final int SSH2_AGENT_IDENTITIES_ANSWER = 12;
    static final int SSH2_AGENTC_SIGN_REQUEST = 13;
    static final int SSH2_AGENT_SIGN_RESPONSE = 14;
    /** Legacy failure codes some agents still send; OpenSSH's client treats them like SSH_AGENT_FAILURE. */
    static final int SSH2_AGENT_FAILURE = 30;
    static final int SSH_COM_AGENT2_FAILURE = 102;

    /** SSH_MSG_USERAUTH_REQUEST, which RFC 4252 §7 puts into the data a publickey signature covers. */
    static final int SSH_MSG_USERAUTH_REQUEST = 50;

    private AgentMessages() {
    }

    static boolean isFailure(int type) {
        return type == SSH_AGENT_FAILURE || type == SSH2_AGENT_FAILURE || type == SSH_COM_AGENT2_FAILURE;
    }

    /** A framed SSH2_AGENTC_REQUEST_IDENTITIES. */
    static byte[] requestIdentities() {
        return new Writer().u8(SSH2_AGENTC_REQUEST_IDENTITIES).framed();
    }

    /** A framed SSH2_AGENTC_SIGN_REQUEST. */
    static byte[] signRequest(byte[] keyBlob, byte[] data, int flags) {
        return new Writer().u8(SSH2_AGENTC_SIGN_REQUEST).string(keyBlob).string(data).u32(flags).framed();
    }

    /** The identities in an SSH2_AGENT_IDENTITIES_ANSWER payload (after the type byte). */
    static List<AgentIdentity> parseIdentities(ByteBuffer payload) throws AgentException {
        Reader r = new Reader(payload);
        long count = r.u32();
        // Each identity takes at least 8 bytes, so a larger count cannot be honest; don't pre-size from it.
        if (count > payload.remaining() / 8) {
            throw new AgentException(Reason.PROTOCOL, "ssh-agent claims " + count + " identities in "
                    + payload.remaining() + " bytes");
        }
        List<AgentIdentity> ids = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            byte[] blob = r.string();
            String comment = r.utf8();
            String type = keyType(blob);
            if (type == null) {
                throw new AgentException(Reason.PROTOCOL, "ssh-agent listed a malformed public key");
            }
            ids.add(new AgentIdentity(blob, comment, type));
        }
        return ids;
    }

    /** The signature blob in an SSH2_AGENT_SIGN_RESPONSE payload (after the type byte). */
    static byte[] parseSignature(ByteBuffer payload) throws AgentException {
        byte[] sig = new Reader(payload).string();
        if (keyType(sig) == null) {
            throw new AgentException(Reason.PROTOCOL, "ssh-agent returned a malformed signature");
        }
        return sig;
    }

    /**
     * The first SSH string of a public key or signature blob, i.e. its type name, or {@code null} when the blob
     * does not start with a plausible one. Nothing else in the blob is looked at: blobs stay opaque.
     */
    static String keyType(byte[] blob) {
        try {
            String name = new Reader(ByteBuffer.wrap(blob)).ascii();
            return name.isEmpty() ? null : name;
        } catch (AgentException e) {
            return null;
        }
    }

    /** Builds SSH-encoded data. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u8(int b) {
            out.write(b);
            return this;
        }

        Writer bool(boolean b) {
            return u8(b ? 1 : 0);
        }

        Writer u32(long v) {
            out.write((int) (v >>> 24));
            out.write((int) (v >>> 16));
            out.write((int) (v >>> 8));
            out.write((int) v);
            return this;
        }

        Writer raw(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        Writer string(byte[] s) {
            return u32(s.length).raw(s);
        }

        Writer string(String s) {
            return string(s.getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        /** The bytes written so far behind a uint32 length: one agent message. */
        byte[] framed() {
            byte[] body = bytes();
            return new Writer().string(body).bytes();
        }
    }

    /** Reads SSH-encoded data; every length is checked against what is actually there. */
    static final class Reader {
        private final ByteBuffer in;

        Reader(ByteBuffer in) {
            this.in = in;
        }

        int u8() throws AgentException {
            try {
                return in.get() & 0xff;
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        long u32() throws AgentException {
            try {
                return in.getInt() & 0xffffffffL;
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        byte[] string() throws AgentException {
            long len = u32();
            if (len > in.remaining()) {
                throw truncated();
            }
            byte[] s = new byte[(int) len];
            in.get(s);
            return s;
        }

        /** Free text such as a key comment; malformed UTF-8 is replaced, not rejected. */
        String utf8() throws AgentException {
            return new String(string(), StandardCharsets.UTF_8);
        }

        /** A name such as a key type: printable ASCII only, so it is safe to show and compare. */
        String ascii() throws AgentException {
            byte[] s = string();
            for (byte b : s) {
                if (b < 0x21 || b > 0x7e) {
                    throw new AgentException(Reason.PROTOCOL, "ssh-agent sent a malformed name");
                }
            }
            return new String(s, StandardCharsets.US_ASCII);
        }

        private static AgentException truncated() {
            return new AgentException(Reason.PROTOCOL, "ssh-agent sent a truncated message");
        }
    }
}
