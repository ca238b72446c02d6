import './global.css';
import { installWorkerPolicy } from './map/workerPolicy';
import { configFromSearch, displayFromSearch } from './config';
import { postHeight } from './embed/postHeight';
import { mount } from './mount';
import { syncPageShell } from './state/pageShell';
import { afterNextPaint, syncUrl } from './state/urlSync';

// The page owns its Trusted Types default policy: one that lets the map engine's worker start.
installWorkerPolicy();

const container = document.getElementById('app');
if (container) {
  const display = displayFromSearch(window.location.search);
  const handle = mount(container, { ...configFromSearch(window.location.search), ...display });
  if (display.embed) {
    // An embed is as tall as its content and tells the host page (the resizer, EMBEDDING.md). It
    // keeps out of the URL: history entries in an iframe would hijack the article's Back button.
    container.style.height = 'auto';
    if (window.parent !== window) postHeight(container);
  } else {
    // The full page owns the URL and <html lang>; embedded instances mounted elsewhere do not.
    syncUrl(handle.store, window, afterNextPaint(window));
    // With nothing focused (a freshly opened page), the timeline and Esc keys still work: hand
    // the key to the app, whose own handler decides (one place for the key logic).
    document.addEventListener('keydown', (e) => {
      if (e.target !== document.body || e.defaultPrevented) return;
      const app = container.querySelector('.byru-app');
      if (!app) return;
      const { key, altKey, ctrlKey, metaKey, shiftKey } = e;
      const copy = new KeyboardEvent('keydown', {
        key,
        altKey,
        ctrlKey,
        metaKey,
        shiftKey,
        bubbles: true,
        cancelable: true,
      });
      app.dispatchEvent(copy);
      if (copy.defaultPrevented) e.preventDefault();
    });
  }
  // <html lang>, <title> and the description follow the language (index.html carries Russian).
  syncPageShell(handle.store, document);
}
