package news.platform.media.agency;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which resolved addresses an agency picture may come from: public unicast only. Never loopback,
 * link-local (cloud metadata at 169.254.169.254), private (10/8, 172.16/12, 192.168/16), shared
 * (100.64/10), unique-local (fc00::/7), multicast, any-local, reserved or broadcast; an IPv6
 * address that embeds an IPv4 one (mapped, NAT64, 6to4) is judged by the IPv4 address inside.
 */
final class Addresses {

	private Addresses() {
	}

	static boolean forbidden(InetAddress address) {
		if (address instanceof Inet6Address v6) {
			InetAddress embedded = embeddedIpv4(v6.getAddress());
			if (embedded != null) {
				return forbidden(embedded);
			}
		}
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			return first == 0 // "this network"
					|| (first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
					|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
					|| (first == 198 && (second == 18 || second == 19)) // benchmarking
					|| first >= 240; // reserved and broadcast
		}
		int first = b[0] & 0xff;
		return (first & 0xfe) == 0xfc // unique-local fc00::/7
				|| (first == 0xfe && (b[1] & 0xc0) == 0xc0); // deprecated site-local fec0::/10
	}

	/** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 address, else null. */
	private static InetAddress embeddedIpv4(byte[] b) {
		try {
			boolean zeroPrefix = true;
			for (int i = 0; i < 10; i++) {
				zeroPrefix &= b[i] == 0;
			}
			boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
			boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
			boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
					&& (b[3] & 0xff) == 0x9b;
			if (mapped || compatible || nat64) {
				return InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] });
			}
			if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
				return InetAddress.getByAddress(new byte[] { b[2], b[3], b[4], b[5] });
			}
			return null;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
