import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

/**
 * A self-signed certificate for localhost and *.localhost (the Studio asks https://<project>.localhost),
 * made with openssl on first start and kept in the git-ignored folder.
 */
export function localCertificate(directory: string): {cert: Buffer; key: Buffer} {
  const certPath = join(directory, 'localhost.crt')
  const keyPath = join(directory, 'localhost.key')
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    mkdirSync(directory, {recursive: true})
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825',
      '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,DNS:local.localhost,DNS:*.localhost,IP:127.0.0.1,IP:::1',
      '-keyout', keyPath, '-out', certPath,
    ], {stdio: 'ignore'})
  }
  return {cert: readFileSync(certPath), key: readFileSync(keyPath)}
}
