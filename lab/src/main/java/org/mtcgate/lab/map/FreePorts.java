package org.mtcgate.lab.map;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports free at the time of asking, chosen by the kernel. */
public final class FreePorts {
    private FreePorts() {
    }

    public static int next() throws IOException {
        return distinct(1)[0];
    }

    /**
     * {@code count} different free ports. All sockets stay open until every port is chosen: one socket at a
     * time lets the kernel hand out the same port twice.
     */
    public static int[] distinct(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
