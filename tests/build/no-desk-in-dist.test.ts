import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESK_PATH } from '../../src/core/desk-link.ts';
import { DIST } from '../helpers/paths.ts';

describe('the built site', () => {
  it('has no editors’ desk: /admin/ exists under the dev server only', () => {
    expect(fs.existsSync(path.join(DIST, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(DIST, DESK_PATH))).toBe(false);
    const files = fs.readdirSync(DIST, { recursive: true, encoding: 'utf8' });
    expect(files.filter((file) => /decap|desk-page/i.test(file))).toEqual([]);
  });
});
