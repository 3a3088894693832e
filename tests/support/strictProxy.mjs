// The preview's data proxy (preview/server/proxy.mjs, as strict as Grafana's) alone in a process of
// its own, for tests that put it between the plugin's client and a real backend. The data sources
// come from FAULTLINE_PROXY_DATASOURCES (JSON, secrets included: never on the command line), the
// routes from src/datasource/plugin.json; it listens on 127.0.0.1:$FAULTLINE_PROXY_PORT.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { handleProxy } from '../../preview/server/proxy.mjs';

const routes = JSON.parse(readFileSync(new URL('../../src/datasource/plugin.json', import.meta.url), 'utf8')).routes;
const datasources = JSON.parse(process.env.FAULTLINE_PROXY_DATASOURCES ?? '[]');
const ctx = {
  datasources,
  routesByType: { 'faultline-datasource': routes },
  role: process.env.FAULTLINE_PROXY_ROLE,
  log: () => undefined,
};

const server = http.createServer(async (req, res) => {
  if (!(await handleProxy(req, res, ctx))) {
    res.writeHead(404).end();
  }
});
server.listen(Number(process.env.FAULTLINE_PROXY_PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
