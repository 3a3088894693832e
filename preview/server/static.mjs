// Serves files below a root directory, refusing anything that resolves outside it.
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** @returns {boolean} whether a file was sent */
export function serveFile(res, rootDir, relPath) {
  const file = path.resolve(rootDir, `.${path.posix.normalize(`/${decodeURIComponent(relPath)}`)}`);
  if (!file.startsWith(path.resolve(rootDir) + path.sep)) {
    return false;
  }
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) {
    return false;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': stat.size });
  fs.createReadStream(file).pipe(res);
  return true;
}
