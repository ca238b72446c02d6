/**
 * What the share dialog offers to copy: the link to the current view, the iframe snippet and the
 * resizer script tag. Pure string building; every value that lands in HTML is escaped.
 */
import { configToSearch, DEFAULT_DISPLAY, type DisplayConfig, type ThemeFlag, type ViewConfig } from '../config';
import { RESIZER_FILE } from './files';

/** Options a journalist picks for an embed. */
export interface EmbedChoice {
  theme: ThemeFlag;
  plain: boolean;
  static: boolean;
}

/** Escapes text for an HTML attribute value in double quotes (and for text content). */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/gu, '&amp;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;');
}

/** The app page's address without query or hash, e.g. `https://maps.example.org/by-ru/`. */
export function appPageUrl(href: string): string {
  const u = new URL(href);
  u.search = '';
  u.hash = '';
  return u.href;
}

/** The view without the diagnostics flag (never shared). */
const publicView = (view: ViewConfig): ViewConfig => ({ ...view, debug: false });

/** Link to the full page at the current view (the reader's theme choice kept, when not `auto`). */
export function shareLink(page: string, view: ViewConfig, theme: ThemeFlag = 'auto'): string {
  return `${appPageUrl(page)}${configToSearch(publicView(view), { ...DEFAULT_DISPLAY, theme })}`;
}

/** Address of the embed page at the current view, with the chosen flags. */
export function embedUrl(page: string, view: ViewConfig, choice: EmbedChoice): string {
  const display: DisplayConfig = { ...DEFAULT_DISPLAY, ...choice, embed: true };
  return `${appPageUrl(page)}${configToSearch(publicView(view), display)}`;
}

/** Height (CSS px) an iframe starts with, before the resizer sets the real one. */
export function initialHeight(choice: EmbedChoice): number {
  return choice.plain ? 520 : 640;
}

/**
 * The iframe snippet. `name` identifies the embed in height messages; the resizer itself matches an
 * iframe by the window that posts, so several embeds on one page need no ids.
 */
export function iframeSnippet(src: string, title: string, choice: EmbedChoice, name = 'byru-map'): string {
  return (
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" name="${escapeHtml(name)}" ` +
    `width="100%" height="${initialHeight(choice)}" loading="lazy" allow="fullscreen" ` +
    `style="display:block;width:100%;min-width:300px;border:0"></iframe>`
  );
}

/** The resizer script tag: include once per page, anywhere. */
export function scriptSnippet(page: string): string {
  return `<script src="${escapeHtml(new URL(RESIZER_FILE, appPageUrl(page)).href)}" async></script>`;
}
