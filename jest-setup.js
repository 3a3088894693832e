// The scaffold's setup patches browser globals (canvas, matchMedia): only meaningful under jsdom.
// Integration tests run with `@jest-environment node` against real backends and skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}

// waitFor gives up after 1 s by default; on two shared cores a layout or a render can take longer,
// and a test should fail on behaviour, not on a slow machine.
if (typeof window !== 'undefined') {
  require('@testing-library/react').configure({ asyncUtilTimeout: 10000 });
}
