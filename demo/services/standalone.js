// Runs one demo backend without the demo runner (a container, a second terminal): ports from
// demo/PORTS.md, state in $FAULTLINE_STATE_DIR (default demo/.state/<name>), stops on SIGTERM/SIGINT.
const fs = require('node:fs');
const path = require('node:path');

async function runStandalone(svc) {
  const root = path.resolve(__dirname, '..', '..');
  const stateDir = process.env.FAULTLINE_STATE_DIR || path.join(root, 'demo', '.state', svc.name);
  fs.mkdirSync(stateDir, { recursive: true });
  const handle = await svc.start({ root, stateDir, log: (msg) => console.log(`[${svc.name}] ${msg}`) });
  const stop = async () => {
    await handle.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function main(svc) {
  runStandalone(svc).catch((e) => {
    console.error(`[${svc.name}] ${e.message}`);
    process.exit(1);
  });
}

module.exports = { runStandalone, main };
