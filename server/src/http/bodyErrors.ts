import { ErrorCode, Limits, type WireError } from '@plenary/shared';

/**
 * What to answer when reading a request body failed because of what the client
 * sent (body-parser and raw-body errors: http-errors with a 4xx `status` and a
 * `type`): a documented code and a message, or null for a server fault.
 * Unsupported charsets and encodings answer `invalid` (400) like any other bad body.
 */
export function bodyError(error: unknown): Pick<WireError, 'code' | 'message'> | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, type, limit } = error as { status?: unknown; type?: unknown; limit?: unknown };
  // raw-body names the limit that was passed (the JSON API's, or the archive restore's).
  const limitBytes = typeof limit === 'number' ? limit : Limits.restBodyBytes;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  switch (type) {
    case 'entity.too.large':
      return { code: ErrorCode.tooLarge, message: `The request body is too large (at most ${limitBytes} bytes).` };
    case 'entity.parse.failed':
      return { code: ErrorCode.invalid, message: 'The request body is not valid JSON.' };
    case 'charset.unsupported':
      return { code: ErrorCode.invalid, message: 'The request body’s charset is not supported; send UTF-8.' };
    case 'encoding.unsupported':
      return { code: ErrorCode.invalid, message: 'The request body’s Content-Encoding is not supported; send gzip, deflate, br or none.' };
    case 'request.aborted':
      return { code: ErrorCode.invalid, message: 'The request body ended early.' };
    case 'request.size.invalid':
      return { code: ErrorCode.invalid, message: 'The request body is not as long as its Content-Length says.' };
    default:
      // A decompression stream that met bytes it cannot inflate (zlib's Z_DATA_ERROR and the like).
      return { code: status === 413 ? ErrorCode.tooLarge : ErrorCode.invalid, message: 'The request body could not be read (is its Content-Encoding right?).' };
  }
}
