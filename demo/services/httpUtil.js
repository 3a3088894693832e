// Small HTTP helpers shared by the demo's servers.

function send(res, code, body, type = 'application/json') {
  if (res.headersSent) {
    return;
  }
  res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** The JSON body of a request (undefined when empty); refuses bodies over `limit` bytes. */
function readJson(req, limit = 10000) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
      if (text.length > limit) {
        reject(new Error(`the body is larger than ${limit} bytes`));
        req.destroy();
      }
    });
    req.on('end', () => {
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch {
        reject(new Error('the body is not JSON'));
      }
    });
  });
}

module.exports = { send, readJson };
