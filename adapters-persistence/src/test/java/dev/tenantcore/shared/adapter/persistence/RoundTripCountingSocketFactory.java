package dev.tenantcore.shared.adapter.persistence;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * For PostgreSQL's JDBC driver ({@code socketFactory=} in the URL): counts round trips, i.e. the times the driver
 * starts reading after having written. (Flushes would overcount: the driver flushes BEGIN and then the first query
 * without waiting in between.) Counts without timing anything.
 */
public final class RoundTripCountingSocketFactory extends SocketFactory {
    private static final AtomicLong ROUND_TRIPS = new AtomicLong();

    public static long roundTrips() {
        return ROUND_TRIPS.get();
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            private volatile boolean wroteSinceLastRead;
            private OutputStream out;
            private InputStream in;

            @Override
            public synchronized OutputStream getOutputStream() throws IOException {
                if (out == null) {
                    out = new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(int b) throws IOException {
                            wroteSinceLastRead = true;
                            out.write(b);
                        }

                        @Override
                        public void write(byte[] bytes, int offset, int length) throws IOException {
                            wroteSinceLastRead = true;
                            out.write(bytes, offset, length);
                        }
                    };
                }
                return out;
            }

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (in == null) {
                    in = new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read() throws IOException {
                            countTurnaround();
                            return in.read();
                        }

                        @Override
                        public int read(byte[] bytes, int offset, int length) throws IOException {
                            countTurnaround();
                            return in.read(bytes, offset, length);
                        }
                    };
                }
                return in;
            }

            private void countTurnaround() {
                if (wroteSinceLastRead) {
                    wroteSinceLastRead = false;
                    ROUND_TRIPS.incrementAndGet();
                }
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException("the driver connects an unconnected socket");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("the driver connects an unconnected socket");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("the driver connects an unconnected socket");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("the driver connects an unconnected socket");
    }
}
