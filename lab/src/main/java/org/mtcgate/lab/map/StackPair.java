package org.mtcgate.lab.map;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mtcgate.filter.Zone;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.stack.Transport;

/**
 * Two stacks on loopback for tests and labs: a gateway side (IPSP client, PC 1, SSN 8) and a network side
 * (IPSP server, PC 2, SSN 6 for the HLR and 8 for the MSC), with fresh ports.
 */
public final class StackPair implements AutoCloseable {
    public static final String GATEWAY_GT = "4917000000001"; // 13 digits: odd BCD encoding scheme
    public static final String HLR_GT = "491700000006";      // 12 digits: even
    public static final String MSC_GT = "49170000008";       // 11 digits: odd

    public final Ss7Stack gateway;
    public final Ss7Stack network;

    private StackPair(Ss7Stack gateway, Ss7Stack network) {
        this.gateway = gateway;
        this.network = network;
    }

    /** Assembles both stacks (nothing on the wire yet); call {@link #connect} after adding listeners. */
    public static StackPair assemble(Path dataDir, Transport transport) throws Exception {
        return assemble(dataDir, transport, 0);
    }

    /** As {@link #assemble(Path, Transport)}, with {@code deliveryThreads} M3UA delivery threads per stack (0: jSS7's). */
    public static StackPair assemble(Path dataDir, Transport transport, int deliveryThreads) throws Exception {
        return assemble(dataDir, transport, deliveryThreads, Zone.INTERCONNECT);
    }

    /**
     * As {@link #assemble(Path, Transport, int)}, with the network side's peer (the gateway) in {@code gatewayZone}:
     * home when the gateway stands for a home MSC relaying MO SMs.
     */
    public static StackPair assemble(Path dataDir, Transport transport, int deliveryThreads, Zone gatewayZone)
            throws Exception {
        return assemble(dataDir, transport, deliveryThreads, gatewayZone, 0, 0);
    }

    /**
     * Over TCP, with the gateway's TCAP invoke timer and dialog idle timer set: short ones let a test see its
     * dialogs time out.
     */
    public static StackPair withGatewayTimeouts(Path dataDir, long invokeMillis, long dialogIdleMillis) throws Exception {
        return assemble(dataDir, Transport.TCP, 0, Zone.INTERCONNECT, invokeMillis, dialogIdleMillis);
    }

    /** Gateway timeouts 0: the configuration's defaults. */
    private static StackPair assemble(Path dataDir, Transport transport, int deliveryThreads, Zone gatewayZone,
                                      long gatewayInvokeMillis, long gatewayIdleMillis) throws Exception {
        int[] ports = FreePorts.distinct(2);
        int serverPort = ports[0];
        int clientPort = ports[1];
        Ss7Stack network = Ss7Stack.assemble(Ss7StackConfig.builder()
                .name("network").dataDir(dataDir).transport(transport).deliveryThreads(deliveryThreads).role(AssociationRole.SERVER)
                .local("127.0.0.1", serverPort).remote("127.0.0.1", clientPort)
                .pointCodes(2, 1).localSsns(Ss7StackConfig.SSN_HLR, Ss7StackConfig.SSN_MSC)
                .remoteSsns(Ss7StackConfig.SSN_MSC).zone(gatewayZone).localGlobalTitle(HLR_GT).build());
        try {
            Ss7StackConfig.Builder gatewayConfig = Ss7StackConfig.builder()
                    .name("gateway").dataDir(dataDir).transport(transport).deliveryThreads(deliveryThreads).role(AssociationRole.CLIENT)
                    .local("127.0.0.1", clientPort).remote("127.0.0.1", serverPort)
                    .pointCodes(1, 2).localSsns(Ss7StackConfig.SSN_MSC)
                    .remoteSsns(Ss7StackConfig.SSN_HLR, Ss7StackConfig.SSN_MSC).localGlobalTitle(GATEWAY_GT);
            if (gatewayInvokeMillis > 0) {
                gatewayConfig.timeouts(gatewayInvokeMillis, gatewayIdleMillis);
            }
            Ss7Stack gateway = Ss7Stack.assemble(gatewayConfig.build());
            return new StackPair(gateway, network);
        } catch (Exception | Error e) {
            network.close();
            throw e;
        }
    }

    /** Starts both ASPs and waits until both M3UA ASs are active. */
    public void connect(long timeout, TimeUnit unit) throws Exception {
        network.connect();
        gateway.connect();
        network.active().get(timeout, unit);
        gateway.active().get(timeout, unit);
    }

    @Override
    public void close() {
        gateway.close();
        network.close();
    }
}
