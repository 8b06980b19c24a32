/**
 * Session tokens: JWTs signed with HMAC-SHA256 under the server secret,
 * naming the workshop, the participant and the role they joined with.
 * Verification checks signature, issuer, algorithm and expiry; whether the
 * participant may still act is decided against the workshop's state.
 */
import { SignJWT, jwtVerify } from 'jose';
import { SessionClaims } from '@plenary/shared';

const issuer = 'plenary';
const algorithm = 'HS256';

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

export class TokenSigner {
  private readonly key: Uint8Array;

  constructor(
    secret: Uint8Array,
    private readonly ttlSeconds: number,
  ) {
    if (secret.length < 32) throw new Error('the server secret must have at least 32 bytes');
    this.key = secret;
  }

  /** A token for these claims, valid for the configured time from `nowMs`. */
  async sign(claims: SessionClaims, nowMs = Date.now()): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    return new SignJWT({ wid: claims.wid, role: claims.role })
      .setProtectedHeader({ alg: algorithm })
      .setSubject(claims.sub)
      .setIssuer(issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.key);
  }

  /** The claims of a valid token; throws `InvalidTokenError` for anything else. */
  async verify(token: unknown): Promise<SessionClaims> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      throw new InvalidTokenError('missing token');
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer, algorithms: [algorithm] });
      const claims = SessionClaims.safeParse({ wid: payload.wid, sub: payload.sub, role: payload.role });
      if (!claims.success) throw new InvalidTokenError('malformed claims');
      return claims.data;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      const code = (error as { code?: string }).code;
      throw new InvalidTokenError(code === 'ERR_JWT_EXPIRED' ? 'token expired' : 'invalid token');
    }
  }
}
