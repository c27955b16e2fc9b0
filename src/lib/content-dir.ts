/**
 * The converter's output folder: `content/`, or `CONTENT_DIR` for a site built from other
 * seeds (the hostile-input browser test builds one from a temporary folder). A module of its
 * own: the content config (src/content.config.ts) needs only this, and whatever it imports
 * Astro loads through Vite before the content sync of every build.
 */
import { join } from 'node:path';

export const contentDir = process.env.CONTENT_DIR ?? join(process.cwd(), 'content');
