import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's `resources/` folder (sample fact pack, schemas). From source
 * (src/main) and from the build (out/main, or a chunk folder below it) it is found by
 * walking up to the first folder that has one; FACTDESK_RESOURCES_DIR overrides.
 */
export function resourcesDir(): string {
  if (process.env.FACTDESK_RESOURCES_DIR) return path.resolve(process.env.FACTDESK_RESOURCES_DIR);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'schemas'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources');
}

export function samplePackPath(): string {
  return path.join(resourcesDir(), 'sample', 'factpack.sample.json');
}
