/**
 * Preloaded by the unit-test command (`node --import ./tests/pinned-env.ts --test …`): the site's
 * data loaders (src/lib/data.ts) read the pinned corpus's build, not the maintainer's content/.
 */
import { contentDir } from './pinned.ts';

process.env.CONTENT_DIR ??= contentDir;
