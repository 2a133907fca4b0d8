// The TLS certificate `safe-edge serve` uses off loopback (docs/hardening.md#lan): self-signed (a field
// post has no certificate authority), made with `selfsigned` on first start (node:crypto makes keys but
// not certificates), kept owner-only in the data directory and reused, so the SHA-256 fingerprint that
// clients pinned stays the same from one start to the next. A certificate or key that does not load is
// refused, never replaced behind the operator's back; only an expired one is renewed (and logged).
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { OWNER_ONLY_FILE_MODE, makeOwnerOnlyDir } from '../store/dataDirPermissions.js';

export const TLS_CERT_FILE = 'tls-cert.pem';
export const TLS_KEY_FILE = 'tls-key.pem';
/** Apple's limit for certificates a user trusts by hand; browsers accept a pinned one for as long. */
export const TLS_VALIDITY_DAYS = 825;
const DAY_MS = 86_400_000;

export interface ServingCertificate {
  cert: string;
  key: string;
  /** Colon-separated upper-case hex, as browsers show it. */
  fingerprintSha256: string;
  certificateFile: string;
  /** Why this start made a new one: none was kept, or the kept one expired; null when reused. */
  made: 'first-start' | 'expired' | null;
}

/** Writes `text` to `file` owner-only, atomically (a crash never leaves half a key). */
function writeOwnerOnly(file: string, text: string): void {
  const staged = `${file}.writing`;
  rmSync(staged, { force: true });
  writeFileSync(staged, text, { mode: OWNER_ONLY_FILE_MODE });
  renameSync(staged, file);
}

async function makeCertificate(dataDir: string, names: string[], nowMs: number): Promise<{ cert: string; key: string }> {
  const altNames = names.map((name) => {
    const bare = name.replace(/^\[(.*)\]$/, '$1');
    return isIP(bare) ? { type: 7 as const, ip: bare } : { type: 2 as const, value: bare };
  });
  const made = await generate([{ name: 'commonName', value: 'SAFE Edge' }, { name: 'organizationName', value: 'SAFE Edge field post' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256',
    notBeforeDate: new Date(nowMs - DAY_MS), notAfterDate: new Date(nowMs + TLS_VALIDITY_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  makeOwnerOnlyDir(dataDir);
  // Key first: a crash between the two leaves a key without a certificate, which the next start replaces.
  writeOwnerOnly(join(dataDir, TLS_KEY_FILE), made.private);
  writeOwnerOnly(join(dataDir, TLS_CERT_FILE), made.cert);
  return { cert: made.cert, key: made.private };
}

function loadKept(dataDir: string): { cert: string; key: string; x509: X509Certificate } {
  const certificateFile = join(dataDir, TLS_CERT_FILE);
  const invalid = (why: string) => new SafeError(ERROR_CODES.TLS_CERTIFICATE_INVALID,
    `the TLS certificate ${certificateFile} ${why}: delete ${TLS_CERT_FILE} and ${TLS_KEY_FILE} in the data directory to make a new one (clients must then check its new fingerprint)`, 'tls');
  let cert: string, key: string;
  try {
    cert = readFileSync(certificateFile, 'utf8');
    key = readFileSync(join(dataDir, TLS_KEY_FILE), 'utf8');
  } catch (err) {
    throw invalid(`cannot be read with its key (${(err as Error).message})`);
  }
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) throw new Error('the key is not the certificate\'s');
  } catch (err) {
    throw invalid(`does not load (${(err as Error).message})`);
  }
  return { cert, key, x509 };
}

/**
 * The kept certificate, or a new one naming `names` (addresses and host names) when none is kept or it
 * has expired. The names are those of the first start; clients check the fingerprint, not the address.
 */
export async function loadOrCreateCertificate(dataDir: string, names: string[], nowMs = Date.now()): Promise<ServingCertificate> {
  const certificateFile = join(dataDir, TLS_CERT_FILE);
  let made: ServingCertificate['made'] = null;
  let pair: { cert: string; key: string };
  if (!existsSync(certificateFile)) {
    pair = await makeCertificate(dataDir, names, nowMs);
    made = 'first-start';
  } else {
    const kept = loadKept(dataDir);
    if (Date.parse(kept.x509.validTo) <= nowMs) {
      pair = await makeCertificate(dataDir, names, nowMs);
      made = 'expired';
    } else {
      pair = kept;
    }
  }
  const fingerprintSha256 = new X509Certificate(pair.cert).fingerprint256;
  return { cert: pair.cert, key: pair.key, fingerprintSha256, certificateFile, made };
}
