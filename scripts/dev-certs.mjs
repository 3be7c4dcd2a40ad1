/**
 * HTTPS certificates for the dev server (https://localhost:3000).
 *
 * office-addin-dev-certs' getHttpsServerOptions() also installs the CA into the system trust
 * store. That is what desktop Excel on Windows/macOS needs, but on Linux it runs `sudo` and
 * throws. So on Linux we only generate the files (same folder and names as the Microsoft tool,
 * ~/.office-addin-dev-certs) and tell the user which CA file the browser must trust.
 *
 * CLI: `node scripts/dev-certs.mjs` creates the files if needed and prints their paths.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { X509Certificate } from "node:crypto";
import { fileURLToPath } from "node:url";
import devCerts from "office-addin-dev-certs";

// XSG_CERT_DIR lets a test or a locked-down machine keep the files elsewhere.
const CERT_DIR = process.env.XSG_CERT_DIR || path.join(os.homedir(), ".office-addin-dev-certs");

export const certPaths = {
  dir: CERT_DIR,
  ca: path.join(CERT_DIR, "ca.crt"),
  cert: path.join(CERT_DIR, "localhost.crt"),
  key: path.join(CERT_DIR, "localhost.key"),
};

/** Desktop Excel on these platforms only loads the add-in if the CA is trusted by the system. */
export const installsTrust = process.platform === "win32" || process.platform === "darwin";

/** A usable certificate exists, covers localhost and stays valid for at least another day. */
export function certificatesAreUsable(paths = certPaths, now = Date.now()) {
  if (![paths.ca, paths.cert, paths.key].every((file) => fs.existsSync(file))) return false;
  try {
    const cert = new X509Certificate(fs.readFileSync(paths.cert));
    const validFor = Date.parse(cert.validTo) - now;
    return validFor > 24 * 3600 * 1000 && cert.checkHost("localhost") !== undefined;
  } catch {
    return false;
  }
}

/** Returns { ca, cert, key } buffers for webpack-dev-server's `server.options`. */
export async function ensureDevCerts({ log = console.log } = {}) {
  if (installsTrust && !process.env.XSG_CERT_DIR) {
    // Generates if needed and asks the user once to trust the CA (Windows/macOS prompt).
    return devCerts.getHttpsServerOptions();
  }
  if (!certificatesAreUsable()) {
    for (const file of [certPaths.ca, certPaths.cert, certPaths.key]) fs.rmSync(file, { force: true });
    await devCerts.generateCertificates(certPaths.ca, certPaths.cert, certPaths.key);
    log(`已生成开发证书 / Generated dev certificates in ${certPaths.dir}`);
  }
  return {
    ca: fs.readFileSync(certPaths.ca),
    cert: fs.readFileSync(certPaths.cert),
    key: fs.readFileSync(certPaths.key),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  await ensureDevCerts();
  console.log(`CA 证书 / CA certificate:        ${certPaths.ca}`);
  console.log(`服务器证书 / server certificate: ${certPaths.cert}`);
  console.log(`私钥 / private key:              ${certPaths.key}`);
}
