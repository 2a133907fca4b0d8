// Where a laptop reads a channel from: a URL (the update server, nginx, a CDN) or a folder (a USB stick
// made by `safe-edge channel bundle`, a share). Both are read through tuf-js in the channel worker, which
// verifies everything; a folder is read by a fetcher that answers like a static server (directoryFetcher.ts).
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { CHANNEL_METADATA_DIR, CHANNEL_TARGETS_DIR } from '../contract/modelChannel.js';

export type ChannelSource = { kind: 'http'; baseUrl: string } | { kind: 'dir'; dir: string };

/** `http(s)://…` is a served channel; anything else a folder. */
export function parseChannelSource(text: string): ChannelSource {
  if (/^https?:\/\//i.test(text)) {
    try { return { kind: 'http', baseUrl: new URL(text).href.replace(/\/?$/, '/') }; } catch {
      throw new SafeError(ERROR_CODES.INVALID_FIELD, `not a channel URL: ${text}`, 'channel');
    }
  }
  const dir = isAbsolute(text) ? text : resolve(text);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new SafeError(ERROR_CODES.FILE_UNREADABLE, `no channel folder at ${dir}`, 'channel');
  return { kind: 'dir', dir };
}

export const describeSource = (source: ChannelSource): string => (source.kind === 'http' ? source.baseUrl : source.dir);

const baseOf = (source: ChannelSource): string => (source.kind === 'http' ? source.baseUrl : pathToFileURL(source.dir).href.replace(/\/?$/, '/'));
export const metadataBaseUrl = (source: ChannelSource): string => new URL(`${CHANNEL_METADATA_DIR}/`, baseOf(source)).href;
export const targetsBaseUrl = (source: ChannelSource): string => new URL(`${CHANNEL_TARGETS_DIR}/`, baseOf(source)).href;
