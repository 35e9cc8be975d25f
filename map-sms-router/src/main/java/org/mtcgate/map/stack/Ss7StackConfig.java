package org.mtcgate.map.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to assemble one point-to-point SIGTRAN stack: one M3UA IPSP association to one peer
 * signalling point, SCCP with GT translation towards it, TCAP and MAP.
 *
 * @param name                  stack name; also names threads and the persist sub-directory
 * @param dataDir               node data directory; jSS7 persists under {@code dataDir/jss7-<name>}
 * @param transport             SCTP, or TCP where the kernel lacks SCTP
 * @param role                  IPSP client (connects) or server (listens)
 * @param localHost             local IP address to bind
 * @param localPort             local port: listening port (server) or bound source port (client); the
 *                              server recognises its client by this address and port
 * @param remoteHost            peer IP address
 * @param remotePort            peer port
 * @param localPointCode        own signalling point code
 * @param remotePointCode       the peer's point code
 * @param networkIndicator      MTP3 network indicator (2 = national)
 * @param routingContext        M3UA routing context of the AS, identical on both sides
 * @param localSsns             subsystems served locally: the first is TCAP's primary SSN (8 MSC/SMSC,
 *                              6 HLR, TS 23.003 and ITU-T Q.713 3.4.2.2)
 * @param remoteSsns            subsystems of the peer
 * @param localGlobalTitle      own E.164 global title
 * @param invokeTimeoutMillis   TCAP invoke timer; must not exceed the dialog idle timeout
 * @param dialogIdleTimeoutMillis TCAP dialog idle timeout
 */
public record Ss7StackConfig(String name, Path dataDir, Transport transport, AssociationRole role,
                             String localHost, int localPort, String remoteHost, int remotePort,
                             int localPointCode, int remotePointCode, int networkIndicator, long routingContext,
                             List<Integer> localSsns, List<Integer> remoteSsns, String localGlobalTitle,
                             long invokeTimeoutMillis, long dialogIdleTimeoutMillis) {
    public static final int SSN_HLR = 6;
    public static final int SSN_VLR = 7;
    public static final int SSN_MSC = 8;

    public Ss7StackConfig {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("stack name must be 1..32 of [A-Za-z0-9_-]: " + name);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(localHost, "localHost");
        Objects.requireNonNull(remoteHost, "remoteHost");
        checkPort(localPort);
        checkPort(remotePort);
        checkPointCode(localPointCode);
        checkPointCode(remotePointCode);
        if (localPointCode == remotePointCode) {
            throw new IllegalArgumentException("local and remote point codes must differ");
        }
        if (networkIndicator < 0 || networkIndicator > 3) {
            throw new IllegalArgumentException("network indicator must be 0..3");
        }
        localSsns = List.copyOf(localSsns);
        remoteSsns = List.copyOf(remoteSsns);
        if (localSsns.isEmpty() || remoteSsns.isEmpty()) {
            throw new IllegalArgumentException("at least one local and one remote SSN");
        }
        for (int ssn : localSsns) {
            checkSsn(ssn);
        }
        for (int ssn : remoteSsns) {
            checkSsn(ssn);
        }
        if (!localGlobalTitle.matches("[0-9]{1,15}")) {
            throw new IllegalArgumentException("local global title must be 1..15 E.164 digits");
        }
        if (invokeTimeoutMillis <= 0 || dialogIdleTimeoutMillis < invokeTimeoutMillis) {
            throw new IllegalArgumentException("need 0 < invoke timeout <= dialog idle timeout");
        }
    }

    /** {@code dataDir/jss7-<name>}: where jSS7 writes its XML management state. */
    public Path persistDir() {
        return dataDir.resolve("jss7-" + name);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of 1..65535");
        }
    }

    private static void checkPointCode(int pc) {
        if (pc < 1 || pc > 0x3FFF) { // 14-bit ITU point code
            throw new IllegalArgumentException("point code " + pc + " is out of 1..16383");
        }
    }

    private static void checkSsn(int ssn) {
        if (ssn < 1 || ssn > 254) {
            throw new IllegalArgumentException("SSN " + ssn + " is out of 1..254");
        }
    }

    /** Fluent construction with lab defaults: TCP, NI 2, RC 100, SSN 8 both sides, 30 s / 60 s timers. */
    public static final class Builder {
        private String name;
        private Path dataDir;
        private Transport transport = Transport.TCP;
        private AssociationRole role = AssociationRole.CLIENT;
        private String localHost = "127.0.0.1";
        private int localPort;
        private String remoteHost = "127.0.0.1";
        private int remotePort;
        private int localPointCode;
        private int remotePointCode;
        private int networkIndicator = 2;
        private long routingContext = 100;
        private List<Integer> localSsns = List.of(SSN_MSC);
        private List<Integer> remoteSsns = List.of(SSN_MSC);
        private String localGlobalTitle;
        private long invokeTimeoutMillis = 30_000;
        private long dialogIdleTimeoutMillis = 60_000;

        public Builder name(String v) { name = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder transport(Transport v) { transport = v; return this; }
        public Builder role(AssociationRole v) { role = v; return this; }
        public Builder local(String host, int port) { localHost = host; localPort = port; return this; }
        public Builder remote(String host, int port) { remoteHost = host; remotePort = port; return this; }
        public Builder pointCodes(int local, int remote) { localPointCode = local; remotePointCode = remote; return this; }
        public Builder networkIndicator(int v) { networkIndicator = v; return this; }
        public Builder routingContext(long v) { routingContext = v; return this; }
        public Builder localSsns(Integer... v) { localSsns = List.of(v); return this; }
        public Builder remoteSsns(Integer... v) { remoteSsns = List.of(v); return this; }
        public Builder localGlobalTitle(String v) { localGlobalTitle = v; return this; }
        public Builder timeouts(long invokeMillis, long dialogIdleMillis) {
            invokeTimeoutMillis = invokeMillis;
            dialogIdleTimeoutMillis = dialogIdleMillis;
            return this;
        }

        public Ss7StackConfig build() {
            return new Ss7StackConfig(name, dataDir, transport, role, localHost, localPort, remoteHost, remotePort,
                    localPointCode, remotePointCode, networkIndicator, routingContext, localSsns, remoteSsns,
                    localGlobalTitle, invokeTimeoutMillis, dialogIdleTimeoutMillis);
        }
    }
}
