// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

const swc = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  // Integration tests (real backends on loopback) live beside the unit tests' conventions under tests/.
  testMatch: [...base.testMatch, '<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/tests/fuzz/**/*.test.ts', '<rootDir>/preview/src/**/*.test.tsx'],
  moduleNameMapper: {
    ...base.moduleNameMapper,
    // Under jsdom, yaml resolves to its ESM browser build; its CommonJS build is the same code.
    '^yaml$': '<rootDir>/node_modules/yaml/dist/index.js',
  },
  transform: {
    ...base.transform,
    // d3-color and friends ship only .mjs
    '^.+\\.mjs$': swc,
  },
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, 'd3-dispatch', 'd3-quadtree', 'd3-timer'])],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/demo/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/demo/'],
};
