// `node demo/chaos-runner/main.js`: the chaos runner alone, against services already running.
require('../services/standalone').main(require('./service'));
