package org.mtcgate.map.stack;

/**
 * Hears, per peer association, each whole M3UA message received and passed to jSS7, each one dropped by the origin
 * check and each one jSS7 sent, for the node's per-association metrics. Called on the association's thread or the
 * sender's: do not block.
 */
public interface M3uaTraffic {
    M3uaTraffic NONE = new M3uaTraffic() {
        @Override
        public void received(String peer) {
        }

        @Override
        public void dropped(String peer) {
        }

        @Override
        public void sent(String peer) {
        }
    };

    void received(String peer);

    void dropped(String peer);

    void sent(String peer);
}
