// Every way tuf-js refuses a channel, turned into the stable code the issue names (docs/updates.md,
// "Refusals"). tuf-js wraps the snapshot and targets steps' errors into a RuntimeError that keeps only
// the text, so those are matched on the wording of the pinned tuf-js version; the tests stage each
// attack for real, so a wording change in an upgrade fails them rather than passing a refusal through.
import { ExpiredMetadataError, BadVersionError, DownloadLengthMismatchError, DownloadHTTPError, DownloadError } from 'tuf-js/dist/error.js';
import { LengthOrHashMismatchError, UnsignedMetadataError } from '@tufjs/models/dist/error.js';
import { ERROR_CODES, SafeError, type ErrorCode } from '../contract/errors.js';

const BY_TEXT: Array<[RegExp, ErrorCode]> = [
  [/is expired/, ERROR_CODES.UPDATE_EXPIRED],
  [/was signed by \d+\/\d+ keys/, ERROR_CODES.UPDATE_BAD_SIGNATURE],
  [/is less than current version/, ERROR_CODES.UPDATE_REPLAYED],
  [/does not match snapshot version|doesn't match timestamp|Expected (length|hash)/, ERROR_CODES.UPDATE_MIXED_METADATA],
  [/Max length reached/, ERROR_CODES.UPDATE_OVERSIZE],
];

/** The refusal for an error thrown while tuf-js refreshed the metadata. */
export function metadataRefusal(err: unknown, channel: string): SafeError {
  if (err instanceof SafeError) return err;
  const text = err instanceof Error ? err.message : String(err);
  const at = ` (channel ${channel})`;
  if (err instanceof ExpiredMetadataError) return new SafeError(ERROR_CODES.UPDATE_EXPIRED, `channel metadata has expired: ${text}${at}`, 'channel');
  if (err instanceof UnsignedMetadataError) return new SafeError(ERROR_CODES.UPDATE_BAD_SIGNATURE, `channel metadata is not signed by the trusted keys: ${text}${at}`, 'channel');
  if (err instanceof BadVersionError) return new SafeError(ERROR_CODES.UPDATE_REPLAYED, `channel metadata is older than what this device trusts: ${text}${at}`, 'channel');
  if (err instanceof LengthOrHashMismatchError) return new SafeError(ERROR_CODES.UPDATE_MIXED_METADATA, `channel metadata files do not belong together: ${text}${at}`, 'channel');
  if (err instanceof DownloadLengthMismatchError) return new SafeError(ERROR_CODES.UPDATE_OVERSIZE, `a metadata file is longer than allowed: ${text}${at}`, 'channel');
  for (const [pattern, code] of BY_TEXT) if (pattern.test(text)) return new SafeError(code, `channel refused: ${text}${at}`, 'channel');
  if (err instanceof DownloadHTTPError || err instanceof DownloadError || /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|404|timed out/i.test(text)) {
    return new SafeError(ERROR_CODES.UPDATE_UNREACHABLE, `the channel could not be read: ${text}${at}`, 'channel');
  }
  return new SafeError(ERROR_CODES.UPDATE_BAD_SIGNATURE, `channel metadata could not be verified: ${text}${at}`, 'channel');
}

/** The refusal for a downloaded target that failed tuf-js's length and hash check. */
export function targetRefusal(err: unknown, path: string): SafeError {
  if (err instanceof SafeError) return err;
  const text = err instanceof Error ? err.message : String(err);
  if (err instanceof DownloadLengthMismatchError || /Expected length/.test(text)) {
    return new SafeError(ERROR_CODES.UPDATE_OVERSIZE, `${path} is longer than its signed length (${text}); the download was stopped there`, 'target');
  }
  if (err instanceof DownloadHTTPError || /fetch failed|ECONNREFUSED|ETIMEDOUT/.test(text)) return new SafeError(ERROR_CODES.UPDATE_UNREACHABLE, `${path} could not be downloaded: ${text}`, 'target');
  return new SafeError(ERROR_CODES.UPDATE_TAMPERED, `${path} does not match its signed hash: ${text}`, 'target');
}
