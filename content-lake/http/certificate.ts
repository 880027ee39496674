import {execFileSync} from 'node:child_process'
import {createPrivateKey, X509Certificate} from 'node:crypto'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync} from 'node:fs'
import {join} from 'node:path'

// The only names the certificate vouches for: this machine's.
const NAMES = 'subjectAltName=DNS:localhost,DNS:*.localhost,IP:127.0.0.1,IP:::1'

/**
 * Whether a stored certificate is one this package would make now: a leaf (not a CA, so trusting it can
 * never vouch for another site) for loopback names only, with a key only its owner can read.
 */
function isCurrent(certPath: string, keyPath: string): boolean {
  try {
    const cert = new X509Certificate(readFileSync(certPath))
    const names = cert.subjectAltName ?? ''
    const onlyLoopback = names.split(', ').every((name) => /^(DNS:localhost|DNS:\*\.localhost|DNS:local\.localhost|IP Address:127\.0\.0\.1|IP Address:0:0:0:0:0:0:0:1)$/.test(name))
    const fresh = Date.parse(cert.validTo) > Date.now() + 7 * 24 * 3600 * 1000
    return !cert.ca && onlyLoopback && fresh && (statSync(keyPath).mode & 0o077) === 0
  } catch {
    return false
  }
}

/**
 * A self-signed leaf certificate for localhost, *.localhost, 127.0.0.1 and ::1 (the Studio asks
 * https://<project>.localhost), made with openssl on first start and kept in the git-ignored folder.
 * An older certificate (a CA, other names, expiring, or a key others can read) is replaced.
 */
export function localCertificate(directory: string): {cert: Buffer; key: Buffer} {
  const certPath = join(directory, 'localhost.crt')
  const keyPath = join(directory, 'localhost.key')
  if (!existsSync(certPath) || !existsSync(keyPath) || !isCurrent(certPath, keyPath)) {
    mkdirSync(directory, {recursive: true, mode: 0o700})
    // Made aside and moved into place, so that a process starting at the same moment reads whole files.
    const scratch = mkdtempSync(join(directory, 'new-'))
    const [newKey, newCert] = [join(scratch, 'localhost.key'), join(scratch, 'localhost.crt')]
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825',
      '-subj', '/CN=localhost',
      '-addext', NAMES,
      '-addext', 'basicConstraints=critical,CA:FALSE',
      '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment',
      '-addext', 'extendedKeyUsage=serverAuth',
      '-keyout', newKey, '-out', newCert,
    ], {stdio: 'ignore'})
    chmodSync(newKey, 0o600)
    renameSync(newKey, keyPath)
    renameSync(newCert, certPath)
    rmSync(scratch, {recursive: true, force: true})
  }
  // Another process may have replaced one file of the pair between our two reads: read until they match.
  for (let attempt = 0; ; attempt++) {
    const pair = {cert: readFileSync(certPath), key: readFileSync(keyPath)}
    if (new X509Certificate(pair.cert).checkPrivateKey(createPrivateKey(pair.key)) || attempt >= 50) return pair
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
  }
}
