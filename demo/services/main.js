// `node demo/services/main.js`: the demo services alone (docker-compose runs this in node:20).
require('./standalone').main(require('./service'));
