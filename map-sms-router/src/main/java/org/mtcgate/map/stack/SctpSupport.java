package org.mtcgate.map.stack;

import io.netty.channel.sctp.SctpChannelOption;

/**
 * Whether jSS7's association layer can run SCTP with the Netty on the classpath. sctp-impl 2.0.16 was
 * compiled against Netty 4.0, whose SctpChannelOption constants are typed SctpChannelOption; Netty 4.1
 * types them ChannelOption, so the SCTP code path dies with NoSuchFieldError (SCTP_NODELAY) on the first
 * association (on a client it does so on a background thread, and the AS simply never comes up). TCP is
 * unaffected. Checked before anything starts so the failure is immediate and explained.
 */
final class SctpSupport {
    private SctpSupport() {
    }

    static void requireCompatibleNetty() {
        Class<?> type;
        try {
            type = SctpChannelOption.class.getField("SCTP_NODELAY").getType();
        } catch (NoSuchFieldException e) {
            type = null;
        }
        if (type != SctpChannelOption.class) {
            throw new IllegalStateException("SCTP transport is unavailable: jSS7 sctp-impl 2.0.16 needs Netty 4.0's "
                    + "SctpChannelOption field types, this node runs Netty " + nettyVersion()
                    + " (SctpChannelOption.SCTP_NODELAY is " + type + "); use TCP or an sctp-impl rebuilt on Netty 4.1");
        }
    }

    private static String nettyVersion() {
        String version = SctpChannelOption.class.getPackage().getImplementationVersion();
        return version == null ? "4.1" : version;
    }
}
