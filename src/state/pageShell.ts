import type { Lang } from '../data/types';
import { translate } from '../i18n/translate';
import type { AppStore } from './createAppStore';

/** What the page shell says in a language: `<html lang>`, `<title>` and the description meta. */
export interface PageShell {
  lang: Lang;
  title: string;
  description: string;
}

/** The shell's texts in a language, from the catalogues (index.html carries the Russian ones). */
export function pageShell(lang: Lang): PageShell {
  return { lang, title: translate(lang, 'app.title'), description: translate(lang, 'app.description') };
}

/**
 * Writes the shell for a language into a document: search engines, tab titles, screen readers and
 * browser translation read these, so a Belarusian view must not announce itself as Russian.
 */
export function applyPageShell(doc: Document, lang: Lang): void {
  const shell = pageShell(lang);
  doc.documentElement.lang = shell.lang;
  doc.title = shell.title;
  let meta = doc.head.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (!meta) {
    meta = doc.createElement('meta');
    meta.name = 'description';
    doc.head.append(meta);
  }
  meta.content = shell.description;
}

/** Keeps the document's shell in the store's language, now and on every switch. Returns a stop function. */
export function syncPageShell(store: AppStore, doc: Document): () => void {
  applyPageShell(doc, store.getState().lang);
  return store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) applyPageShell(doc, s.lang);
  });
}
