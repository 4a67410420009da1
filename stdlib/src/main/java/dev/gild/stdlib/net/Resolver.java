package dev.gild.stdlib.net;

import dev.gild.runtime.Blocking;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Host names to addresses, as CPython's socket functions see them: '' is the wildcard address,
 * '&lt;broadcast&gt;' the broadcast one, numeric addresses are parsed without a lookup, and other
 * names are looked up with the interpreter lock released (a DNS query may take seconds).
 * Unknown names raise socket.gaierror.
 */
final class Resolver {
    private Resolver() {}

    static InetAddress resolve(String host, int family) {
        boolean v6 = family == SocketObject.AF_INET6;
        try {
            if (host.isEmpty()) return InetAddress.getByName(v6 ? "::" : "0.0.0.0");
            if (host.equals("<broadcast>")) return InetAddress.getByName("255.255.255.255");
            if (isNumeric(host)) return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw SocketErrors.unknownHost();
        }
        InetAddress found = Blocking.call("getaddrinfo", () -> {
            try {
                for (InetAddress a : InetAddress.getAllByName(host)) {
                    if (v6 ? a instanceof Inet6Address : a instanceof Inet4Address) return a;
                }
                return null;
            } catch (UnknownHostException e) {
                return null;
            }
        });
        if (found == null) throw SocketErrors.unknownHost();
        return found;
    }

    /** All addresses of a host of the family (0: either), for getaddrinfo; gaierror when none. */
    static InetAddress[] resolveAll(String host, int family) {
        if (host.isEmpty() || host.equals("<broadcast>") || isNumeric(host)) {
            int literalFamily = host.indexOf(':') >= 0 ? SocketObject.AF_INET6 : SocketObject.AF_INET;
            if (family != 0 && family != literalFamily) throw SocketErrors.unknownHost();
            return new InetAddress[] {resolve(host, literalFamily)};
        }
        InetAddress[] found = Blocking.call("getaddrinfo", () -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                return new InetAddress[0];
            }
        });
        java.util.List<InetAddress> fitting = new java.util.ArrayList<>();
        for (InetAddress a : found) {
            if (family == 0 || (family == SocketObject.AF_INET6) == (a instanceof Inet6Address)) fitting.add(a);
        }
        if (fitting.isEmpty()) throw SocketErrors.unknownHost();
        return fitting.toArray(new InetAddress[0]);
    }

    /** Whether host is a dotted IPv4 address or an IPv6 literal (no lookup needed). */
    static boolean isNumeric(String host) {
        if (host.indexOf(':') >= 0) return true;
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') dots++;
            else if (c < '0' || c > '9') return false;
        }
        return dots == 3;
    }

    /** The numeric form CPython shows: dotted IPv4, or compressed IPv6 ("::1"). */
    static String numeric(InetAddress address) {
        if (address instanceof Inet4Address) return address.getHostAddress();
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        // The longest run of two or more zero groups collapses to "::".
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** The machine's host name (socket.gethostname), as the kernel reports it. */
    static String hostName() {
        try {
            java.nio.file.Path kernelName = java.nio.file.Path.of("/proc/sys/kernel/hostname");
            if (java.nio.file.Files.isReadable(kernelName)) return java.nio.file.Files.readString(kernelName).strip();
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** socket.getfqdn: the canonical name of host (of this machine when empty), else host itself. */
    static String fullName(String host) {
        try {
            String name = host.isEmpty() || host.equals("0.0.0.0") ? hostName() : host;
            return InetAddress.getByName(name).getCanonicalHostName();
        } catch (UnknownHostException e) {
            return host.isEmpty() ? hostName() : host;
        }
    }
}
