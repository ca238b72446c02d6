import './global.css';
import { configFromSearch, displayFromSearch } from './config';
import { postHeight } from './embed/postHeight';
import { mount } from './mount';
import { syncUrl } from './state/urlSync';

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
    syncUrl(handle.store, window);
  }
  const setLang = (lang: string): void => {
    document.documentElement.lang = lang;
  };
  setLang(handle.store.getState().lang);
  handle.store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) setLang(s.lang);
  });
}
