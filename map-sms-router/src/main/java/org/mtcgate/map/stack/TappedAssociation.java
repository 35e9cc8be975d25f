package org.mtcgate.map.stack;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.mobicents.protocols.api.Association;
import org.mobicents.protocols.api.AssociationListener;
import org.mobicents.protocols.api.AssociationType;
import org.mobicents.protocols.api.IpChannelType;
import org.mobicents.protocols.api.PayloadData;

/**
 * One of jSS7's associations as M3UA sees it, telling a {@link M3uaTap} and the {@link M3uaTraffic} counters of
 * each message M3UA sends (jSS7 writes one whole M3UA message per {@link #send}); everything else is the
 * association's own.
 */
final class TappedAssociation implements Association {
    private final Association delegate;
    private final M3uaTap tap;
    private final Supplier<M3uaTraffic> traffic;
    private final String peer;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;

    TappedAssociation(Association delegate, M3uaTap tap, Supplier<M3uaTraffic> traffic, String peer, InetSocketAddress local,
                      InetSocketAddress remote) {
        this.delegate = delegate;
        this.tap = tap;
        this.traffic = traffic;
        this.peer = peer;
        this.local = local;
        this.remote = remote;
    }

    @Override
    public void send(PayloadData payload) throws Exception {
        if (tap.wanted()) {
            tap.seen(peer, false, local, remote, payload.getStreamNumber(), copy(payload));
        }
        delegate.send(payload);
        traffic.get().sent(peer);
    }

    private static byte[] copy(PayloadData payload) {
        ByteBuf buf = payload.getByteBuf();
        if (buf == null) {
            return payload.getData().clone();
        }
        byte[] bytes = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), bytes);
        return bytes;
    }

    @Override
    public IpChannelType getIpChannelType() {
        return delegate.getIpChannelType();
    }

    @Override
    public AssociationType getAssociationType() {
        return delegate.getAssociationType();
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isStarted() {
        return delegate.isStarted();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public boolean isUp() {
        return delegate.isUp();
    }

    @Override
    public AssociationListener getAssociationListener() {
        return delegate.getAssociationListener();
    }

    @Override
    public void setAssociationListener(AssociationListener listener) {
        delegate.setAssociationListener(listener);
    }

    @Override
    public String getHostAddress() {
        return delegate.getHostAddress();
    }

    @Override
    public int getHostPort() {
        return delegate.getHostPort();
    }

    @Override
    public String getPeerAddress() {
        return delegate.getPeerAddress();
    }

    @Override
    public int getPeerPort() {
        return delegate.getPeerPort();
    }

    @Override
    public String getServerName() {
        return delegate.getServerName();
    }

    @Override
    public String[] getExtraHostAddresses() {
        return delegate.getExtraHostAddresses();
    }

    @Override
    public ByteBufAllocator getByteBufAllocator() throws Exception {
        return delegate.getByteBufAllocator();
    }

    @Override
    public int getCongestionLevel() {
        return delegate.getCongestionLevel();
    }

    @Override
    public void acceptAnonymousAssociation(AssociationListener listener) throws Exception {
        delegate.acceptAnonymousAssociation(listener);
    }

    @Override
    public void rejectAnonymousAssociation() {
        delegate.rejectAnonymousAssociation();
    }

    @Override
    public void stopAnonymousAssociation() throws Exception {
        delegate.stopAnonymousAssociation();
    }

    @Override
    public String toString() {
        return delegate.getName();
    }
}
