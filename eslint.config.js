// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layout's rules (README, "代码布局"), read from the code's own imports. Each says why it holds.
 * `no-restricted-paths` zones: a file under `target` may not import a file under `from`.
 */
const layoutZones = [
  {
    target: './src',
    from: './scripts',
    message:
      'src/ is the site and its rules; scripts/ are commands that use them, never the reverse.',
  },
  {
    target: './src/core',
    from: './src',
    except: ['./core'],
    message:
      'src/core holds pure rules every part imports; it imports nothing else of the project.',
  },
  {
    target: './src/lib',
    from: ['./src/site', './src/markdown', './src/language'],
    message:
      'src/lib runs in the browser; src/site, src/markdown and src/language run only in Node.',
  },
  {
    target: './scripts/proofread',
    from: './scripts/ingest',
    message:
      'Ingest runs the proofreading checks; they read the text through scripts/model, never ingest itself.',
  },
  {
    target: './scripts/model',
    from: ['./scripts/ingest', './scripts/proofread'],
    message: 'scripts/model is what ingest and proofread share; it depends on neither.',
  },
];

/** src/core is pure (no Node, no Astro) so the browser, the build and the commands can all load it. */
const noNodeNoAstro = {
  patterns: [
    { group: ['node:*'], message: 'src/core is pure: take what Node gives as a parameter.' },
    { group: ['astro', 'astro:*', 'astro/*'], message: 'src/core is pure: no Astro here.' },
  ],
};

/** The browser code may not load a Node module: it would break the page, not the build. */
const noNode = {
  patterns: [{ group: ['node:*'], message: 'src/lib runs in the browser: no Node modules.' }],
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'node_modules/',
      'packages/',
      '.astro/',
      'src/content/',
      'bench-results/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      // no-cycle parses an imported .astro file with the importing file's options: its frontmatter
      // is TypeScript, so astro-eslint-parser must hand it to the TypeScript parser.
      parserOptions: { parser: tseslint.parser },
    },
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle follows imports into other files: it must parse .ts and .astro to see theirs.
      'import-x/ignore': ['node_modules'],
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs', '.astro'],
      'import-x/parsers': {
        '@typescript-eslint/parser': ['.ts', '.mts'],
        'astro-eslint-parser': ['.astro'],
      },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.mts', '.mjs', '.js', '.astro', '.json'] }),
      ],
    },
    rules: {
      // A `!` hides a case the code never handles; say why it cannot happen, or handle it.
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // A function that does one thing fits on a screen; tables of data are exempt.
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      // Chinese text is full of ideographic spaces (U+3000); patterns and strings match them on purpose.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layoutZones }],
    },
  },
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', noNodeNoAstro] },
  },
  {
    files: ['src/lib/**'],
    rules: { 'no-restricted-imports': ['error', noNode] },
  },
  {
    // Tests read like specifications: one describe block may hold many cases.
    // A `!` in a test fails the test when the value is missing, which is what the test should do.
    files: ['tests/**'],
    rules: { 'max-lines-per-function': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
