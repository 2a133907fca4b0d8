// Which addresses `safe-edge serve` answers on, and what serving there requires (docs/hardening.md#lan).
// Only 127.0.0.1, ::1 and localhost count as loopback: every other address, 127.0.0.2 included, is
// treated as reachable from the network (the tests use 127.0.0.2 to stand for a LAN address), so it
// needs the API token and is served over TLS.
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { ERROR_CODES, SafeError } from '../contract/errors.js';

/** The loopback names as a browser sends them in `Host` (an IPv6 address in brackets). */
export const LOOPBACK_HOST_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/** An address or name as it appears in a `Host` header (without the port). */
export const hostHeaderName = (host: string): string => (isIP(host) === 6 ? `[${host}]` : host.toLowerCase());

export const isLoopbackHost = (host: string): boolean => LOOPBACK_HOST_NAMES.includes(hostHeaderName(host.replace(/^\[(.*)\]$/, '$1')));

/**
 * The names a browser on the network uses to reach a server bound to `bindHost`, in `Host` form: the
 * name itself, or for a wildcard bind (0.0.0.0, ::) every address of this machine's interfaces, so a
 * second screen at https://<lan-ip>:port passes the Host check. Loopback names are admitted anyway.
 */
export function servedHostNames(bindHost: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  const bare = bindHost.replace(/^\[(.*)\]$/, '$1');
  const addresses = WILDCARD_HOSTS.has(bindHost) || WILDCARD_HOSTS.has(bare)
    ? Object.values(interfaces).flatMap((list) => (list ?? []).map((info) => info.address))
    : [bare];
  return [...new Set(addresses.map(hostHeaderName))].filter((name) => !LOOPBACK_HOST_NAMES.includes(name));
}

/** Serving off loopback without the token would hand every run to anyone on the network: refused. */
export function assertServable(host: string, requireToken: boolean): void {
  if (!requireToken && !isLoopbackHost(host)) {
    throw new SafeError(ERROR_CODES.LAN_NEEDS_TOKEN, `--no-token is refused on ${host}: anyone on the network could read every run. Serve on ${host} with the token (drop --no-token), or use --no-token on 127.0.0.1 only`, 'host');
  }
}

/** TLS is on for every address but loopback, and on loopback when asked (`--tls`). */
export const servesTls = (host: string, tlsAsked: boolean): boolean => tlsAsked || !isLoopbackHost(host);
