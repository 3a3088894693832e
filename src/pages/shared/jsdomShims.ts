// jsdom has no IntersectionObserver and @grafana/scenes creates one when it loads (lazy panels):
// a do-nothing one lets tests build scenes. Import this before @grafana/scenes.
class NoIntersectionObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

if (typeof globalThis.IntersectionObserver === 'undefined') {
  Object.defineProperty(globalThis, 'IntersectionObserver', { value: NoIntersectionObserver, writable: true });
}

export {};
