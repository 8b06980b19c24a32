/**
 * Bounds join-code guessing without letting wrong attempts shut out right ones.
 *
 * Why it is shaped so. A join code is 6 characters from a 31-character alphabet:
 * 31^6 = 887,503,681 codes. With W workshops open, one guess finds one with
 * probability W / 887.5M. What bounds an attacker is the number of guesses the
 * server *evaluates*; a guess answered "wrong, slow down" while right codes still
 * pass is still an evaluated guess (429 = wrong, 201 = right). So once an address
 * is over its budget, its guesses of codes it has not shown it knows are refused
 * *unevaluated*, with the same 429 whether they are right or wrong:
 * - per address: `perAddress` wrong codes per 5 minutes (default 30, IPv6 by /56).
 *   One address then gets at most 30 × 288 = 8,640 guesses a day: with 10 workshops
 *   open, a day of guessing finds one with probability 8,640 × 10 / 887.5M ≈ 1/10,000;
 * - on the whole node: `global` wrong codes per 5 minutes (default 600) from all
 *   addresses together, against many addresses (a botnet, IPv6 ranges): at most
 *   172,800 a day, ≈ 1/500 a day with 10 workshops open, and 0 once joining is closed.
 * A code an address has *shown* it knows keeps working from that address whatever
 * the budgets: a successful join, or a facilitator entering (the facilitator key,
 * 256 random bits, proves the workshop's code too), makes the code known there for
 * 12 hours. Such a code passing tells an attacker behind the same NAT address
 * nothing about any other workshop's code. So a room behind one address keeps
 * joining while someone in it types wrong codes; if the guessing began before anyone
 * joined, the facilitator entering from the room's network lets the room in.
 *
 * Facilitator keys are counted apart (a join-code failure never blocks a key) and a
 * right key always passes: guessing 256 bits is hopeless at any rate, so a key being
 * evaluated when over budget gives nothing away; wrong keys over budget get 429.
 *
 * In memory, per node (each node of a cluster has budgets of its own).
 */
import { ipKeyGenerator } from 'express-rate-limit';

const windowMs = 5 * 60_000;
const knownForMs = 12 * 60 * 60_000;
/** Codes remembered per address at most (a venue runs a few workshops, not hundreds). */
const knownPerAddress = 32;

export interface JoinGuardOptions {
  /** Wrong join codes per address per 5 minutes. */
  perAddress: number;
  /** Wrong join codes on this node per 5 minutes, all addresses together. */
  global: number;
  /** Wrong facilitator keys per address per 5 minutes before they get 429. */
  keysPerAddress: number;
  now: () => number;
}

interface Window {
  startedAt: number;
  failures: number;
}

export class JoinGuard {
  private readonly codeFailures = new Map<string, Window>();
  private readonly keyFailures = new Map<string, Window>();
  private global: Window = { startedAt: 0, failures: 0 };
  /** Per address: join code → until when it is known there. */
  private readonly known = new Map<string, Map<string, number>>();
  private sweptAt = 0;

  constructor(private readonly options: JoinGuardOptions) {}

  /** The key an address is counted under: IPv4 as it is, IPv6 by its /56 (one customer's range). */
  static addressKey(ip: string | undefined): string {
    return ipKeyGenerator(ip ?? 'unknown', 56);
  }

  /**
   * Whether a join attempt (or join-info lookup) with `code` (normalized) may be
   * evaluated. Asked before the code is looked up, so a refusal takes the same time
   * and says the same whether the code is right or wrong.
   */
  mayTryCode(address: string, code: string): boolean {
    this.sweep();
    if (this.isKnown(address, code)) return true;
    return !this.over(this.codeFailures, address, this.options.perAddress) && this.current(this.global).failures < this.options.global;
  }

  /** Records a code that matched no workshop. */
  codeFailed(address: string): void {
    this.count(this.codeFailures, address);
    this.current(this.global).failures++;
  }

  /** Records that `address` knows `code` (someone joined with it, or the workshop's facilitator entered). */
  codeKnown(address: string, code: string): void {
    let codes = this.known.get(address);
    if (!codes) this.known.set(address, (codes = new Map()));
    codes.delete(code);
    codes.set(code, this.options.now() + knownForMs);
    // Oldest first in a Map: drop past the bound.
    while (codes.size > knownPerAddress) codes.delete(codes.keys().next().value!);
  }

  /** Whether a wrong facilitator key from `address` should now be answered 429 (a right one always passes). */
  keysOverBudget(address: string): boolean {
    this.sweep();
    return this.over(this.keyFailures, address, this.options.keysPerAddress);
  }

  keyFailed(address: string): void {
    this.count(this.keyFailures, address);
  }

  /** Seconds until the address's code budget (or the node's) is fresh again, for Retry-After. */
  retryAfterSeconds(address: string): number {
    const now = this.options.now();
    const mine = this.codeFailures.get(address);
    const ends = [this.global, ...(mine ? [mine] : [])].map((w) => w.startedAt + windowMs - now).filter((ms) => ms > 0);
    return Math.max(1, Math.ceil(Math.max(0, ...ends) / 1000));
  }

  private isKnown(address: string, code: string): boolean {
    const until = this.known.get(address)?.get(code);
    return until !== undefined && until > this.options.now();
  }

  private current(w: Window): Window {
    const now = this.options.now();
    if (now - w.startedAt >= windowMs) {
      w.startedAt = now;
      w.failures = 0;
    }
    return w;
  }

  private over(map: Map<string, Window>, address: string, limit: number): boolean {
    const w = map.get(address);
    return w !== undefined && this.current(w).failures >= limit;
  }

  private count(map: Map<string, Window>, address: string): void {
    const w = map.get(address);
    if (w) this.current(w).failures++;
    else map.set(address, { startedAt: this.options.now(), failures: 1 });
  }

  /** Forgets expired windows and codes, at most once a minute, so memory follows current traffic. */
  private sweep(): void {
    const now = this.options.now();
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const map of [this.codeFailures, this.keyFailures]) {
      for (const [address, w] of map) if (now - w.startedAt >= windowMs) map.delete(address);
    }
    for (const [address, codes] of this.known) {
      for (const [id, until] of codes) if (until <= now) codes.delete(id);
      if (codes.size === 0) this.known.delete(address);
    }
  }
}
