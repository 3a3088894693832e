// A real Backstage catalog backend: the catalog plugin on Backstage's own backend framework, with an
// in-memory SQLite database. Config comes from the --config files on the command line.
const { createBackend } = require('@backstage/backend-defaults');

const backend = createBackend();
backend.add(require('@backstage/plugin-catalog-backend'));
backend.start();
