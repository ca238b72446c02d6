import './global.css';
import { configFromSearch } from './config';
import { mount } from './mount';
import { syncUrl } from './state/urlSync';

const container = document.getElementById('app');
if (container) {
  const handle = mount(container, configFromSearch(window.location.search));
  // The full page owns the URL and <html lang>; embedded instances mounted elsewhere do not.
  syncUrl(handle.store, window);
  const setLang = (lang: string): void => {
    document.documentElement.lang = lang;
  };
  setLang(handle.store.getState().lang);
  handle.store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) setLang(s.lang);
  });
}
