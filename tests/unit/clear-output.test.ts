import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveAsideAndDelete } from '../../scripts/integrations/clear-output.ts';
import { tempFolder } from '../helpers/temp-folder.ts';

/** An output folder as a build leaves it: pages in folders and a search index. */
function builtOutput(dir: string): void {
  for (const rel of ['index.html', 'articles/a/index.html', 'pagefind/fragment/x.pf_fragment']) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), rel);
  }
}

describe('the last build output, moved aside and deleted in the background', () => {
  it('leaves no output folder at once and nothing in the cache once deleted, the cache kept', async () => {
    const root = tempFolder('clear-output');
    const [out, cache] = [path.join(root, 'dist'), path.join(root, 'dist-cache')];
    builtOutput(out);
    fs.mkdirSync(cache);
    fs.writeFileSync(path.join(cache, 'data-store.json'), '{}');
    const deleting = moveAsideAndDelete(out, cache);
    expect(fs.existsSync(out)).toBe(false);
    await deleting;
    expect(fs.readdirSync(cache)).toEqual(['data-store.json']);
  });

  it('deletes what an interrupted build left in the cache', async () => {
    const root = tempFolder('clear-output');
    const [out, cache] = [path.join(root, 'dist'), path.join(root, 'dist-cache')];
    builtOutput(out);
    await moveAsideAndDelete(path.join(root, 'no-such-output'), cache);
    fs.renameSync(out, path.join(cache, 'previous-output-1-2'));
    await moveAsideAndDelete(path.join(root, 'no-such-output'), cache);
    expect(fs.readdirSync(cache)).toEqual([]);
  });

  it('changes nothing when the output cannot be moved: Astro empties it as before', async () => {
    const root = tempFolder('clear-output');
    const out = path.join(root, 'dist');
    builtOutput(out);
    // A cache folder that is a file: the move fails.
    const cache = path.join(root, 'not-a-folder');
    fs.writeFileSync(cache, '');
    await moveAsideAndDelete(out, cache);
    expect(fs.readFileSync(path.join(out, 'articles/a/index.html'), 'utf8')).toBe(
      'articles/a/index.html',
    );
  });
});
