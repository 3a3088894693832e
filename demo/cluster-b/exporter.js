// Cluster b's flow exporter: `node exporter.js --listen 127.0.0.1:9402` serves flows.js on /metrics.
const http = require('node:http');
const { exposition } = require('./flows');

const args = process.argv.slice(2);
const [host, port] = (args[args.indexOf('--listen') + 1] || '127.0.0.1:9402').split(':');
// Counters start as those of agents that have run a minute already: the first scrape has a real value.
const started = Date.now() - 60_000;

http
  .createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(exposition((Date.now() - started) / 1000));
  })
  .listen(Number(port), host);
