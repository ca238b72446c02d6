// Entry of `embed.js`, the host page's resizer: a standalone script with no dependencies that a news
// page includes once (see EMBEDDING.md). Built by vite.embed.config.ts as one small IIFE.
import { installResizer } from './resizer';

installResizer(window as unknown as Parameters<typeof installResizer>[0]);
