// Entry of `embed.js`, the host page's resizer: a standalone script with no dependencies that a news
// page includes once (see EMBEDDING.md). Built by vite.embed.config.ts as one small IIFE.
import { installResizer } from './resizer';

// Read through the prototypes: an element named `currentScript` or `querySelectorAll` on the host
// page would shadow the document's own (DOM clobbering).
const script = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')?.get?.call(document) as unknown;
// The script's own address (a classic script, async or not, has it while it runs): the maps it
// answers are the pages of its folder.
const scriptUrl = script instanceof HTMLScriptElement ? script.src : '';
const frames = (): NodeListOf<HTMLIFrameElement> =>
  Document.prototype.querySelectorAll.call(document, 'iframe') as NodeListOf<HTMLIFrameElement>;
installResizer(
  {
    document: { querySelectorAll: frames },
    addEventListener: (type, fn) => window.addEventListener(type, fn),
    removeEventListener: (type, fn) => window.removeEventListener(type, fn),
  },
  scriptUrl,
);
