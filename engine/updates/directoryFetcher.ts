// Reads a channel folder the way tuf-js reads a served one: `file://` URLs as streams, and a missing file
// as the 404 that ends tuf-js's walk over newer root versions. Runs in the channel worker only.
import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BaseFetcher } from 'tuf-js';
// tuf-js's error classes are not re-exported by its index; the package has no exports map to forbid this.
import { DownloadHTTPError } from 'tuf-js/dist/error.js';

export class DirectoryFetcher extends BaseFetcher {
  override async fetch(url: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    const path = fileURLToPath(url);
    if (!existsSync(path)) throw new DownloadHTTPError(`404 for ${url}`, 404);
    return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array<ArrayBuffer>>;
  }
}
