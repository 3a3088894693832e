// Debian's Chromium as the browser tests and the flow graph benchmark launch it: no sandbox (CI
// runs as root), no GPU, and nothing that would reach the network on its own.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** /usr/bin/chromium unless $CHROMIUM names another. */
function chromiumPath() {
  return process.env.CHROMIUM ?? '/usr/bin/chromium';
}

module.exports = { CHROMIUM_ARGS, chromiumPath };
