/**
 * Who may read /healthz's details (node id, which contains the PID, connection
 * counts, memory). Liveness (`{ ok: true }`) is public: load balancers and
 * uptime checks need no credentials. The details go to:
 * - a request made on this machine straight to the node: its socket comes from a
 *   loopback address and it carries no forwarding header. A reverse proxy on the
 *   same host also connects from the loopback, which is why a forwarded request
 *   (X-Forwarded-For, Forwarded, X-Real-IP: nginx.conf sets the first) never counts
 *   as local, whatever `trust proxy` says;
 * - a request with `Authorization: Bearer <HEALTH_TOKEN>`, when one is configured
 *   (compared in constant time).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

const forwardingHeaders = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** Whether `address` (a socket's remote address) is a loopback address, IPv4, IPv6 or IPv4-mapped. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function mayReadHealthDetails(req: Request, healthToken: string | null): boolean {
  if (healthToken) {
    const header = req.get('authorization') ?? '';
    if (header.startsWith('Bearer ') && sameSecret(header.slice(7), healthToken)) return true;
  }
  const forwarded = forwardingHeaders.some((h) => req.headers[h] !== undefined);
  return !forwarded && isLoopback(req.socket.remoteAddress);
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first makes the lengths equal, so the comparison leaks neither length nor content.
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
