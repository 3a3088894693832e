// The scaffold's setup patches browser globals (canvas, matchMedia): only meaningful under jsdom.
// Integration tests run with `@jest-environment node` against real backends and skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
